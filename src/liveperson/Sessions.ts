import { inBackground, remainingMs, runInBackground, type LivePersonCall, type SettingsFreeCall } from './call';
import { openAgentSession } from './chatAgent';
import type { DomainBook } from './DomainBook';
import { fail, failureAt, failureOf, type LivePersonStep } from './failures';
import { login, loginServiceCall } from './loginService';
import { isExpired, isIdle, needsRefresh, needsRenewal, type LivePersonSession, type LoginRefusal } from './session';

const MINUTE = 60_000;
/** After a refused login: 1, 2, 4, 8 then 15 minutes before the next attempt, unless the credentials change. */
const LOGIN_BACKOFF = [1, 2, 4, 8, 15].map((minutes) => minutes * MINUTE);
/** Statuses that mean "these credentials will not work": retrying them only locks the LivePerson user out. */
const REFUSALS: ReadonlyMap<number, 'auth' | 'forbidden' | 'misconfigured'> = new Map([
    [400, 'misconfigured'],
    [401, 'auth'],
    [403, 'forbidden'],
    [451, 'forbidden'],
]);
/** A session LivePerson accepted this recently (a login, a refresh) is alive: a 401 from an API is a refusal of that API. */
const PROVEN_FOR = MINUTE;
/** How long another instance's login keeps this one from starting its own, and how often it looks. */
const LEASE = { hold: 10_000, poll: 150, settle: 50 };
/** Writing "last used" on every click would cost a database write per click: once a minute is enough. */
const PERSIST_USE_EVERY = MINUTE;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type KeepAliveOutcome = 'refreshed' | 'renewed' | 'idle' | 'none';

/**
 * The login session and its agent session: one login in flight at a time whoever asks, reuse across
 * instances through the store, a refresh while in use, a renewal before the lifetime ends, and no login at all
 * while a refused one is being held back, on any instance.
 */
export class Sessions {
    private session: LivePersonSession | undefined;
    private loggingIn: Promise<LivePersonSession> | undefined;
    private opening: { bearer: string; id: Promise<string> } | undefined;
    /** When LivePerson last accepted a bearer itself (its login, a refresh), on this instance. */
    private readonly provenAt = new Map<string, number>();
    private refusal: LoginRefusal | undefined;
    /** The session this instance last ended: a stored copy it could not clear is not ended twice. */
    private ended: string | undefined;
    private lastPersistedUse = 0;

    constructor(private readonly deps: { domains: DomainBook; isCurrent: (fingerprint: string) => boolean; instanceId: string }) {}

    /** A refused login is being waited out and no session is at hand: nothing that needs a login should be queued. */
    get loginHeldBack(): boolean {
        return !this.session && this.refusal !== undefined && heldBackMs(this.refusal) > 0;
    }

    /** The settings changed: forget everything made with the old ones; returns the session to end. */
    reset(): LivePersonSession | undefined {
        const previous = this.session;
        this.session = undefined;
        this.loggingIn = undefined;
        this.opening = undefined;
        this.provenAt.clear();
        this.refusal = undefined;
        return previous;
    }

    /** The session to use: this instance's, another instance's from the store, or a new login. */
    async current(call: LivePersonCall): Promise<LivePersonSession> {
        return this.usable(call, this.session) ?? (await this.fromStore(call)) ?? this.login(call, false);
    }

    /** The current session, checked with LivePerson first unless this instance saw it accepted (the pre-warm). */
    async confirmed(call: LivePersonCall): Promise<LivePersonSession> {
        const session = await this.current(call);
        return this.provenAt.has(session.bearer) ? session : ((await this.refreshedOrReplaced(call, session)) ?? session);
    }

    /**
     * LivePerson answered 401 to `refused` at `step`. A session it accepted moments ago (or accepts now, asked
     * with a refresh) is alive: that API is refused to the user, and logging in again would only open another
     * session. Only a session LivePerson no longer knows is replaced, once, whoever asks.
     */
    async replace(call: LivePersonCall, refused: LivePersonSession, step: LivePersonStep): Promise<LivePersonSession> {
        const now = this.usable(call, this.session) ?? (await this.fromStore(call));
        if (now && now.bearer !== refused.bearer) return now;
        const proven = this.provenAt.get(refused.bearer);
        const replaced = proven === undefined || Date.now() - proven >= PROVEN_FOR ? await this.refreshedOrReplaced(call, refused) : undefined;
        const message = `LivePerson refused the ${step} request with a session it accepts: the user lacks a permission for this API`;
        return replaced ?? fail(failureAt(call, step, 'forbidden', message, { status: 401 }));
    }

    /** The admin's test: a login of its own, now. The session it replaces is ended rather than left open. */
    async loginNow(call: LivePersonCall): Promise<LivePersonSession> {
        const previous = this.session;
        const session = await this.login(call, true);
        if (previous && previous.bearer !== session.bearer) runInBackground(() => this.logout(inBackground(call), previous));
        return session;
    }

