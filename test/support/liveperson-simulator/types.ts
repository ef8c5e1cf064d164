/** Public types of the LivePerson simulator (re-exported by `../liveperson-simulator.ts`). */
import type { Reply } from './reply';

export type { Reply } from './reply';

export type RouteName =
    'domain' | 'domainBulk' | 'login' | 'refresh' | 'logout' | 'agentSession' | 'participantInfo' | 'msgHistConversation' | 'msgHistConsumer' | 'unknown';

export interface SimUser {
    username: string;
    password?: string;
    appKey?: string;
    secret?: string;
    accessToken?: string;
    accessTokenSecret?: string;
}

export interface SimAccount {
    accountId: string;
    domain: string;
    users: SimUser[];
    /** participantId -> the JSON body returned for that participant. */
    participants: Record<string, unknown>;
    /** Messaging consumers (Messaging Interactions API): consumerId -> that consumer's conversations. Default none. */
    consumers?: Record<string, SimConversation[]>;
}

/**
 * One messaging conversation as the Messaging Interactions API keeps it. The simulator writes `info`'s times, ids,
 * status and duration, and "undefined" for an absent device, participant token or email (as documented); the rest
 * (participants, SDEs, summary, other `info` fields) is sent as given, so fixtures hold the documented shapes.
 */
export interface SimConversation {
    conversationId: string;
    status: 'OPEN' | 'CLOSE';
    /** Epoch ms; answered as `info.startTime` ("2026-01-02 10:00:00.000+0000") and `info.startTimeL`. */
    startTime: number;
    /** Epoch ms of a closed conversation; without it `info.endTime` is "undefined" and `endTimeL` -1 (as when open). */
    endTime?: number;
    /** `info.isPartial`: LivePerson truncated the record. Default false. */
    isPartial?: boolean;
    /** More documented `info` fields, sent as given; `device` is "undefined" unless set here. */
    info?: SimConversationInfo;
    consumerParticipants: SimConsumerParticipant[];
    /** Authenticated engagement attributes (`contentToRetrieve` "sdes"). */
    sdes: { events: SimSdeEvent[] };
    /** Attributes that came from the web page: only with `v=2`, each event marked `"isAuthenticated": false`. */
    unAuthSdes?: { events: SimSdeEvent[] };
    /** `{ text, lastUpdatedTime }`, written by the agent. */
    summary?: { text: string; lastUpdatedTime: number };
}

/** The documented `info` fields of a record beyond the ones the simulator writes (the docs' example says `csatRate`, the table `csat`). */
export interface SimConversationInfo {
    latestAgentId?: string;
    latestAgentFullName?: string;
    latestSkillName?: string;
    closeReason?: string;
    closeReasonDescription?: string;
    /** 0-100. */
    mcs?: number;
    /** -1 negative, 0 neutral, 1 positive. */
    alertedMCS?: -1 | 0 | 1;
    /** 1-5. */
    csat?: number;
    csatRate?: number;
    source?: string;
    device?: string;
    firstConversation?: boolean;
    firstIntentName?: string;
    [field: string]: unknown;
}

/** `participantId` is the consumer id; `token` and `email` are answered "undefined" when absent, as documented. */
export interface SimConsumerParticipant {
    participantId: string;
    firstName?: string;
    lastName?: string;
    email?: string;
    phone?: string;
    token?: string;
    [field: string]: unknown;
}

/**
 * An SDE event: `{ "<typeKey>": {...}, "sdeType", "serverTimeStamp" }`. Customer info, personal info, lead, service
 * activity, visitor error and marketing campaign info nest their values once more (`lead.lead`); cart status,
 * purchase, viewed product and search content keep them flat (`cartStatus.total`).
 */
export interface SimSdeEvent {
    sdeType: string;
    serverTimeStamp?: string | number;
    isAuthenticated?: boolean;
    [typeKey: string]: unknown;
}

/** Over all routes together: at most `requestsPerSecond` answered requests in any sliding 1-second window. */
export interface RateLimit {
    requestsPerSecond: number;
    /** `Retry-After` of the 429; none by default (LivePerson documents none). */
    retryAfterSeconds?: number;
}

export interface SimulatorOptions {
    accounts: SimAccount[];
    /** Added to every route. */
    latencyMs?: number;
    /** `sessionTTl` returned by login; default 28800000 (8 h). */
    sessionTtlMs?: number;
    /** The time Messaging records are read at (how long an open conversation has lasted so far); now by default. */
    recordsAsOf?: number;
}

export type FaultKind = 'malformedJson' | 'html' | 'xml' | 'wrongTypes' | 'hang' | 'reset';

/** A status (with LivePerson's error body unless `body` is given), or a broken answer of some kind. */
export type Fault = { status: number; body?: string; headers?: Record<string, string> } | { kind: FaultKind; status?: number };

export interface RequestLogEntry {
    route: RouteName;
    method: string;
    host: string;
    path: string;
    query: Record<string, string>;
    headers: Record<string, string>;
    body: unknown;
    /** 0 for hang/reset (no response was written). */
    status: number;
    at: number;
    durationMs: number;
}

export interface LivePersonSimulator {
    readonly url: string;
    readonly port: number;
    readonly hostnames: string[];
    readonly requests: RequestLogEntry[];
    clearLog(): void;
    count(route?: RouteName): number;
    setLatency(route: RouteName | '*', ms: number): void;
    /** Answers the route with the fault instead of handling it, `times` times (default: until clearFaults or reset). */
    fault(route: RouteName | '*', fault: Fault, times?: number): void;
    /** Answers the route with exactly this status, body text and headers (e.g. a documented example), queued with the faults. */
    reply(route: RouteName | '*', reply: Reply, times?: number): void;
    /** Forgets every queued fault and reply. */
    clearFaults(): void;
    expireBearers(): void;
    expireAgentSessions(): void;
    expireLoginSessions(): void;
    setParticipant(accountId: string, participantId: string, body: unknown): void;
    removeParticipant(accountId: string, participantId: string): void;
    /** Bearers of the live login sessions: not logged out, not expired. */
    activeBearers(): string[];
    /** Adds or replaces a messaging consumer and its conversations (copied). */
    setConsumer(accountId: string, consumerId: string, conversations: SimConversation[]): void;
    removeConsumer(accountId: string, consumerId: string): void;
    /** `sessionTTl` of later logins. */
    setSessionTtlMs(ms: number): void;
    /** Turns the rate limiter on (a fresh window) or, with undefined, off. */
    rateLimit(limit: RateLimit | undefined): void;
    /** Requests answered 429, by the limiter or by a fault. */
    count429(): number;
    /**
     * Back to the state right after startLivePersonSimulator returned: the options' accounts, users, participants and
     * consumers, no sessions, faults, per-route latencies or rate limit, an empty log (emptied in place), the option's
     * session TTL. Requests still in flight (hangs, latency) are dropped so they cannot answer into the next test.
     */
    reset(): void;
    stop(): Promise<void>;
}
