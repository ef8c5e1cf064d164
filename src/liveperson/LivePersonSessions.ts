import type { LivePersonCredentials, LivePersonSettings } from '../settings/AppConfig';
import type { CallContext } from './CallContext';
import type { Clock } from './Deadline';
import type { DomainResolver } from './DomainResolver';
import { fail, LivePersonError } from './LivePersonFailure';
import { DEFAULT_SESSION_TTL_MS, isExpired, isPastRenewal, type LivePersonSession } from './LivePersonSession';
import { parseLivePersonJson, sendToLivePerson } from './livePersonHttp';
import { agentSessionResponseSchema, loginResponseSchema } from './schemas';

/** LivePerson asks for a refresh every 3-5 minutes while the session is in use. */
export const REFRESH_EVERY_MS = 4 * 60_000;
/** A session nobody used for this long is left to expire instead of being kept alive. */
export const IDLE_AFTER_MS = 30 * 60_000;
/** How long another instance's login keeps this one from starting its own. */
const LOGIN_LEASE_MS = 10_000;
const LEASE_POLL_MS = 150;
/** Writing "last used" on every click would cost a database write per click: once a minute is enough. */
const PERSIST_USE_EVERY_MS = 60_000;

export type KeepAliveOutcome = 'refreshed' | 'renewed' | 'idle' | 'none';

export interface LivePersonSessionsDeps {
    clock: Clock;
    domains: DomainResolver;
    instanceId: string;
    runInBackground: (task: Promise<unknown>) => void;
    sleep: (ms: number) => Promise<void>;
}

/**
 * Owns the login session and its agent session: one login in flight at a time whoever asks, reuse across
 * instances through the session store, refresh while in use, renew before the TTL ends.
 */
export class LivePersonSessions {
    private settings: LivePersonSettings | undefined;
    private fingerprint = '';
    private current: LivePersonSession | undefined;
    private loginInFlight: Promise<LivePersonSession> | undefined;
    private readonly agentSessionsInFlight = new Map<string, Promise<string>>();
    private lastPersistedUse = 0;
    /** Bearers this instance saw LivePerson accept (its own logins and refreshes). */
    private readonly confirmed = new Set<string>();

    constructor(private readonly deps: LivePersonSessionsDeps) {}

    /** Returns the session made with the previous settings when they changed, so the caller can log it out. */
    configure(settings: LivePersonSettings, fingerprint: string): LivePersonSession | undefined {
        if (fingerprint === this.fingerprint) {
            this.settings = settings;
            return undefined;
        }
        const previous = this.current;
        this.settings = settings;
        this.fingerprint = fingerprint;
        this.current = undefined;
        this.loginInFlight = undefined;
        this.agentSessionsInFlight.clear();
        this.confirmed.clear();
        this.deps.domains.forget();
        return previous;
    }

    /** Settings no longer allow LivePerson: forget everything; returns the session to log out. */
    clear(): LivePersonSession | undefined {
        const previous = this.current;
        this.settings = undefined;
        this.fingerprint = '';
        this.current = undefined;
        this.loginInFlight = undefined;
        this.agentSessionsInFlight.clear();
        this.confirmed.clear();
        this.deps.domains.forget();
        return previous;
    }

    /** A usable session: this instance's, another instance's from the store, or a new login. */
    async acquire(ctx: CallContext, replacingBearer?: string): Promise<LivePersonSession> {
        const fromMemory = this.usable(this.current, replacingBearer);
        if (fromMemory) {
            return fromMemory;
        }
        const fromStore = await this.adoptStored(ctx, replacingBearer);
        return fromStore ?? this.loginOnce(ctx, replacingBearer);
    }

    /** The agent session of this bearer, opened once; `replacing` names one LivePerson no longer knows. */
    async agentSessionId(ctx: CallContext, session: LivePersonSession, replacing?: string): Promise<{ id: string; opened: boolean }> {
        if (session.agentSessionId && session.agentSessionId !== replacing) {
            return { id: session.agentSessionId, opened: false };
        }
        let opening = this.agentSessionsInFlight.get(session.bearer);
        if (!opening) {
            opening = this.openAgentSession(ctx, session).finally(() => this.agentSessionsInFlight.delete(session.bearer));
            this.agentSessionsInFlight.set(session.bearer, opening);
        }
        const id = await opening;
        if (session.agentSessionId !== id) {
            session.agentSessionId = id;
            await this.persist(ctx, session);
        }
        return { id, opened: true };
    }

