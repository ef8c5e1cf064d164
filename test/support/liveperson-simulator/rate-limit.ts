/**
 * LivePerson throttles with 429; it documents no `Retry-After`, so the simulator sends one only when a test asks.
 * The limiter counts every request (all routes together, like a gateway in front of the services) in a sliding
 * 1-second window: at most `requestsPerSecond` are let through in any second, the rest are answered 429. A rejected
 * request does not use up the window, so a client that keeps hammering still gets `requestsPerSecond` answers a
 * second, not none.
 */
import type { Reply } from './reply';
import { errorReply } from './reply';
import type { RateLimit } from './types';

const WINDOW_MS = 1000;

export class RateLimiter {
    private readonly requestsPerSecond: number;
    private readonly headers: Record<string, string> | undefined;
    /** Arrival times (monotonic ms) of the requests let through within the last window, oldest first. */
    private readonly admitted: number[] = [];

    constructor(limit: RateLimit) {
        const { requestsPerSecond, retryAfterSeconds } = limit;
        if (!(Number.isInteger(requestsPerSecond) && requestsPerSecond >= 1)) {
            throw new RangeError(`Simulator requestsPerSecond must be an integer >= 1, got ${requestsPerSecond}`);
        }
        if (retryAfterSeconds !== undefined && !(Number.isInteger(retryAfterSeconds) && retryAfterSeconds >= 0)) {
            throw new RangeError(`Simulator retryAfterSeconds must be an integer >= 0, got ${retryAfterSeconds}`);
        }
        this.requestsPerSecond = requestsPerSecond;
        this.headers = retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(retryAfterSeconds) };
    }

    /** Called once per request on arrival: undefined lets it through, a reply turns it away. */
    check(now: number): Reply | undefined {
        while (this.admitted.length > 0 && this.admitted[0] <= now - WINDOW_MS) this.admitted.shift();
        if (this.admitted.length >= this.requestsPerSecond) return errorReply(429, 'Too many requests', undefined, this.headers);
        this.admitted.push(now);
        return undefined;
    }
}
