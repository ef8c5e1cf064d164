/** A logged-in LivePerson session: shared by every agent action, and by every Rocket.Chat instance through persistence. */
export interface LivePersonSession {
    /** Which settings produced it: a session made with other credentials is never reused. */
    fingerprint: string;
    accountId: string;
    /** agentVep host the session lives on. */
    domain: string;
    bearer: string;
    csrf: string;
    /** Value of the `Session_id` cookie; needed by refresh and logout. */
    sessionCookie: string;
    ttlMs: number;
    createdAt: number;
    refreshedAt: number;
    lastUsedAt: number;
    /** One agent session per bearer; undefined until opened. */
    agentSessionId?: string;
}

/** LivePerson sessions last 8 h unless the login says otherwise. */
export const DEFAULT_SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** Log in again this long before the TTL ends, so no agent action meets an expired session. */
export const renewalMarginMs = (session: Pick<LivePersonSession, 'ttlMs'>): number => Math.min(10 * 60_000, session.ttlMs / 10);

export const isPastRenewal = (session: LivePersonSession, now: number): boolean =>
    now >= session.createdAt + session.ttlMs - renewalMarginMs(session);

export const isExpired = (session: LivePersonSession, now: number): boolean => now >= session.createdAt + session.ttlMs - 30_000;
