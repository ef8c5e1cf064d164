/** The LivePerson simulator's modes the sidebar offers: what each one does to the simulator, and how the page says it. */
import type { LivePersonSimulator } from '../test/support/liveperson-simulator';

/** Past the app's default 2500 ms LivePerson time limit, inside the client's 5 s trigger window. */
const SLOW_LATENCY_MS = 3000;
/** Short, so that the app asks again soon after the page leaves the 429 mode. */
const RETRY_AFTER_SECONDS = 10;

/** In the sidebar's order; each starts from a simulator that answers at once and without faults. */
const MODES = [
    { name: 'normal', description: 'answers at once', apply: () => undefined },
    {
        name: 'slow',
        description: `answers after ${SLOW_LATENCY_MS / 1000} s: past the app’s time limit unless it is 3500 ms`,
        apply: (sim: LivePersonSimulator) => sim.setLatency('*', SLOW_LATENCY_MS),
    },
    {
        name: 'down',
        description: '503 on every call, Messaging (msgHist) included',
        // Every route: the Domain API, login, the Chat Agent API and the Messaging history (msgHist).
        apply: (sim: LivePersonSimulator) => sim.fault('*', { status: 503 }),
    },
    {
        name: '401',
        description: 'bearer expired, logins refused',
        // The app's session is gone and it cannot get a new one.
        apply: (sim: LivePersonSimulator) => {
            sim.expireBearers();
            sim.fault('login', { status: 401 });
            sim.fault('refresh', { status: 401 });
        },
    },
    {
        name: '429',
        description: `every call rate limited, Retry-After: ${RETRY_AFTER_SECONDS} (the app then waits ${RETRY_AFTER_SECONDS} s)`,
        apply: (sim: LivePersonSimulator) => sim.fault('*', { status: 429, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } }),
    },
    {
        name: 'garbage',
        description: 'an HTML page instead of JSON for profiles and Messaging history',
        apply: (sim: LivePersonSimulator) => {
            for (const route of ['participantInfo', 'msgHistConsumer', 'msgHistConversation'] as const) sim.fault(route, { kind: 'html', status: 200 });
        },
    },
] as const;

export type LivePersonMode = (typeof MODES)[number]['name'];

/** What the sidebar lists: each mode's name and what it does. */
export const LIVEPERSON_MODES = MODES.map(({ name, description }) => ({ name, description }));

export const isLivePersonMode = (value: string): value is LivePersonMode => MODES.some((mode) => mode.name === value);

export function applyMode(sim: LivePersonSimulator, mode: LivePersonMode): void {
    sim.clearFaults();
    sim.setLatency('*', 0);
    for (const preset of MODES) if (preset.name === mode) preset.apply(sim);
}
