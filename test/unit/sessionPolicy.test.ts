import {
    isExpired,
    isIdle,
    KEEP_ALIVE_INTERVAL,
    loginBackoffMs,
    needsRefresh,
    needsRenewal,
    retryAfterSeconds,
    sessionTtl,
    TIMES,
} from '../../src/liveperson/sessionPolicy';

const MINUTE = 60_000;
const session = (ttlMs: number) => ({ ttlMs, createdAt: 0, refreshedAt: 0, lastUsedAt: 0 });

describe('the session policy', () => {
    it('refreshes every 4 minutes in use, and the keep-alive job runs on that same interval', () => {
        expect(needsRefresh(session(8 * 60 * MINUTE), 4 * MINUTE - 1)).toBe(false);
        expect(needsRefresh(session(8 * 60 * MINUTE), 4 * MINUTE)).toBe(true);
        expect(KEEP_ALIVE_INTERVAL).toBe('4 minutes');
        expect(TIMES.refreshEvery).toBe(4 * MINUTE);
    });

    it('lets a session nobody used for 30 minutes go idle', () => {
        expect(isIdle(session(8 * 60 * MINUTE), 30 * MINUTE - 1)).toBe(false);
        expect(isIdle(session(8 * 60 * MINUTE), 30 * MINUTE)).toBe(true);
    });

    it('renews a tenth of the lifetime before the end (10 minutes at most) and never uses the last 30 seconds', () => {
        const hour = session(60 * MINUTE);
        expect(needsRenewal(hour, 54 * MINUTE - 1)).toBe(false);
        expect(needsRenewal(hour, 54 * MINUTE)).toBe(true);
        expect(needsRenewal(session(8 * 60 * MINUTE), 470 * MINUTE)).toBe(true);
        expect(isExpired(hour, 60 * MINUTE - 30_001)).toBe(false);
        expect(isExpired(hour, 60 * MINUTE - 30_000)).toBe(true);
    });

    it('believes no session lifetime under a minute, and uses 8 hours when the login names none', () => {
        expect(sessionTtl(1)).toBe(60_000);
        expect(sessionTtl(28_800_000)).toBe(28_800_000);
        expect(sessionTtl(undefined)).toBe(8 * 60 * MINUTE);
        expect(sessionTtl(0)).toBe(8 * 60 * MINUTE);
        expect(sessionTtl(Number.NaN)).toBe(8 * 60 * MINUTE);
    });

    it('reads Retry-After as seconds or an HTTP date, falls back to LivePerson’s minimums, and caps it at 15 minutes', () => {
        const now = Date.UTC(2030, 0, 1);
        expect(retryAfterSeconds('12', false, now)).toBe(12);
        expect(retryAfterSeconds(new Date(now + 30_000).toUTCString(), false, now)).toBe(30);
        expect(retryAfterSeconds(undefined, false, now)).toBe(1);
        expect(retryAfterSeconds(undefined, true, now)).toBe(5);
        expect(retryAfterSeconds('soon', true, now)).toBe(5);
        expect(retryAfterSeconds('31536000', false, now)).toBe(900);
        expect(retryAfterSeconds('Fri, 01 Jan 2099 00:00:00 GMT', false, now)).toBe(900);
        expect(retryAfterSeconds(new Date(now - 60_000).toUTCString(), false, now)).toBe(0);
    });

    it('backs off a refused login 1, 2, 4, 8, then 15 minutes', () => {
        expect([0, 1, 2, 3, 4, 5, 9].map((refusals) => loginBackoffMs(refusals) / MINUTE)).toEqual([0, 1, 2, 4, 8, 15, 15]);
    });
});
