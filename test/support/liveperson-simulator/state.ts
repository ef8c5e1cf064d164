/**
 * What the simulated LivePerson remembers: accounts, their participants, login sessions and agent sessions.
 * Tokens are random per login so that a client which mixes up sessions (or keeps a stale one) gets caught.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AccountDirectory } from './routing';
import type { SimAccount, SimUser } from './types';

export interface AccountState {
  accountId: string;
  domain: string;
  users: SimUser[];
  participants: Map<string, unknown>;
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

export class SimulatorState implements AccountDirectory {
  private readonly accounts = new Map<string, AccountState>();
  private readonly accountDomains = new Set<string>();
  private readonly sessionsById = new Map<string, LoginSession>();
  private readonly sessionsByBearer = new Map<string, LoginSession>();
  private readonly agentSessions = new Map<string, AgentSession>();

  constructor(accounts: SimAccount[]) {
    for (const account of accounts) this.addAccount(account);
  }

  /** Copies the account so that tests which mutate the simulator never leak into shared fixtures. */
  private addAccount(account: SimAccount): void {
    if (this.accounts.has(account.accountId)) throw new Error(`Duplicate simulator account ${account.accountId}`);
    const domain = account.domain.toLowerCase();
    this.accounts.set(account.accountId, {
      accountId: account.accountId,
      domain,
      users: account.users.map((user) => ({ ...user })),
      participants: new Map(Object.entries(account.participants).map(([id, body]) => [id, structuredClone(body)])),
    });
    this.accountDomains.add(domain);
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

  domains(): string[] {
    return [...this.accountDomains];
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

  /** The session behind a bearer, if the bearer may still call the Chat Agent API for this account. */
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

  activeBearers(): string[] {
    return [...this.sessionsById.values()]
      .filter((session) => !session.loggedOut && !session.bearerExpired)
      .map((session) => session.bearer);
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
