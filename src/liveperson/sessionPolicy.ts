/**
 * When to refresh, renew, give up or wait: pure rules over numbers, with every LivePerson time constant of the
 * app in this one place. `now` is always `Date.now()` at the caller; nothing here reads a clock.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;

export const TIMES = {
    /** LivePerson moves accounts between hosts: a Domain API answer is kept this long, then renewed in the background. */
    domainMaxAge: 60 * MINUTE,
    /** LivePerson asks for a keep-alive every 3 to 5 minutes while a session is in use. */
    refreshEvery: 4 * MINUTE,
    /** A session nobody used for this long is left to expire instead of being kept alive. */
    idleAfter: 30 * MINUTE,
    /** LivePerson sessions last 8 hours unless the login says otherwise... */
    defaultSessionTtl: 8 * 60 * MINUTE,
    /** ...and a lifetime shorter than a minute is not believed (it would mean a login per click). */
    sessionTtlFloor: MINUTE,
    /** A session is not used in its last 30 seconds: a request sent then could arrive after it ended. */
    expiryMargin: 30 * SECOND,
    /** Renewal starts a tenth of the lifetime before the end, at most 10 minutes before. */
    renewalMarginMax: 10 * MINUTE,
    /** How long another instance's login keeps this one from starting its own, and how often it looks. */
    loginLease: 10 * SECOND,
    leasePoll: 150,
    /** Longer than two instances' lease writes can be apart when both found it free (a few ms each). */
    leaseSettle: 50,
    /** Writing "last used" on every click would cost a database write per click: once a minute is enough. */
    persistUseEvery: MINUTE,
    /** "Not found" and "not authenticated" are remembered this long, so a click-happy agent costs nothing. */
    negativeCache: MINUTE,
    /** A profile past its cache time is still shown when a Refresh fails, up to this old; then it is forgotten. */
    lastKnownMaxAge: 60 * MINUTE,
    /** Consecutive outages that open the circuit breaker, and how long it stays open. */
    breakerThreshold: 3,
    breakerCoolDown: 30 * SECOND,
    /** LivePerson's Retry-After is obeyed up to this; a longer one is a broken or hostile answer. */
    retryAfterCap: 15 * MINUTE,
    /** Without Retry-After LivePerson asks for at least 1 s, 5 s after a login. */
    retryAfterDefault: SECOND,
    retryAfterDefaultLogin: 5 * SECOND,
    /** After a refused login: 1, 2, 4, 8 then 15 minutes before the next attempt, unless the credentials change. */
    loginBackoff: [1, 2, 4, 8, 15].map((minutes) => minutes * MINUTE),
    /** Time budgets for work no agent waits for. */
    backgroundBudget: 10 * SECOND,
    jobBudget: 20 * SECOND,
    statusBudget: 15 * SECOND,
    logoutBudget: 5 * SECOND,
} as const;

/** The recurring keep-alive job's interval, in the scheduler's words, from the same constant. */
export const KEEP_ALIVE_INTERVAL = `${TIMES.refreshEvery / MINUTE} minutes`;

export interface SessionTimes {
    ttlMs: number;
    createdAt: number;
    refreshedAt: number;
    lastUsedAt: number;
}

/** The lifetime a login answered with, held to the floor; the default when LivePerson gave none. */
export function sessionTtl(fromLogin: number | undefined): number {
    if (fromLogin === undefined || !Number.isFinite(fromLogin) || fromLogin <= 0) {
        return TIMES.defaultSessionTtl;
    }
    return Math.max(TIMES.sessionTtlFloor, fromLogin);
}

export const isExpired = (session: SessionTimes, now: number): boolean => now >= session.createdAt + session.ttlMs - TIMES.expiryMargin;

const renewalMargin = (session: SessionTimes): number => Math.min(TIMES.renewalMarginMax, session.ttlMs / 10);

export const needsRenewal = (session: SessionTimes, now: number): boolean => now >= session.createdAt + session.ttlMs - renewalMargin(session);

export const needsRefresh = (session: SessionTimes, now: number): boolean => now - session.refreshedAt >= TIMES.refreshEvery;

export const isIdle = (session: SessionTimes, now: number): boolean => now - session.lastUsedAt >= TIMES.idleAfter;

/**
 * Seconds to wait after a 429: `Retry-After` in seconds or as an HTTP date, LivePerson's minimum when it says
 * nothing usable, never more than the cap.
 */
export function retryAfterSeconds(header: string | undefined, afterLogin: boolean, now: number): number {
    const fallback = afterLogin ? TIMES.retryAfterDefaultLogin : TIMES.retryAfterDefault;
    let ms = fallback;
    if (header && /^\s*\d+\s*$/.test(header)) {
        ms = Number(header) * SECOND;
    } else if (header && !Number.isNaN(Date.parse(header))) {
        ms = Date.parse(header) - now;
    }
    return Math.ceil(Math.min(Math.max(ms, 0), TIMES.retryAfterCap) / SECOND);
}

/** How long to leave the login alone after `refusals` refused logins in a row with the same credentials. */
export function loginBackoffMs(refusals: number): number {
    if (refusals <= 0) {
        return 0;
    }
    return TIMES.loginBackoff[Math.min(refusals, TIMES.loginBackoff.length) - 1];
}
