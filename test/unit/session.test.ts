import { retryAfterSeconds } from '../../src/liveperson/exchange';
import { isExpired, isIdle, needsRefresh, needsRenewal, sessionTtl } from '../../src/liveperson/session';

const MINUTE = 60_000;
const session = (ttlMs: number) => ({ ttlMs, createdAt: 0, refreshedAt: 0, lastUsedAt: 0 });

describe('how long a LivePerson session is used, kept alive and renewed', () => {
    it.each([
        ['refreshed every 4 minutes in use', needsRefresh, 8 * 60 * MINUTE, 4 * MINUTE],
        ['idle after 30 minutes unused', isIdle, 8 * 60 * MINUTE, 30 * MINUTE],
        ['an hour-long session renewed 6 minutes before its end (a tenth)', needsRenewal, 60 * MINUTE, 54 * MINUTE],
        ['an 8-hour session renewed 10 minutes before its end (at most)', needsRenewal, 8 * 60 * MINUTE, 470 * MINUTE],
        ['never used in its last 30 seconds', isExpired, 60 * MINUTE, 60 * MINUTE - 30_000],
    ])('%s', (_name, rule, ttlMs, from) => {
        expect(rule(session(ttlMs), from - 1)).toBe(false);
        expect(rule(session(ttlMs), from)).toBe(true);
    });

    it.each([
        [undefined, 8 * 60 * MINUTE],
        [0, 8 * 60 * MINUTE],
        [-5, 8 * 60 * MINUTE],
        [Number.NaN, 8 * 60 * MINUTE],
        [1, MINUTE],
        [28_800_000, 28_800_000],
    ])('a login that says the session lasts %p ms gets %p ms', (fromLogin, ttl) => {
        expect(sessionTtl(fromLogin)).toBe(ttl);
    });
});

describe('how long to wait after a 429', () => {
    const now = Date.parse('2026-06-01T10:00:00Z');
    it.each([
        ['no Retry-After (LivePerson documents none): 1 s', undefined, false, 1],
        ['no Retry-After before a login: 5 s', undefined, true, 5],
        ['seconds', '30', false, 30],
        ['an HTTP date', 'Mon, 01 Jun 2026 10:01:00 GMT', false, 60],
        ['a date in the past: still the documented 1 s', 'Mon, 01 Jun 2026 09:00:00 GMT', false, 1],
        ['0 s: still the documented 1 s', '0', false, 1],
        ['2 s before a login: still the documented 5 s', '2', true, 5],
        ['a year: capped at 15 minutes', '31536000', false, 900],
        ['garbage: the default', 'soon', false, 1],
    ])('%s', (_name, header, afterLogin, seconds) => {
        expect(retryAfterSeconds(header, afterLogin, now)).toBe(seconds);
    });
});
