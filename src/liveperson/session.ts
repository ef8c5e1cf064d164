import type { SessionTimes } from './sessionPolicy';

/** A logged-in LivePerson session: shared by every agent action, and by every Rocket.Chat instance through persistence. */
export interface LivePersonSession extends SessionTimes {
    /** Which settings produced it: a session made with other credentials is never reused. */
    fingerprint: string;
    accountId: string;
    /** The agentVep host the session lives on. */
    domain: string;
    bearer: string;
    csrf: string;
    /** Value of the `Session_id` cookie; refresh and logout need it. */
    sessionCookie: string;
    /** One agent session per bearer; undefined until opened. */
    agentSessionId?: string;
}

/** Outcome of the last pre-warm or connection test, kept where every instance (and `/visitorinfo status`) can read it. */
export interface ConnectionReport {
    at: number;
    ok: boolean;
    correlationId: string;
    steps: ConnectionStep[];
}

export interface ConnectionStep {
    step: 'domain' | 'login' | 'agentSession' | 'messagingDomain';
    ok: boolean;
    durationMs: number;
    kind?: string;
    status?: number;
    /** Not tried: a refused login is being waited out for this long. */
    heldBackSeconds?: number;
}

/** A login LivePerson refused, remembered so that nothing retries it until the back-off passes or the credentials change. */
export interface LoginRefusal {
    fingerprint: string;
    refusals: number;
    lastAt: number;
    status?: number;
}