    /** Marks the session as in use; refreshes it in the background when LivePerson's keep-alive is due. */
    touch(ctx: CallContext, session: LivePersonSession): void {
        const now = this.deps.clock();
        session.lastUsedAt = now;
        if (now - session.refreshedAt >= REFRESH_EVERY_MS) {
            session.refreshedAt = now; // one background refresh, not one per click while it runs
            this.deps.runInBackground(this.refresh(ctx, session).catch(() => undefined));
        } else if (now - this.lastPersistedUse >= PERSIST_USE_EVERY_MS) {
            this.lastPersistedUse = now;
            this.deps.runInBackground(this.persist(ctx, session).catch(() => undefined));
        }
    }

    /** Run by the recurring job: refresh a session in use, renew one near its end, let an idle one go. */
    async keepAlive(ctx: CallContext): Promise<KeepAliveOutcome> {
        const session = await this.freshestSession(ctx);
        const now = this.deps.clock();
        if (!session) {
            return 'none';
        }
        if (now - session.lastUsedAt >= IDLE_AFTER_MS) {
            return 'idle';
        }
        if (isPastRenewal(session, now)) {
            await this.renew(ctx, session);
            return 'renewed';
        }
        try {
            await this.refresh(ctx, session);
            return 'refreshed';
        } catch (error) {
            if (error instanceof LivePersonError && error.failure.kind === 'auth') {
                await this.loginOnce(ctx, session.bearer);
                return 'renewed';
            }
            throw error;
        }
    }

    /**
     * Ends a session at LivePerson (on disable, or when the credentials change): by default this instance's, or
     * the one in the store when this instance holds none.
     */
    async logout(ctx: CallContext, given?: LivePersonSession): Promise<void> {
        const session = given ?? this.current ?? this.usable(await ctx.sessionStore?.load().catch(() => undefined));
        if (session === this.current) {
            this.current = undefined;
        }
        if (!session) {
            return;
        }
        this.confirmed.delete(session.bearer);
        const stored = await ctx.sessionStore?.load().catch(() => undefined);
        if (stored?.bearer === session.bearer && ctx.sessionStore?.canWrite) {
            await ctx.sessionStore.clear();
        }
        await this.loginServiceCall(ctx, session, 'logout');
    }

    /**
     * A real login now, for the admin's connection test, through the same single flight as every other login
     * (joining one already running). The session it makes becomes the current one; the one it replaces is left
     * valid for whoever still holds it.
     */
    loginNow(ctx: CallContext): Promise<LivePersonSession> {
        if (!this.loginInFlight) {
            this.loginInFlight = this.login(ctx)
                .then(async (session) => {
                    await this.install(ctx, session);
                    return session;
                })
                .finally(() => {
                    this.loginInFlight = undefined;
                });
        }
        return this.loginInFlight;
    }

    /**
     * Like `acquire`, but a session found in memory or in the store is checked with a refresh first: after
     * the app was disabled (logged out) and enabled again, the store may hold a session LivePerson ended.
     */
    async acquireChecked(ctx: CallContext): Promise<LivePersonSession> {
        const session = await this.acquire(ctx);
        if (this.confirmed.has(session.bearer)) {
            return session;
        }
        try {
            await this.refresh(ctx, session);
            return session;
        } catch (error) {
            if (error instanceof LivePersonError && error.failure.kind === 'auth') {
                return this.loginOnce(ctx, session.bearer);
            }
            throw error;
        }
    }

    get currentSession(): LivePersonSession | undefined {
        return this.current;
    }

    private usable(session: LivePersonSession | undefined, replacingBearer?: string): LivePersonSession | undefined {
        if (!session || session.fingerprint !== this.fingerprint || session.bearer === replacingBearer) {
            return undefined;
        }
        // LivePerson moved the account to another host: a session on the old one is of no use.
        const host = this.settings?.domainOverride ?? this.deps.domains.known(session.accountId);
        if (host && host !== session.domain) {
            return undefined;
        }
        return isExpired(session, this.deps.clock()) ? undefined : session;
    }

