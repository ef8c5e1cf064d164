/** Public types of the LivePerson simulator (re-exported by `../liveperson-simulator.ts`). */

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
 * One messaging conversation as the Messaging Interactions API keeps it. `consumerParticipants` and `sdes` are sent
 * back exactly as given (values typed as strings stay strings), so a test can hand the client any shape it likes.
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
    consumerParticipants: SimConsumerParticipant[];
    sdes: { events: SimSdeEvent[] };
}

/** `participantId` is the consumer id; the other documented fields are optional and passed through. */
export interface SimConsumerParticipant {
    participantId: string;
    firstName?: string;
    lastName?: string;
    email?: string;
    phone?: string;
    token?: string;
    joinTime?: string;
    [field: string]: unknown;
}

/** An SDE event: `CUSTOMER_INFO` carries `customerInfo.customerInfo`, `PERSONAL_INFO` `personalInfo.personalInfo`. */
export interface SimSdeEvent {
    sdeType: string;
    serverTimeStamp?: string | number;
    customerInfo?: { serverTimeStamp?: string | number; customerInfo: Record<string, unknown> };
    personalInfo?: { serverTimeStamp?: string | number; personalInfo: Record<string, unknown> };
    [field: string]: unknown;
}

/** Over all routes together: at most `requestsPerSecond` answered requests in any sliding 1-second window. */
export interface RateLimit {
    requestsPerSecond: number;
    /** `Retry-After` of the 429; default 1. */
    retryAfterSeconds?: number;
}

export interface SimulatorOptions {
    accounts: SimAccount[];
    /** Added to every route. */
    latencyMs?: number;
    /** `sessionTTl` returned by login; default 28800000 (8 h). */
    sessionTtlMs?: number;
}

export type FaultKind = 'malformedJson' | 'html' | 'xml' | 'wrongTypes' | 'hang' | 'reset';

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
    fault(route: RouteName | '*', fault: Fault, times?: number): void;
    clearFaults(): void;
    expireBearers(): void;
    expireAgentSessions(): void;
    expireLoginSessions(): void;
    setParticipant(accountId: string, participantId: string, body: unknown): void;
    removeParticipant(accountId: string, participantId: string): void;
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
