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
        if (before.kind === 'open') {
            this.state = { kind: 'probing', cause: before.cause, outages: before.outages };
        }
        try {
            const value = await work();
            this.state = { kind: 'closed', outages: 0 };
            return value;
        } catch (error) {
            this.state = this.after(before, error);
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

    private after(before: BreakerState, error: unknown): BreakerState {
        const failure = failureOf(error);
        const outages = before.outages;
        if (!failure || failure.notSent) {
            // Nothing was asked of LivePerson (or the app failed on its own): nothing learnt; the next call may probe.
            return before.kind === 'closed' ? before : { kind: 'open', until: 0, cause: before.cause, outages };
        }
        if (failure.kind === 'rateLimited') {
            const seconds = Math.min(failure.retryAfterSeconds ?? 1, TIMES.retryAfterCap / 1000);
            return { kind: 'open', until: Date.now() + seconds * 1000, cause: 'rateLimited', outages };
        }
        if (isOutage(failure.kind)) {
            const count = outages + 1;
            return count >= TIMES.breakerThreshold
                ? { kind: 'open', until: Date.now() + TIMES.breakerCoolDown, cause: 'unavailable', outages: count }
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
