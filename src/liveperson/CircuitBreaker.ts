import type { Clock } from './Deadline';
import { isOutage, type LivePersonFailureKind } from './LivePersonFailure';

export type BreakerVerdict = { open: false } | { open: true; kind: 'unavailable' | 'rateLimited'; retryAfterSeconds: number };

export interface CircuitBreakerOptions {
    /** Consecutive outages (unavailable/timeout) that open the breaker. */
    threshold: number;
    coolDownMs: number;
    clock: Clock;
}

/**
 * Stops making every agent wait out a timeout while LivePerson is down, and stops calling it at all while
 * it rate-limits us. After the cool-down one call probes; its outcome closes or reopens the breaker.
 */
export class CircuitBreaker {
    private consecutiveOutages = 0;
    private openUntil = 0;
    private openKind: 'unavailable' | 'rateLimited' = 'unavailable';
    private probing = false;

    constructor(private readonly options: CircuitBreakerOptions) {}

    /** Call before a request; a closed verdict after a cool-down makes the caller the probe. */
    check(): BreakerVerdict {
        const now = this.options.clock();
        if (now < this.openUntil) {
            return this.verdict(now);
        }
        if (this.consecutiveOutages >= this.options.threshold) {
            if (this.probing) {
                return { open: true, kind: this.openKind, retryAfterSeconds: 1 };
            }
            this.probing = true;
        }
        return { open: false };
    }

    record(outcome: { ok: true } | { ok: false; kind: LivePersonFailureKind; retryAfterSeconds?: number }): void {
        const now = this.options.clock();
        this.probing = false;
        if (outcome.ok || (!isOutage(outcome.kind) && outcome.kind !== 'rateLimited')) {
            // LivePerson answered: whatever it said, it is up.
            this.consecutiveOutages = 0;
            this.openUntil = 0;
            return;
        }
        if (outcome.kind === 'rateLimited') {
            this.openKind = 'rateLimited';
            this.openUntil = Math.max(this.openUntil, now + (outcome.retryAfterSeconds ?? 1) * 1000);
            return;
        }
        this.consecutiveOutages += 1;
        if (this.consecutiveOutages >= this.options.threshold) {
            this.openKind = 'unavailable';
            this.openUntil = now + this.options.coolDownMs;
        }
    }

    /** The caller asked nothing of LivePerson after all: let the next caller probe. */
    release(): void {
        this.probing = false;
    }

    reset(): void {
        this.consecutiveOutages = 0;
        this.openUntil = 0;
        this.probing = false;
    }

    get isOpen(): boolean {
        return this.options.clock() < this.openUntil;
    }

    private verdict(now: number): BreakerVerdict {
        return { open: true, kind: this.openKind, retryAfterSeconds: Math.max(1, Math.ceil((this.openUntil - now) / 1000)) };
    }
}
