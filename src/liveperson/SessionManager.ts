import { openAgentSession } from './api/agentSession';
import { login, loginServiceCall } from './api/login';
import { backgroundCall, runInBackground } from './background';
import type { DomainBook } from './DomainBook';
import { fail, failureOf } from './failures';
import type { LivePersonCall, LivePersonContext } from './LivePersonCall';
import { withLoginLease } from './loginLease';
import { isRefusal, LoginRefusals } from './loginRefusals';
import type { LivePersonSession } from './session';
import { isExpired, isIdle, needsRefresh, needsRenewal, TIMES } from './sessionPolicy';
import type { SettingsEpoch } from './settingsEpoch';
import { SingleFlight } from './singleFlight';

export interface SessionOptions {
    /** A bearer LivePerson refused: never return it; log in again (once, whoever asks). */
    replacing?: string;
    /** A session this instance has not seen LivePerson accept (one from the store, after a restart) is refreshed first. */
    verified?: boolean;
    /** Log in now, whatever is known: the admin's connection test (joining a login already running). */
    fresh?: boolean;
}

export type KeepAliveOutcome = 'refreshed' | 'renewed' | 'idle' | 'none';

/**
 * The login session and its agent session: one login in flight at a time whoever asks, reuse across instances
 * through the store, a refresh while in use, a renewal before the lifetime ends, and no login at all while a
 * refused one is being held back.
 */
export class SessionManager {
    private current: LivePersonSession | undefined;
    private readonly logins = new SingleFlight<string, LivePersonSession>();
    private readonly agentSessions = new SingleFlight<string, string>();
    /** Bearers this instance saw LivePerson accept (its own logins and refreshes). */
    private readonly confirmed = new Set<string>();
    private readonly refusals = new LoginRefusals();
    /** Sessions this instance ended: a stored copy it cannot clear (no writer lent) is not ended twice. */
    private readonly ended = new Set<string>();
    private lastPersistedUse = 0;

    constructor(private readonly deps: { domains: DomainBook; epoch: SettingsEpoch; instanceId: string }) {}

    /** A refused login is being waited out: nothing that needs a new login should be queued meanwhile. */
    get loginHeldBack(): boolean {
        return !this.current && this.refusals.holdingBack;
    }

    /** The settings changed: forget everything made with the old ones; returns the session to end. */
    reset(): LivePersonSession | undefined {
        const previous = this.current;
        this.current = undefined;
        this.logins.forget();
        this.agentSessions.forget();
        this.confirmed.clear();
        this.refusals.forget();
        return previous;
    }

    /** The one way to a session: this instance's, another instance's from the store, or a login. */
    async session(call: LivePersonCall, options: SessionOptions = {}): Promise<LivePersonSession> {
        if (!this.deps.epoch.isCurrent(call.settings.fingerprint)) {
            // A call that outlived its settings (a slow click across a save) must not log in with the old credentials.
            fail({
                kind: 'misconfigured',
                step: 'login',
                message: 'the LivePerson settings changed during this action',
                correlationId: call.correlationId,
                notSent: true,
            });
        }
        if (!options.fresh) {
            const known = this.usable(call, this.current, options.replacing) ?? (await this.stored(call, options.replacing));
            if (known) {
                return options.verified ? this.verify(call, known) : known;
            }
        }
        // Every refused attempt counts toward locking the LivePerson user out: the admin's test waits too.
        await this.refusals.holdBack(call);
        const previous = this.current;
        const session = await this.logins.run(call.settings.fingerprint, () =>
            withLoginLease(
                call,
                this.deps.instanceId,
                // The connection test wants a login of its own, not the session it is testing.
                () => (options.fresh ? Promise.resolve(undefined) : this.stored(call, options.replacing)),
                () => this.login(call),
            ),
        );
        if (options.fresh && previous && previous.bearer !== session.bearer) {
            // The test's login replaced the session in use: end that one rather than leave it open at LivePerson.
            runInBackground(() => this.logout(backgroundCall(call), previous));
        }
        return session;
    }

    /** The bearer's agent session, opened once; `replacing` names one LivePerson no longer knows. */
    async agentSession(call: LivePersonCall, session: LivePersonSession, options: { replacing?: string } = {}): Promise<{ id: string; openedNow: boolean }> {
        if (session.agentSessionId && session.agentSessionId !== options.replacing) {
            return { id: session.agentSessionId, openedNow: false };
        }
        const id = await this.agentSessions.run(session.bearer, () => openAgentSession(call, session));
        if (session.agentSessionId !== id) {
            session.agentSessionId = id;
            await this.persist(call, session);
        }
        return { id, openedNow: true };
    }

    /** Marks the session as in use; refreshes it in the background when LivePerson's keep-alive is due. */
    touch(call: LivePersonCall, session: LivePersonSession): void {
        const now = Date.now();
        session.lastUsedAt = now;
        if (needsRefresh(session, now)) {
            session.refreshedAt = now; // one background refresh, not one per click while it runs
            runInBackground(() => this.refresh(backgroundCall(call), session));
        } else if (now - this.lastPersistedUse >= TIMES.persistUseEvery) {
            runInBackground(() => this.persist(call, session));
        }
    }