    /**
     * The job may run on an instance no agent uses: what the store says about use and refreshes (written by
     * every instance) counts as much as what this one remembers.
     */
    private async freshestSession(ctx: CallContext): Promise<LivePersonSession | undefined> {
        const mine = this.usable(this.current);
        const stored = this.usable(await ctx.sessionStore?.load().catch(() => undefined));
        if (!mine || (stored && stored.bearer !== mine.bearer && stored.createdAt > mine.createdAt)) {
            return stored && this.adopt(stored);
        }
        if (stored?.bearer === mine.bearer) {
            mine.lastUsedAt = Math.max(mine.lastUsedAt, stored.lastUsedAt);
            mine.refreshedAt = Math.max(mine.refreshedAt, stored.refreshedAt);
        }
        return mine;
    }

    private async adoptStored(ctx: CallContext, replacingBearer?: string): Promise<LivePersonSession | undefined> {
        const stored = this.usable(await ctx.sessionStore?.load().catch(() => undefined), replacingBearer);
        return stored && this.adopt(stored);
    }

    private adopt(session: LivePersonSession): LivePersonSession {
        this.current = session;
        if (!this.settings?.domainOverride) {
            this.deps.domains.remember(session.accountId, session.domain);
        }
        return session;
    }

    private loginOnce(ctx: CallContext, replacingBearer?: string): Promise<LivePersonSession> {
        if (!this.loginInFlight) {
            this.loginInFlight = this.loginUnlessAnotherInstanceDoes(ctx, replacingBearer).finally(() => {
                this.loginInFlight = undefined;
            });
        }
        return this.loginInFlight;
    }

    /**
     * Persistence has no compare-and-set, so a short lease is the best we can do: an instance that sees
     * another one logging in waits for its session instead of starting a second login.
     */
    private async loginUnlessAnotherInstanceDoes(ctx: CallContext, replacingBearer?: string): Promise<LivePersonSession> {
        const store = ctx.sessionStore;
        if (store?.canWrite) {
            const lease = await store.loadLease().catch(() => undefined);
            const now = this.deps.clock();
            if (lease && lease.holder !== this.deps.instanceId && lease.until > now) {
                const adopted = await this.waitForLease(ctx, lease.until, replacingBearer);
                if (adopted) {
                    return adopted;
                }
            }
            await store.saveLease({ holder: this.deps.instanceId, until: now + LOGIN_LEASE_MS }).catch(() => undefined);
            // Two instances may both have found the lease free: the last writer wins, the other waits for it.
            const holder = await store.loadLease().catch(() => undefined);
            if (holder && holder.holder !== this.deps.instanceId) {
                const adopted = await this.waitForLease(ctx, holder.until, replacingBearer);
                if (adopted) {
                    return adopted;
                }
            }
        }
        const session = await this.login(ctx);
        await this.install(ctx, session);
        return session;
    }

    private async waitForLease(ctx: CallContext, leaseEnd: number, replacingBearer?: string): Promise<LivePersonSession | undefined> {
        // Keep some budget for our own login in case the other instance fails.
        while (this.deps.clock() < leaseEnd && ctx.deadline.remainingMs() > 1000) {
            await this.deps.sleep(LEASE_POLL_MS);
            const adopted = await this.adoptStored(ctx, replacingBearer);
            if (adopted) {
                return adopted;
            }
        }
        return undefined;
    }

    private async install(ctx: CallContext, session: LivePersonSession): Promise<void> {
        if (session.fingerprint !== this.fingerprint) {
            // Logged in with settings that changed meanwhile: not ours to keep.
            this.deps.runInBackground(this.logout(ctx, session).catch(() => undefined));
            return;
        }
        this.current = session;
        await this.persist(ctx, session);
    }

    private async persist(ctx: CallContext, session: LivePersonSession): Promise<void> {
        if (ctx.sessionStore?.canWrite && session.fingerprint === this.fingerprint) {
            this.lastPersistedUse = this.deps.clock();
            await ctx.sessionStore.save(session);
        }
    }

    private requireSettings(): LivePersonSettings {
        return this.settings ?? fail({ kind: 'misconfigured', step: 'login', message: 'LivePerson is not configured', correlationId: '' });
    }

