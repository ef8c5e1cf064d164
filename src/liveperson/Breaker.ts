import { RETRY_AFTER_CAP } from './exchange';
import { fail, failureAt, failureOf, isOutage, type LivePersonStep } from './failures';

/** Consecutive outages that open the circuit, and how long it then stays open. */
const OUTAGES_TO_OPEN = 3;
const OPEN_FOR = 30_000;

type Cause = 'rateLimited' | 'unavailable';

type State =
    | { kind: 'closed'; outages: number }
    | { kind: 'open'; until: number; cause: Cause }
    /** The wait is over and one call is finding out whether LivePerson is back. */
    | { kind: 'probing'; cause: Cause };

/**
 * Stops making every agent wait out a timeout while LivePerson is down, and stops calling it at all while it
 * rate-limits the app: callers wrap their call in `run`, which decides whether it goes out and learns from how
 * it ends. One state per LivePerson product, so a 429 from the Messaging API leaves chat lookups alone.
 */
export class Breaker {
    private readonly states = new Map<string, State>();

    async run<T>(lane: string, call: { reference: string }, step: LivePersonStep, work: () => Promise<T>): Promise<T> {
        const before = this.state(lane);
        const waiting = this.waitOf(before);
        if (waiting) {
            return fail(failureAt(call, step, 'paused', pauseMessage(waiting), { cause: waiting.cause, retryAfterSeconds: waiting.seconds }));
        }
        const probe = before.kind === 'open';
        if (before.kind === 'open') this.states.set(lane, { kind: 'probing', cause: before.cause });
        try {
            const value = await work();
            this.states.set(lane, this.learn(lane, undefined, probe));
            return value;
        } catch (error) {
            this.states.set(lane, this.learn(lane, error, probe));
            throw error;
        }
    }

    /** The longest wait now running, if any: background work waits it out, `status` says it. */
    get waiting(): { cause: Cause; seconds: number } | undefined {
        return [...this.states.values()]
            .map((state) => this.waitOf(state))
            .reduce((longest, wait) => (wait && (!longest || wait.seconds > longest.seconds) ? wait : longest), undefined);
    }

    reset(): void {
        this.states.clear();
    }

    private state(lane: string): State {
        return this.states.get(lane) ?? { kind: 'closed', outages: 0 };
    }

    private waitOf(state: State): { cause: Cause; seconds: number } | undefined {
        if (state.kind === 'probing') return { cause: state.cause, seconds: 1 };
        const left = state.kind === 'open' ? state.until - Date.now() : 0;
        return left > 0 && state.kind === 'open' ? { cause: state.cause, seconds: Math.ceil(left / 1000) } : undefined;
    }

    /**
     * What one call's end teaches, against the state as it is now: other calls were out at the same time, and an
     * answer to a request sent earlier must not undo what a later one learnt (a 429 pause, an open circuit).
     */
    private learn(lane: string, error: unknown, probe: boolean): State {
        const current = this.state(lane);
        const failure = error === undefined ? undefined : failureOf(error);
        const now = Date.now();
        if (error !== undefined && (!failure || failure.notSent || failure.kind === 'paused' || failure.kind === 'heldBack')) {
            // Nothing was asked of LivePerson: nothing learnt. A probe that asked nothing lets the next call probe.
            return probe && current.kind === 'probing' ? { kind: 'open', until: 0, cause: current.cause } : current;
        }
        const openUntil = current.kind === 'open' ? current.until : 0;
        if (failure?.kind === 'rateLimited') {
            const ms = Math.min((failure.retryAfterSeconds ?? 1) * 1000, RETRY_AFTER_CAP);
            return { kind: 'open', until: Math.max(openUntil, now + ms), cause: 'rateLimited' };
        }
        if (openUntil > now) return current;
        if (failure && isOutage(failure)) {
            const outages = (current.kind === 'closed' ? current.outages : OUTAGES_TO_OPEN - 1) + 1;
            return outages >= OUTAGES_TO_OPEN ? { kind: 'open', until: now + OPEN_FOR, cause: 'unavailable' } : { kind: 'closed', outages };
        }
        // LivePerson answered: whatever it said, it is up.
        return { kind: 'closed', outages: 0 };
    }
}

const pauseMessage = ({ cause, seconds }: { cause: Cause; seconds: number }) =>
    `${cause === 'rateLimited' ? 'LivePerson asked the app to slow down' : 'LivePerson failed several times in a row'}: not calling it for ${seconds} s`;
