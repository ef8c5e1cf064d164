/**
 * What the simulated LivePerson remembers: accounts, their participants and messaging consumers, login sessions and
 * agent sessions. Tokens are random per login so that a client which mixes up sessions (or keeps a stale one) gets
 * caught.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AccountDirectory } from './routing';
import type { SimAccount, SimConversation, SimUser } from './types';

export interface AccountState {
    accountId: string;
    /** agentVep: Login Service and Chat Agent API. */
    domain: string;
    /** msgHist: Messaging Interactions API. */
    msgHistDomain: string;
    users: SimUser[];
    participants: Map<string, unknown>;
    /** consumerId -> conversations. */
    consumers: Map<string, SimConversation[]>;
}

export interface LoginSession {
    accountId: string;
    username: string;
    userId: string;
    /** Value of the `Session_id` cookie. */
    sessionId: string;
    csrf: string;
    bearer: string;
    loggedOut: boolean;
    /** Set by expireLoginSessions: refresh/logout answer 401. */
    loginExpired: boolean;
    /** Set by expireBearers: Chat Agent calls answer 401. */
    bearerExpired: boolean;
}

export interface AgentSession {
    id: string;
    accountId: string;
    bearer: string;
    expired: boolean;
}

export type LoginBody =
    | { kind: 'user'; username: string; password: string }
    | { kind: 'bot'; username: string; appKey: string; secret: string; accessToken: string; accessTokenSecret: string };

function randomToken(bytes: number): string {
    return randomBytes(bytes).toString('hex');
}

/** msgHist lives in the region of agentVep: `va.agentvep.liveperson.net` -> `va.msghist.liveperson.net`. */
export function msgHistDomainFor(agentVepDomain: string): string {
    return `${agentVepDomain.split('.')[0]}.msghist.liveperson.net`;
}

export class SimulatorState implements AccountDirectory {
    private readonly accounts = new Map<string, AccountState>();
    private readonly accountDomains = new Set<string>();
    private readonly msgHistDomains = new Set<string>();
    private readonly sessionsById = new Map<string, LoginSession>();
    private readonly sessionsByBearer = new Map<string, LoginSession>();
    private readonly agentSessions = new Map<string, AgentSession>();
    /** A snapshot, so that reset() restores the options as they were even if the caller changed its objects since. */
    private readonly initialAccounts: SimAccount[];

    constructor(accounts: SimAccount[]) {
        this.initialAccounts = structuredClone(accounts);
        for (const account of accounts) this.addAccount(account);
    }

    /** Forgets every session and change: the accounts are rebuilt from the constructor's snapshot. */
    reset(): void {
        for (const map of [this.accounts, this.sessionsById, this.sessionsByBearer, this.agentSessions]) map.clear();
        this.accountDomains.clear();
        this.msgHistDomains.clear();
        for (const account of this.initialAccounts) this.addAccount(account);
    }

    /** Copies the account so that tests which mutate the simulator never leak into shared fixtures. */
    private addAccount(account: SimAccount): void {
        if (this.accounts.has(account.accountId)) throw new Error(`Duplicate simulator account ${account.accountId}`);
        const domain = account.domain.toLowerCase();
        const msgHistDomain = msgHistDomainFor(domain);
        this.accounts.set(account.accountId, {
            accountId: account.accountId,
            domain,
            msgHistDomain,
            users: account.users.map((user) => ({ ...user })),
            participants: new Map(Object.entries(account.participants).map(([id, body]) => [id, structuredClone(body)])),
            consumers: new Map(Object.entries(account.consumers ?? {}).map(([id, conversations]) => [id, structuredClone(conversations)])),
        });
        this.accountDomains.add(domain);
        this.msgHistDomains.add(msgHistDomain);
    }

    account(accountId: string): AccountState | undefined {
        return this.accounts.get(accountId);
    }

    requireAccount(accountId: string): AccountState {
        const account = this.accounts.get(accountId);
        if (!account) throw new Error(`Unknown simulator account ${accountId}`);
        return account;
    }

    domainOf(accountId: string): string | undefined {
        return this.accounts.get(accountId)?.domain;
    }

