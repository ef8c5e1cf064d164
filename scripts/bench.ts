/**
 * `npm run bench`: the numbers behind the README's performance table. Prints tables; asserts nothing.
 * LivePerson is the simulator on loopback with 50 ms added to every request, the app is the packaged zip in
 * the in-memory host, and the baseline is a naive client that logs in, opens a session and fetches every time.
 */
import { startBenchWorld } from './bench/benchWorld';
import { measureAppCpu } from './bench/cpu';
import { measureHeap } from './bench/heap';
import { naiveEnrichment } from './bench/naiveClient';
import { ms, percentile, table } from './bench/stats';

const LATENCY_MS = 50;

async function requestsPerEnrichment() {
    const rows: Array<Record<string, string | number>> = [];
    {
        const { world, rooms } = await startBenchWorld(2, LATENCY_MS);
        const command = (index: number) => world.host.runSlashCommand({ command: 'visitorinfo', args: [], sender: world.users.agent, room: rooms[index] });
        await command(0);
        rows.push({ case: 'cold (first click after start)', ours: world.sim.count(), naive: 4, target: '<= 4' });
        world.sim.clearLog();
        await command(1);
        rows.push({ case: 'warm (another visitor)', ours: world.sim.count(), naive: 4, target: '= 1' });
        world.sim.clearLog();
        await command(1);
        rows.push({ case: 'cached (same visitor again)', ours: world.sim.count(), naive: 4, target: '= 0' });
        await world.stop();
    }
    {
        const { world, rooms } = await startBenchWorld(20, LATENCY_MS);
        await Promise.all(Array.from({ length: 100 }, (_, i) => world.host.runSlashCommand({ command: 'visitorinfo', args: [], sender: world.users.agent, room: rooms[i % 20] })));
        const ours = world.sim.count();
        world.sim.clearLog();
        await Promise.all(Array.from({ length: 100 }, (_, i) => naiveEnrichment(world.host.http, '12345678', `bench-participant-${String(i % 20).padStart(6, '0')}`)));
        rows.push({ case: '100 concurrent over 20 participants, cold', ours, naive: world.sim.count(), target: '<= 23 (naive 400)' });
        await world.stop();
    }
    table(`Upstream requests per enrichment (simulator adds ${LATENCY_MS} ms per request)`, rows);
}

async function latency() {
    const runs = 40;
    const { world, rooms } = await startBenchWorld(runs, LATENCY_MS);
    await world.host.runJob('lpvi-prewarm');
    const ours: number[] = [];
    for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await world.host.runSlashCommand({ command: 'visitorinfo', args: ['refresh'], sender: world.users.agent, room: rooms[i] });
        ours.push(performance.now() - started);
    }
    const naive: number[] = [];
    for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await naiveEnrichment(world.host.http, '12345678', `bench-participant-${String(i).padStart(6, '0')}`);
        naive.push(performance.now() - started);
    }
    await world.stop();
    const row = (name: string, samples: number[]) => ({ client: name, p50: ms(percentile(samples, 50)), p95: ms(percentile(samples, 95)) });
    table(`Warm enrichment latency, click to panel (${runs} runs; one round trip = ${LATENCY_MS} ms; target p50/p95 <= ${LATENCY_MS + 5} ms)`, [
        row('ours (warm, past the cache)', ours),
        row('naive (4 round trips)', naive),
        { client: 'naive / ours', p50: `${(percentile(naive, 50) / percentile(ours, 50)).toFixed(2)}x`, p95: `${(percentile(naive, 95) / percentile(ours, 95)).toFixed(2)}x` },
    ]);
}

async function panelOpenTimes() {
    const { world, rooms } = await startBenchWorld(2, LATENCY_MS);
    const open = async (index: number) => {
        const { triggerId } = await world.host.runSlashCommand({ command: 'visitorinfo', args: [], sender: world.users.agent, room: rooms[index] });
        return world.host.surfaces.find((surface) => surface.triggerId === triggerId)?.openedAfterMs ?? NaN;
    };
    const cold = await open(0);
    const warm = await open(1);
    const cached = await open(1);
    await world.stop();
    table(`Command to panel opened (simulator adds ${LATENCY_MS} ms per request; the web client drops a panel after 5000 ms)`, [
        { case: 'cold: domain + login + agent session + info', opened: ms(cold) },
        { case: 'warm: info only', opened: ms(warm) },
        { case: 'cached: no LivePerson call', opened: ms(cached) },
    ]);
}

async function main() {
    console.log(`LivePerson Visitor Info benchmark (node ${process.version}, ${new Date().toISOString()})`);
    await requestsPerEnrichment();
    await latency();
    await panelOpenTimes();
    const cpu = measureAppCpu();
    table('The app’s own CPU per enrichment (from the sources, 20,000 iterations)', [
        { step: 'parse (LivePerson JSON + host visitor)', 'per enrichment': `${cpu.parseUs.toFixed(1)} µs` },
        { step: 'build the panel (document + blocks)', 'per enrichment': `${cpu.viewUs.toFixed(1)} µs` },
        { step: 'total (target < 500 µs)', 'per enrichment': `${(cpu.parseUs + cpu.viewUs).toFixed(1)} µs` },
    ]);
    const heap = await measureHeap();
    table(`Heap after enrichments (client + panel; ${heap.participants} participants, cache bound ${heap.cacheBound}; after GC)`, heap.rows);
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
