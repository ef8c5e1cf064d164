/**
 * The click path in the real runtime: the room action (kebab menu → panel) on the packaged zip in the Apps-Engine
 * 1.62 Deno runtime. How many LivePerson requests a click costs cold, warm and cached; how long it takes; and how
 * many times a cached click crosses from the app's subprocess to the server, by kind.
 */
import { addConversations, crossings, startBenchWorld } from './benchWorld';
import { ms, percentile, table } from './stats';

const LATENCY_MS = 50;
const RUNS = 200;

/** What each boundary crossing asks the server for, in the words of the issue. */
function kindOf(method: string): string {
    const rules: Array<[RegExp, string]> = [
        [/getSettings|getServerSettings|getEnvironmentReader/, 'settings'],
        [/Persistence|persis/i, 'persistence'],
        [/getDepartment/i, 'department'],
        [/Visitor/i, 'visitor'],
        [/Room/i, 'room'],
        [/User/i, 'user'],
        [/UiInteraction|getUiController|openContextualBar|updateContextualBar|Notifier|notify/i, 'UI'],
        [/Http|http/, 'http (LivePerson)'],
    ];
    return rules.find(([pattern]) => pattern.test(method))?.[1] ?? 'other';
}

export async function measureClicks(): Promise<void> {
    const world = await startBenchWorld({ latencyMs: LATENCY_MS });
    const conversations = addConversations(world, RUNS + 1, () => true);
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
    for (let index = 1; index <= RUNS; index++) cached.push(await click(index));
    const cachedRequests = world.sim.count();

    // The runtime's own floor: a button the app ignores at once, with no call back to the server.
    const floor: number[] = [];
    for (let index = 1; index <= RUNS; index++) {
        const started = performance.now();
        await world.blockAction(agent, { actionId: 'bench-ignored', blockId: 'bench', viewId: 'bench' });
        floor.push(performance.now() - started);
    }

    crossings.clear();
    await click(1);
    const ofOneClick = [...crossings];
    const perKind = new Map<string, number>();
    for (const [method, count] of ofOneClick) perKind.set(kindOf(method), (perKind.get(kindOf(method)) ?? 0) + count);
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
        `Room action to panel in the Deno runtime (Apps-Engine 1.62; LivePerson simulated with ${LATENCY_MS} ms per request; ${RUNS} clicks per row; ${drawn} panels drawn)`,
        [
            row('cold: the first click after install, 1 sample (domain, login, agent session, profile)', [coldMs], coldRequests, 'panel < 1 s'),
            row('warm: another visitor (profile only)', warm, warmRequests / RUNS, '1 request'),
            row('cached: the same visitor again', cached, cachedRequests / RUNS, `p95 ≤ 10 ms, 0 requests`),
            row('the runtime alone: a button the app ignores (no server call)', floor, 0, ''),
        ],
    );
    const total = [...perKind.values()].reduce((sum, count) => sum + count, 0);
    table('Server round trips of one cached click, by kind (each is an IPC call from the app subprocess; goal ≤ 6)', [
        ...[...perKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, count]) => ({ kind, calls: count })),
        { kind: 'total', calls: total },
    ]);
    table(
        'The same, by method',
        ofOneClick.map(([method, count]) => ({ method, calls: count })),
    );
}
