import { fail, failureOf, isOutage, type LivePersonStep } from './failures';
import { TIMES } from './sessionPolicy';

type Cause = 'unavailable' | 'rateLimited';

type BreakerState =
    | { kind: 'closed'; outages: number }
    | { kind: 'open'; until: number; cause: Cause; outages: number }
    /** The cool-down is over and one call is finding out whether LivePerson is back. */
    | { kind: 'probing'; cause: Cause; outages: number };

/**
 * Stops making every agent wait out a timeout while LivePerson is down, and stops calling it at all while it
 * rate-limits the app. Callers wrap their call in `run`; the breaker decides whether it goes out, and learns
 * from how it ends.
 */
export class CircuitBreaker {
    private state: BreakerState = { kind: 'closed', outages: 0 };

    async run<T>(call: { correlationId: string }, step: LivePersonStep, work: () => Promise<T>): Promise<T> {
        const before = this.state;
        const now = Date.now();
        if (before.kind === 'open' && now < before.until) {
            return this.refuse(call, step, before.cause, Math.ceil((before.until - now) / 1000));
        }
        if (before.kind === 'probing') {
            return this.refuse(call, step, before.cause, 1);
        }
        const probe = before.kind === 'open';
        if (before.kind === 'open') {
            this.state = { kind: 'probing', cause: before.cause, outages: before.outages };
        }
        try {
            const value = await work();
            this.state = this.settle(undefined, probe);
            return value;
        } catch (error) {
            this.state = this.settle(error, probe);
            throw error;
        }
    }

    /** Whether a call would go out now (the prefetch asks before it queues). */
    get isOpen(): boolean {
        return this.state.kind === 'probing' || (this.state.kind === 'open' && Date.now() < this.state.until);
    }

    reset(): void {
        this.state = { kind: 'closed', outages: 0 };
    }

    /**
     * What one call's end teaches, against the state as it is now: other calls were out at the same time, and
     * an answer to a request sent earlier must not undo what a later one learnt (a 429 pause, an open circuit).
     */
    private settle(error: unknown, probe: boolean): BreakerState {
        const current = this.state;
        const now = Date.now();
        const failure = error === undefined ? undefined : failureOf(error);
        if (error !== undefined && (!failure || failure.notSent)) {
            // Nothing was asked of LivePerson (or the app failed on its own): nothing learnt. A probe that asked
            // nothing lets the next call probe.
            return probe && current.kind === 'probing' ? { kind: 'open', until: 0, cause: current.cause, outages: current.outages } : current;
        }
        const openUntil = current.kind === 'open' ? current.until : 0;
        if (failure?.kind === 'rateLimited') {
            const seconds = Math.min(failure.retryAfterSeconds ?? 1, TIMES.retryAfterCap / 1000);
            return { kind: 'open', until: Math.max(openUntil, now + seconds * 1000), cause: 'rateLimited', outages: current.outages };
        }
        if (openUntil > now) {
            return current;
        }
        if (failure && isOutage(failure.kind)) {
            const count = current.outages + 1;
            return count >= TIMES.breakerThreshold
                ? { kind: 'open', until: now + TIMES.breakerCoolDown, cause: 'unavailable', outages: count }
                : { kind: 'closed', outages: count };
        }
        // LivePerson answered: whatever it said, it is up.
        return { kind: 'closed', outages: 0 };
    }

    private refuse(call: { correlationId: string }, step: LivePersonStep, cause: Cause, seconds: number): never {
        const why = cause === 'rateLimited' ? 'LivePerson asked the app to slow down' : 'LivePerson failed several times in a row';
        return fail({
            kind: cause,
            step,
            message: `${why}: not calling it for ${seconds} s`,
            correlationId: call.correlationId,
            retryAfterSeconds: seconds,
            notSent: true,
        });
    }
}