    private async login(ctx: CallContext): Promise<LivePersonSession> {
        const settings = this.requireSettings();
        const fingerprint = this.fingerprint;
        const domain = settings.domainOverride ?? (await this.deps.domains.agentVep(ctx, settings.accountId));
        let response;
        try {
            response = await sendToLivePerson(ctx, {
                step: 'login',
                method: 'post',
                url: `https://${domain}/api/account/${encodeURIComponent(settings.accountId)}/login?v=1.3`,
                body: loginBody(settings.credentials),
            });
        } catch (error) {
            this.forgetDomainAfter(error, settings);
            throw error;
        }
        const body = parseLivePersonJson(ctx, 'login', response, loginResponseSchema);
        const listed = body.csdsCollectionResponse?.baseURIs?.find((entry) => entry.service === 'agentVep')?.baseURI;
        if (listed && !settings.domainOverride) {
            this.deps.domains.remember(settings.accountId, listed);
        }
        const now = this.deps.clock();
        this.confirmed.add(body.bearer);
        return {
            fingerprint,
            accountId: settings.accountId,
            domain,
            bearer: body.bearer,
            csrf: body.csrf ?? '',
            sessionCookie: sessionCookieFrom(response.headers['set-cookie']) ?? '',
            ttlMs: body.sessionTTl && body.sessionTTl > 0 ? body.sessionTTl : DEFAULT_SESSION_TTL_MS,
            createdAt: now,
            refreshedAt: now,
            lastUsedAt: now,
        };
    }

    private forgetDomainAfter(error: unknown, settings: LivePersonSettings): void {
        const kind = error instanceof LivePersonError ? error.failure.kind : undefined;
        if (!settings.domainOverride && (kind === 'unavailable' || kind === 'misconfigured')) {
            this.deps.domains.markStale(settings.accountId);
        }
    }

    private async openAgentSession(ctx: CallContext, session: LivePersonSession): Promise<string> {
        const response = await sendToLivePerson(ctx, {
            step: 'agentSession',
            method: 'post',
            url: this.accountUrl(session, 'agentSession?v=1&NC=true'),
            headers: { Authorization: `Bearer ${session.bearer}` },
            body: { loginData: '' },
        });
        const fromLocation = lastPathSegment(response.headers.location);
        try {
            const body = parseLivePersonJson(ctx, 'agentSession', response, agentSessionResponseSchema);
            return lastPathSegment(body.agentSessionLocation.link['@href']) ?? fromLocation ?? fail(noAgentSessionId(ctx));
        } catch (error) {
            // The body is the documented source; the Location header is only a fallback.
            if (fromLocation && error instanceof LivePersonError) {
                return fromLocation;
            }
            throw error;
        }
    }

    private async refresh(ctx: CallContext, session: LivePersonSession): Promise<void> {
        await this.loginServiceCall(ctx, session, 'refresh');
        this.confirmed.add(session.bearer);
        session.refreshedAt = this.deps.clock();
        await this.persist(ctx, session);
    }

    private async renew(ctx: CallContext, old: LivePersonSession): Promise<void> {
        const fresh = await this.loginOnce(ctx, old.bearer);
        if (fresh.bearer !== old.bearer) {
            await this.logout(ctx, old).catch(() => undefined);
        }
    }

    /** Refresh and logout authenticate with the session cookie and the csrf token, not the bearer. */
    private async loginServiceCall(ctx: CallContext, session: LivePersonSession, step: 'refresh' | 'logout'): Promise<void> {
        await sendToLivePerson(ctx, {
            step,
            method: 'post',
            url: this.accountUrl(session, `${step}?v=1.3`),
            headers: { Cookie: `Session_id=${session.sessionCookie}` },
            body: { csrf: session.csrf },
        });
    }

    private accountUrl(session: LivePersonSession, rest: string): string {
        return `https://${session.domain}/api/account/${encodeURIComponent(session.accountId)}/${rest}`;
    }
}

function loginBody(credentials: LivePersonCredentials): Record<string, string> {
    if (credentials.type === 'password') {
        return { username: credentials.username, password: credentials.password };
    }
    return {
        username: credentials.username,
        appKey: credentials.appKey,
        secret: credentials.secret,
        accessToken: credentials.accessToken,
        accessTokenSecret: credentials.accessTokenSecret,
    };
}

/** Hosts join several Set-Cookie headers with ", " (or give an array): find Session_id wherever it is. */
export function sessionCookieFrom(header: string | undefined): string | undefined {
    return header ? /(?:^|[;,]\s*)Session_id=([^;,\s]+)/.exec(header)?.[1] : undefined;
}

function lastPathSegment(url: string | undefined): string | undefined {
    const segment = url?.split('?')[0].split('/').filter(Boolean).pop();
    return segment ? decodeURIComponent(segment) : undefined;
}

function noAgentSessionId(ctx: CallContext) {
    return {
        kind: 'invalidResponse' as const,
        step: 'agentSession' as const,
        message: 'LivePerson opened an agent session without saying its id',
        correlationId: ctx.correlationId,
    };
}