    /** The bearer's agent session, opened once; `forgotten` names one LivePerson no longer knows. */
    async agentSession(call: LivePersonCall, session: LivePersonSession, forgotten?: string): Promise<string> {
        if (session.agentSessionId && session.agentSessionId !== forgotten) return session.agentSessionId;
        let opening = this.opening;
        if (opening?.bearer !== session.bearer) {
            const started = { bearer: session.bearer, id: openAgentSession(call, session) };
            void started.id.catch(() => undefined).finally(() => this.opening === started && (this.opening = undefined));
            this.opening = opening = started;
        }
        const id = await opening.id;
        if (session.agentSessionId !== id) {
            Object.assign(session, { agentSessionId: id, agentSessionSeenAt: Date.now() });
            await this.persist(call, session);
        }
        return id;
    }

    /** LivePerson answered through the session: it is in use, and the keep-alive is run when due. */
    touch(call: LivePersonCall, session: LivePersonSession): void {
        const now = Date.now();
        session.lastUsedAt = now;
        if (needsRefresh(session, now)) {
            session.refreshedAt = now; // one background refresh, not one per click while it runs
            runInBackground(() => this.refresh(inBackground(call), session));
        } else if (now - this.lastPersistedUse >= PERSIST_USE_EVERY) {
            runInBackground(() => this.persist(call, session));
        }
    }

    /** The recurring job: refresh a session in use, renew one near its end, let an idle one go. */
    async keepAlive(call: LivePersonCall): Promise<KeepAliveOutcome> {
        const session = await this.freshest(call);
        const now = Date.now();
        if (!session) return 'none';
        if (isIdle(session, now)) return 'idle';
        if (!needsRenewal(session, now)) return (await this.refreshedOrReplaced(call, session)) ? 'renewed' : 'refreshed';
        if (this.session?.bearer === session.bearer) this.session = undefined;
        const fresh = await this.login(call, false);
        // A session renewed before its end is still open at LivePerson: end it (one LivePerson ended needs nothing).
        if (fresh.bearer !== session.bearer) await this.logout(call, session).catch(() => undefined);
        return 'renewed';
    }

    /** Ends a session at LivePerson: the one given, else this instance's, else the stored one. */
    async logout(call: SettingsFreeCall, given?: LivePersonSession): Promise<void> {
        const session = given ?? this.session ?? (await call.store.session.load());
        if (!session || this.ended === session.bearer) return;
        this.ended = session.bearer;
        if (session.bearer === this.session?.bearer) this.session = undefined;
        this.provenAt.delete(session.bearer);
        if ((await call.store.session.load())?.bearer === session.bearer) await call.store.session.save(undefined);
        await loginServiceCall(call, session, 'logout');
    }

    /** Refreshes `session`: undefined when LivePerson accepted it, a new login when LivePerson no longer knows it. */
    private async refreshedOrReplaced(call: LivePersonCall, session: LivePersonSession): Promise<LivePersonSession | undefined> {
        try {
            await this.refresh(call, session);
            return undefined;
        } catch (error) {
            if (failureOf(error)?.kind !== 'auth') throw error;
            if (this.session?.bearer === session.bearer) this.session = undefined;
            return this.login(call, false);
        }
    }

    /** One login at a time, whoever asks: held back while LivePerson's refusal is being waited out, on any instance. */
    private login(call: LivePersonCall, fresh: boolean): Promise<LivePersonSession> {
        if (!this.deps.isCurrent(call.settings.fingerprint)) {
            // A call that outlived its settings (a slow click across a save) must not log in with the old credentials.
            fail(failureAt(call, 'login', 'misconfigured', 'the LivePerson settings changed during this action', { notSent: true }));
        }
        if (!this.loggingIn) {
            const running = this.holdBack(call)
                .then(() => this.withLease(call, fresh))
                .finally(() => {
                    if (this.loggingIn === running) this.loggingIn = undefined;
                });
            this.loggingIn = running;
        }
        return this.loggingIn;
    }

    /**
     * Persistence has no compare-and-set, so a short lease is the best an instance can do: one that sees another
     * logging in waits for that login's session (or its refusal) instead of starting a second one, and logs in
     * itself only when the other's lease ends without either. The lease is read back after a short pause: two
     * instances that both found it free both wrote it, and the last writer holds it.
     */
    private async withLease(call: LivePersonCall, fresh: boolean): Promise<LivePersonSession> {
        const waitFor = async (until: number) => {
            // Keep some budget for this instance's own login, in case the other one fails.
            while (Date.now() < until && remainingMs(call) > 1000) {
                await sleep(LEASE.poll);
                await this.holdBack(call);
                const found = fresh ? undefined : await this.fromStore(call);
                if (found) return found;
            }
            return undefined;
        };
        const lease = await call.store.lease.load();
        const other = lease && lease.holder !== this.deps.instanceId && lease.until > Date.now() ? await waitFor(lease.until) : undefined;
        if (other) return other;
        await call.store.lease.save({ holder: this.deps.instanceId, until: Date.now() + LEASE.hold });
        await sleep(LEASE.settle);
        const holder = await call.store.lease.load();
        const winner = holder && holder.holder !== this.deps.instanceId ? await waitFor(holder.until) : undefined;
        if (winner) return winner;
        await this.holdBack(call);
        return this.loginOnce(call);
    }