    /** The recurring job: refresh a session in use, renew one near its end, let an idle one go. */
    async keepAlive(call: LivePersonCall): Promise<KeepAliveOutcome> {
        const session = await this.freshest(call);
        const now = Date.now();
        if (!session) return 'none';
        if (isIdle(session, now)) return 'idle';
        if (!needsRenewal(session, now)) {
            try {
                await this.refresh(call, session);
                return 'refreshed';
            } catch (error) {
                if (failureOf(error)?.kind !== 'auth') throw error;
            }
        }
        const fresh = await this.session(call, { replacing: session.bearer });
        if (fresh.bearer !== session.bearer && needsRenewal(session, now)) {
            await this.logout(call, session).catch(() => undefined);
        }
        return 'renewed';
    }

    /** Ends a session at LivePerson: the one given, else this instance's, else the stored one. */
    async logout(call: LivePersonContext, given?: LivePersonSession): Promise<void> {
        const session = given ?? this.current ?? (await call.store.load());
        if (!session || this.ended.has(session.bearer)) return;
        this.ended.add(session.bearer);
        if (this.ended.size > 20) this.ended.delete(this.ended.values().next().value as string);
        if (session.bearer === this.current?.bearer) this.current = undefined;
        this.confirmed.delete(session.bearer);
        if ((await call.store.load())?.bearer === session.bearer) await call.store.clear();
        await loginServiceCall(call, session, 'logout');
    }

    private async login(call: LivePersonCall): Promise<LivePersonSession> {
        const host = await this.deps.domains.host(call, 'agentVep');
        let answer;
        try {
            answer = await login(call, host, call.settings);
        } catch (error) {
            const failure = failureOf(error);
            if (failure?.kind === 'unavailable' || failure?.kind === 'misconfigured') this.deps.domains.renewSoon(call, 'agentVep');
            if (failure?.status !== undefined && isRefusal(failure.status)) await this.refusals.refused(call, failure.status);
            throw error;
        }
        if (answer.hosts.agentVep) this.deps.domains.remember(call, 'agentVep', answer.hosts.agentVep);
        if (answer.hosts.msgHist) this.deps.domains.remember(call, 'msgHist', answer.hosts.msgHist);
        if (answer.refusedHost) {
            call.logger.warn(`LivePerson's login answer listed a host outside liveperson.net: ignored [${call.correlationId}]`, {
                step: 'login',
                kind: 'invalidResponse',
                correlationId: call.correlationId,
            });
        }
        this.confirmed.add(answer.session.bearer);
        await this.refusals.accepted(call);
        await this.install(call, answer.session);
        return answer.session;
    }

    /** A login made with settings replaced meanwhile is not kept (nor shared): it is ended. */
    private async install(call: LivePersonCall, session: LivePersonSession): Promise<void> {
        if (!this.deps.epoch.isCurrent(session.fingerprint)) {
            runInBackground(() => loginServiceCall(backgroundCall(call), session, 'logout'));
            return;
        }
        this.current = session;
        await this.persist(call, session);
    }

    private async verify(call: LivePersonCall, session: LivePersonSession): Promise<LivePersonSession> {
        if (this.confirmed.has(session.bearer)) return session;
        try {
            await this.refresh(call, session);
            return session;
        } catch (error) {
            if (failureOf(error)?.kind !== 'auth') throw error;
            return this.session(call, { replacing: session.bearer });
        }
    }

    private async refresh(call: LivePersonCall, session: LivePersonSession): Promise<void> {
        await loginServiceCall(call, session, 'refresh');
        this.confirmed.add(session.bearer);
        session.refreshedAt = Date.now();
        await this.persist(call, session);
    }

    private usable(call: LivePersonCall, session: LivePersonSession | undefined, replacing?: string): LivePersonSession | undefined {
        if (!session || session.fingerprint !== call.settings.fingerprint || session.bearer === replacing) return undefined;
        // LivePerson moved the account to another host: a session on the old one is of no use.
        const host = this.deps.domains.current(call, 'agentVep');
        if (host && host !== session.domain) return undefined;
        return isExpired(session, Date.now()) ? undefined : session;
    }

    private async stored(call: LivePersonCall, replacing?: string): Promise<LivePersonSession | undefined> {
        const stored = this.usable(call, await call.store.load(), replacing);
        if (stored && this.deps.epoch.isCurrent(stored.fingerprint)) {
            this.current = stored;
            this.deps.domains.remember(call, 'agentVep', stored.domain);
            return stored;
        }
        return undefined;
    }

    /** The job may run on an instance no agent uses: what the store says (written by every instance) counts too. */
    private async freshest(call: LivePersonCall): Promise<LivePersonSession | undefined> {
        const mine = this.usable(call, this.current);
        const stored = this.usable(call, await call.store.load());
        if (!mine || (stored && stored.bearer !== mine.bearer && stored.createdAt > mine.createdAt)) {
            return stored && (await this.stored(call));
        }
        if (stored?.bearer === mine.bearer) {
            mine.lastUsedAt = Math.max(mine.lastUsedAt, stored.lastUsedAt);
            mine.refreshedAt = Math.max(mine.refreshedAt, stored.refreshedAt);
        }
        return mine;
    }

    private async persist(call: LivePersonCall, session: LivePersonSession): Promise<void> {
        if (this.deps.epoch.isCurrent(session.fingerprint)) {
            this.lastPersistedUse = Date.now();
            await call.store.save(session);
        }
    }
}
