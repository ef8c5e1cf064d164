/**
 * A simulated contact-centre shift on the packaged zip in the Apps-Engine 1.62 Deno runtime, prefetch on, with
 * the history at its default or off (`tsx scripts/bench/shift.ts history|no-history`; prints one JSON line).
 * Conversations reach the agent with Poisson arrivals; most visitors carry a LivePerson id, half of them as
 * Messaging consumers with a year of conversations; most agents open the panel a while after the assignment.
 * LivePerson answers each request in 50 ms and turns away anything over 10 requests a second with a 429. The
 * random draws are seeded, so both modes live the same shift.
 */
import { addConversations, profileRequests, startBenchWorld, type Conversation } from './benchWorld';

export const SHIFT = {
    conversations: 500,
    arrivalsPerSecond: 4,
    withParticipantId: 0.8,
    /** Of the visitors with an id, the share that are Messaging consumers (the rest legacy chat participants). */
    messaging: 0.5,
    opened: 0.7,
    openAfterSeconds: [1, 30] as const,
    latencyMs: 50,
    requestsPerSecond: 10,
};

export interface ShiftResult {
    mode: 'history' | 'no-history';
    assignedOverSeconds: number;
    firstClicks: number;
    firstClicksWithId: number;
    zeroRequestClicksWithId: number;
    clickMs: number[];
    requests: number;
    conversationsWithId: number;
    messagingConversations: number;
    status429: number;
    drawn: number;
}

/** Deterministic uniform numbers in [0, 1) (mulberry32). */
function seeded(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const sleepUntil = (start: number, atMs: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, start + atMs - performance.now())));

export async function runShift(mode: ShiftResult['mode']): Promise<ShiftResult> {
    const random = seeded(20261201);
    const plan = Array.from({ length: SHIFT.conversations }, () => ({
        withId: random() < SHIFT.withParticipantId,
        messaging: random() < SHIFT.messaging,
        opened: random() < SHIFT.opened,
        gap: -Math.log(1 - random()) / SHIFT.arrivalsPerSecond,
        openAfter: 0,
    }));
    let at = 0;
    const schedule = plan.map((entry) => {
        at += entry.gap * 1000;
        const [from, to] = SHIFT.openAfterSeconds;
        return { ...entry, assignedAtMs: at, openAtMs: at + (from + random() * (to - from)) * 1000 };
    });

    const world = await startBenchWorld({ latencyMs: SHIFT.latencyMs, settings: mode === 'history' ? {} : { lp_history_count: 0 } });
    const kindOf = (index: number) => (!schedule[index].withId ? 'none' : schedule[index].messaging ? 'messaging' : 'chat');
    const conversations = await addConversations(world, SHIFT.conversations, kindOf);
    world.sim.clearLog();
    world.sim.rateLimit({ requestsPerSecond: SHIFT.requestsPerSecond });
    const agent = world.users.agent;
    const result: ShiftResult = {
        mode,
        assignedOverSeconds: schedule[schedule.length - 1].assignedAtMs / 1000,
        firstClicks: 0,
        firstClicksWithId: 0,
        zeroRequestClicksWithId: 0,
        clickMs: [],
        requests: 0,
        conversationsWithId: 0,
        messagingConversations: 0,
        status429: 0,
        drawn: 0,
    };

    const firstClick = async (conversation: Conversation) => {
        const before = profileRequests(world, conversation);
        const started = performance.now();
        await world.roomAction(agent, conversation.room);
        result.clickMs.push(performance.now() - started);
        result.firstClicks += 1;
        if (conversation.kind === 'none') return;
        result.firstClicksWithId += 1;
        if (profileRequests(world, conversation) === before) result.zeroRequestClicksWithId += 1;
    };

    const start = performance.now();
    const work: Array<Promise<void>> = [];
    schedule.forEach((entry, index) => {
        const conversation = conversations[index];
        work.push(sleepUntil(start, entry.assignedAtMs).then(() => world.agentAssigned(conversation.room.id, agent)));
        if (entry.opened) work.push(sleepUntil(start, entry.openAtMs).then(() => firstClick(conversation)));
    });
    await Promise.all(work);
    result.requests = world.sim.count();
    result.status429 = world.sim.count429();
    result.conversationsWithId = conversations.filter((conversation) => conversation.kind !== 'none').length;
    result.messagingConversations = conversations.filter((conversation) => conversation.kind === 'messaging').length;
    result.drawn = world.host.web.surfaces.filter((surface) => !surface.dropped).length;
    await world.stop();
    return result;
}

if (require.main === module) {
    const mode = process.argv[2];
    if (mode !== 'history' && mode !== 'no-history') throw new Error('usage: tsx scripts/bench/shift.ts history|no-history');
    runShift(mode).then(
        (result) => {
            process.stdout.write(`${JSON.stringify(result)}\n`);
            process.exit(0);
        },
        (error: unknown) => {
            console.error(error);
            process.exit(1);
        },
    );
}
