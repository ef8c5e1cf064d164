/**
 * The click path in the real runtime: the room action (kebab menu → panel) on the packaged zip in the Apps-Engine
 * 1.62 Deno runtime, for Messaging consumers with a year of history (the history at its default). How many
 * LivePerson requests a click costs cold, warm and cached; how long it takes; and how many times a cached click
 * crosses from the app's subprocess to the server, by method.
 */
import { addConversations, crossings, startBenchWorld } from './benchWorld';
import { ms, percentile, table } from './stats';

const LATENCY_MS = 50;
const RUNS = 200;
/** Cached clicks each 10 s of app time after the last: the server's language, cached for 10 s, is read again. */
const SPACED = 20;

export interface ClickResult {
    cachedMs: number[];
    /** Server round trips of a cached click, on average: back to back, and 10 s apart. */
    roundTrips: number;
    spacedRoundTrips: number;
}

/** The crossings counted while `run` ran, per click. */
async function perClick(clicks: number, run: () => Promise<void>): Promise<Map<string, number>> {
    crossings.clear();
    await run();
    return new Map([...crossings].map(([method, count]) => [method, +(count / clicks).toFixed(2)]));
}
const sum = (counts: Map<string, number>) => +[...counts.values()].reduce((total, count) => total + count, 0).toFixed(2);

export async function measureClicks(): Promise<ClickResult> {
    const world = await startBenchWorld({ latencyMs: LATENCY_MS });
    const conversations = await addConversations(world, RUNS + 1, () => 'messaging');
    const agent = world.users.agent;
    const click = async (index: number) => {
        const started = performance.now();
        await world.roomAction(agent, conversations[index].room);
        return performance.now() - started;
    };

    world.sim.clearLog();
    const coldMs = await click(0);
    const coldRequests = world.sim.count();
    const warm: number[] = [];
    let warmRequests = 0;
    for (let index = 1; index <= RUNS; index++) {
        world.sim.clearLog();
        warm.push(await click(index));
        warmRequests += world.sim.count();
    }
    const cached: number[] = [];
    world.sim.clearLog();
    const backToBack = await perClick(RUNS, async () => {
        for (let index = 1; index <= RUNS; index++) cached.push(await click(index));
    });
    const cachedRequests = world.sim.count();
    const spaced: number[] = [];
    const apart = await perClick(SPACED, async () => {
        for (let index = 1; index <= SPACED; index++) {
            world.advanceClock(10_000);
            spaced.push(await click(index));
        }
    });
    const spacedRequests = world.sim.count() - cachedRequests;

    // The runtime's own floor: a button the app ignores at once, with no call back to the server.
    const floor: number[] = [];
    for (let index = 1; index <= RUNS; index++) {
        const started = performance.now();
        await world.blockAction(agent, { actionId: 'bench-ignored', blockId: 'bench', viewId: 'bench' });
        floor.push(performance.now() - started);
    }
    const drawn = world.host.web.surfaces.filter((surface) => !surface.dropped).length;
    await world.stop();

    const row = (state: string, samples: number[], requests: number, goal: string) => ({
        click: state,
        'LivePerson requests': requests,
        p50: ms(percentile(samples, 50)),
        p95: ms(percentile(samples, 95)),
        goal,
    });
    table(
        `Room action to panel in the Deno runtime (Apps-Engine 1.62; Messaging consumers with 12 LivePerson and 1 Rocket.Chat earlier conversations; LivePerson simulated with ${LATENCY_MS} ms per request; ${RUNS} clicks per row; ${drawn} panels drawn)`,
        [
            row('cold: the first click after install, 1 sample (domains, login, consumer search)', [coldMs], coldRequests, 'panel < 1 s'),
            row('warm: another visitor (the consumer search only)', warm, warmRequests / RUNS, '1 request'),
            row('cached: the same visitor again', cached, cachedRequests / RUNS, 'p95 ≤ 10 ms, 0 requests'),
            row(`cached, 10 s after the last click (the server's language read again; ${SPACED} clicks)`, spaced, spacedRequests / SPACED, ''),
            row('the runtime alone: a button the app ignores (no server call)', floor, 0, ''),
        ],
    );
    const methods = [...new Set([...backToBack.keys(), ...apart.keys()])].map((method) => [method, method.replace(/^accessor:getReader:/, '')]);
    table(`Server round trips of a cached click (IPC calls from the app's subprocess, per click; goal ≤ 4)`, [
        ...methods.map(([method, name]) => ({ method: name, 'back to back': backToBack.get(method) ?? 0, '10 s apart': apart.get(method) ?? 0 })),
        { method: 'total', 'back to back': sum(backToBack), '10 s apart': sum(apart) },
    ]);
    return { cachedMs: cached, roundTrips: sum(backToBack), spacedRoundTrips: sum(apart) };
}