    private async loginOnce(call: LivePersonCall): Promise<LivePersonSession> {
        const host = await this.deps.domains.host(call, 'agentVep');
        let answer;
        try {
            answer = await login(call, host, call.settings);
        } catch (error) {
            const failure = failureOf(error);
            if (failure?.kind === 'unavailable' || failure?.kind === 'misconfigured') this.deps.domains.renewSoon(call, 'agentVep');
            if (failure?.status !== undefined && REFUSALS.has(failure.status)) await this.refused(call, failure.status);
            throw error;
        }
        if (answer.hosts.agentVep) this.deps.domains.remember(call, 'agentVep', answer.hosts.agentVep);
        if (answer.hosts.msgHist) this.deps.domains.remember(call, 'msgHist', answer.hosts.msgHist);
        const session = answer.session;
        this.provenAt.set(session.bearer, Date.now());
        if (this.refusal || (await call.store.refusal.load())) {
            // A login LivePerson accepted ends every instance's wait.
            this.refusal = undefined;
            await call.store.refusal.save(undefined);
        }
        if (!this.deps.isCurrent(session.fingerprint)) {
            // Made with settings replaced meanwhile: not kept, nor shared, but ended.
            runInBackground(() => loginServiceCall(inBackground(call), session, 'logout'));
            return session;
        }
        this.session = session;
        await this.persist(call, session);
        return session;
    }

    /** Throws `heldBack` while a refused login of these credentials is waited out: the store speaks for every instance. */
    private async holdBack(call: LivePersonCall): Promise<void> {
        const stored = await call.store.refusal.load();
        this.refusal = stored?.fingerprint === call.settings.fingerprint ? stored : undefined;
        const waitMs = this.refusal ? heldBackMs(this.refusal) : 0;
        if (!this.refusal || waitMs <= 0) return;
        const { status, refusals } = this.refusal;
        const seconds = Math.ceil(waitMs / 1000);
        const message = `LivePerson refused the login ${refusals} time(s): not trying again for ${seconds} s`;
        const cause = (status !== undefined && REFUSALS.get(status)) || 'auth';
        fail(failureAt(call, 'login', 'heldBack', message, { cause, status, retryAfterSeconds: seconds }));
    }

    private async refused(call: LivePersonCall, status: number): Promise<void> {
        const previous = await call.store.refusal.load();
        const count = previous?.fingerprint === call.settings.fingerprint ? previous.refusals : 0;
        this.refusal = { fingerprint: call.settings.fingerprint, refusals: count + 1, lastAt: Date.now(), status };
        await call.store.refusal.save(this.refusal);
    }

    private async refresh(call: LivePersonCall, session: LivePersonSession): Promise<void> {
        await loginServiceCall(call, session, 'refresh');
        this.provenAt.set(session.bearer, Date.now());
        session.refreshedAt = Date.now();
        await this.persist(call, session);
    }

    private usable(call: LivePersonCall, session: LivePersonSession | undefined): LivePersonSession | undefined {
        if (!session || session.fingerprint !== call.settings.fingerprint || isExpired(session, Date.now())) return undefined;
        // LivePerson moved the account to another host: a session on the old one is of no use.
        const host = this.deps.domains.current(call, 'agentVep');
        return host && host !== session.domain ? undefined : session;
    }

    private async fromStore(call: LivePersonCall): Promise<LivePersonSession | undefined> {
        const stored = this.usable(call, await call.store.session.load());
        if (!stored || !this.deps.isCurrent(stored.fingerprint) || stored.bearer === this.ended) return undefined;
        if (stored.bearer !== this.session?.bearer) this.session = stored;
        this.deps.domains.remember(call, 'agentVep', stored.domain);
        return this.session;
    }

    /** The job may run on an instance no agent uses: what the store says (written by every instance) counts too. */
    private async freshest(call: LivePersonCall): Promise<LivePersonSession | undefined> {
        const mine = this.usable(call, this.session);
        const stored = this.usable(call, await call.store.session.load());
        if (!mine || (stored && stored.bearer !== mine.bearer && stored.createdAt > mine.createdAt)) return stored && this.fromStore(call);
        if (stored?.bearer === mine.bearer) {
            mine.lastUsedAt = Math.max(mine.lastUsedAt, stored.lastUsedAt);
            mine.refreshedAt = Math.max(mine.refreshedAt, stored.refreshedAt);
        }
        return mine;
    }

    private async persist(call: SettingsFreeCall, session: LivePersonSession): Promise<void> {
        if (this.deps.isCurrent(session.fingerprint)) {
            this.lastPersistedUse = Date.now();
            await call.store.session.save(session);
        }
    }
}

/** How long a refusal still holds logins back. */
const heldBackMs = (refusal: LoginRefusal): number =>
    refusal.refusals <= 0 ? 0 : refusal.lastAt + LOGIN_BACKOFF[Math.min(refusal.refusals, LOGIN_BACKOFF.length) - 1] - Date.now();
