import { translator } from '../../src/i18n/translator';
import { createCallContext } from '../../src/liveperson/createCallContext';
import { LivePersonClient } from '../../src/liveperson/LivePersonClient';
import { parseAppConfig } from '../../src/settings/readAppConfig';
import { buildProfileDocument } from '../../src/ui/buildProfileDocument';
import { renderPanelBlocks } from '../../src/ui/renderPanelBlocks';
import { parseHostVisitor } from '../../src/visitor/parseHostVisitor';
import { BOT_SETTINGS } from '../../test/support/sample-world';
import { startBenchWorld } from './benchWorld';

const TOTAL = 100_000;
const PARTICIPANTS = 2500;
const CACHE_BOUND = 2000;
const CONCURRENCY = 32;

const silent = new Proxy({}, { get: () => () => undefined }) as never;

/**
 * 100,000 enrichments (LivePerson lookup + panel) through the client over real HTTP, with more participants
 * than the cache holds, so entries are evicted all along; the heap is read after a GC at each quarter.
 */
export async function measureHeap() {
    const { world, participantIds } = await startBenchWorld(PARTICIPANTS, 0);
    const config = parseAppConfig(BOT_SETTINGS);
    const client = new LivePersonClient({ maxCachedParticipants: CACHE_BOUND });
    client.useSettings(config.livePerson!, config.cacheTtlMs);
    const t = translator('en');
    const visitor = parseHostVisitor({ id: 'v', username: 'guest' })!;
    const gc = (globalThis as { gc?: () => void }).gc;
    const heapMb = () => {
        gc?.();
        return process.memoryUsage().heapUsed / 1024 / 1024;
    };

    let done = 0;
    const rows: Array<Record<string, string | number>> = [];
    const started = Date.now();
    const enrich = async (index: number) => {
        const participantId = participantIds[Math.floor(random(index) * PARTICIPANTS)];
        const ctx = { ...createCallContext({ http: world.host.http, read: world.host.read, persistence: world.host.persis }, silent, 2500), logger: silent };
        const result = await client.lookupParticipant(ctx, participantId, { bypassCache: false });
        const section = result.ok
            ? ({ state: 'loaded', participantId, source: { kind: 'link' }, info: result.value.info, ageMs: result.value.ageMs } as const)
            : ({ state: 'failed', participantId, source: { kind: 'link' }, failure: result.failure } as const);
        renderPanelBlocks(buildProfileDocument({ visitor, livePerson: section }, { maskPii: true, showSensitive: false }, t), { appId: 'a', refreshLabel: 'r', refreshValue: '' });
    };
    rows.push({ enrichments: 0, 'heap (MB)': heapMb().toFixed(1), 'cached participants': client.cachedParticipants, 'LivePerson requests': 0 });
    let requests = 0;
    while (done < TOTAL) {
        const batch = Array.from({ length: CONCURRENCY }, (_, i) => enrich(done + i));
        await Promise.all(batch);
        done += CONCURRENCY;
        if (done % 2048 === 0) {
            // The test host and simulator keep records of everything: the app's memory is what is measured.
            requests += world.sim.count();
            world.host.clearRecords();
            world.sim.clearLog();
        }
        if (done % (TOTAL / 4) < CONCURRENCY) {
            rows.push({ enrichments: done, 'heap (MB)': heapMb().toFixed(1), 'cached participants': client.cachedParticipants, 'LivePerson requests': requests + world.sim.count() });
        }
    }
    rows.push({ enrichments: `${done} in ${((Date.now() - started) / 1000).toFixed(1)} s`, 'heap (MB)': '', 'cached participants': '', 'LivePerson requests': '' });
    await world.stop();
    return { rows, participants: PARTICIPANTS, cacheBound: CACHE_BOUND, gc: Boolean(gc) };
}

/** Deterministic pseudo-random numbers, so two runs do the same work. */
function random(seed: number): number {
    const x = Math.sin(seed * 12.9898) * 43758.5453;
    return x - Math.floor(x);
}