    isAccountDomain(host: string): boolean {
        return this.accountDomains.has(host);
    }

    msgHistDomainOf(accountId: string): string | undefined {
        return this.accounts.get(accountId)?.msgHistDomain;
    }

    isMsgHistDomain(host: string): boolean {
        return this.msgHistDomains.has(host);
    }

    /** Every host an account is served on: the agentVep domains first, then the msgHist ones (once per region). */
    domains(): string[] {
        return [...this.accountDomains, ...this.msgHistDomains];
    }

    /** Checks the credentials; returns the new session, or undefined for an unknown user or wrong secret. */
    login(account: AccountState, body: LoginBody): LoginSession | undefined {
        const userIndex = account.users.findIndex((user) => credentialsMatch(user, body));
        if (userIndex < 0) return undefined;
        const session: LoginSession = {
            accountId: account.accountId,
            username: body.username,
            userId: stableUserId(account.accountId, userIndex),
            sessionId: randomToken(16),
            csrf: randomToken(16),
            bearer: randomToken(32),
            loggedOut: false,
            loginExpired: false,
            bearerExpired: false,
        };
        this.sessionsById.set(session.sessionId, session);
        this.sessionsByBearer.set(session.bearer, session);
        return session;
    }

    /** The session a refresh/logout call proves (cookie + csrf), if it is still alive. */
    liveLoginSession(accountId: string, sessionId: string | undefined, csrf: unknown): LoginSession | undefined {
        const session = sessionId === undefined ? undefined : this.sessionsById.get(sessionId);
        if (!session || session.accountId !== accountId || session.loggedOut || session.loginExpired) return undefined;
        return session.csrf === csrf ? session : undefined;
    }

    /** The session behind a bearer, if the bearer may still call the Chat Agent or Messaging Interactions API. */
    liveBearerSession(accountId: string, bearer: string | undefined): LoginSession | undefined {
        const session = bearer === undefined ? undefined : this.sessionsByBearer.get(bearer);
        if (!session || session.accountId !== accountId || session.loggedOut || session.bearerExpired) return undefined;
        return session;
    }

    startAgentSession(session: LoginSession): AgentSession {
        const agentSession: AgentSession = {
            id: randomUUID(),
            accountId: session.accountId,
            bearer: session.bearer,
            expired: false,
        };
        this.agentSessions.set(agentSession.id, agentSession);
        return agentSession;
    }

    /** An agent session is usable only with the bearer that created it, as LivePerson ties the two. */
    liveAgentSession(accountId: string, agentSessionId: string, bearer: string): AgentSession | undefined {
        const agentSession = this.agentSessions.get(agentSessionId);
        if (!agentSession || agentSession.expired) return undefined;
        return agentSession.accountId === accountId && agentSession.bearer === bearer ? agentSession : undefined;
    }

    expireBearers(): void {
        for (const session of this.sessionsById.values()) session.bearerExpired = true;
    }

    expireAgentSessions(): void {
        for (const agentSession of this.agentSessions.values()) agentSession.expired = true;
    }

    expireLoginSessions(): void {
        for (const session of this.sessionsById.values()) session.loginExpired = true;
    }

    /** Bearers of the login sessions still alive: not logged out, neither bearer nor login expired. */
    activeBearers(): string[] {
        const live = [...this.sessionsById.values()].filter((session) => !session.loggedOut && !session.bearerExpired && !session.loginExpired);
        return live.map((session) => session.bearer);
    }
}

function credentialsMatch(user: SimUser, body: LoginBody): boolean {
    if (user.username !== body.username) return false;
    if (body.kind === 'user') return user.password !== undefined && user.password === body.password;
    return (
        user.appKey !== undefined &&
        user.appKey === body.appKey &&
        user.secret === body.secret &&
        user.accessToken === body.accessToken &&
        user.accessTokenSecret === body.accessTokenSecret
    );
}

/** LivePerson user ids are numeric strings; keep them stable across logins so tests can assert on them. */
function stableUserId(accountId: string, userIndex: number): string {
    return `${accountId}${String(userIndex + 1).padStart(2, '0')}`;
}
