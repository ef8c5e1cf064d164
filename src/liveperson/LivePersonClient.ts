import type { LivePersonSettings } from '../settings/AppConfig';
import type { CallContext } from './CallContext';
import { CircuitBreaker } from './CircuitBreaker';
import { Deadline, type Clock } from './Deadline';
import { DomainResolver } from './DomainResolver';
import { failed, LivePersonError, ok, type LivePersonFailure, type Result } from './LivePersonFailure';
import type { LivePersonSession } from './LivePersonSession';
import { LivePersonSessions, type KeepAliveOutcome } from './LivePersonSessions';
import { parseLivePersonJson, sendToLivePerson } from './livePersonHttp';
import type { ParticipantInfo } from './ParticipantInfo';
import { participantIdPathSegment, participantIdProblem } from './participantId';
import { participantInfoSchema } from './schemas';
import type { WarmUpReport } from './SessionStore';
import { settingsFingerprint } from './settingsFingerprint';
import { TtlLruCache } from './TtlLruCache';

export interface ParticipantLookup {
    info: ParticipantInfo;
    /** How old the answer is: 0 when fetched for this action. */
    ageMs: number;
    fromCache: boolean;
}

/** What the rest of the app needs from a source of authenticated visitor profiles (a messaging source could join it). */
export interface ParticipantDirectory {
    lookupParticipant(ctx: CallContext, participantId: string, options: { bypassCache: boolean }): Promise<Result<ParticipantLookup>>;
}

export interface LivePersonClientOptions {
    clock?: Clock;
    instanceId?: string;
    maxCachedParticipants?: number;
    sleep?: (ms: number) => Promise<void>;
}

/** "Not found" and "not authenticated" are remembered for a minute, so a click-happy agent costs nothing. */
export const NEGATIVE_CACHE_MS = 60_000;
const BREAKER = { threshold: 3, coolDownMs: 30_000 };
const BACKGROUND_BUDGET_MS = 10_000;

type CachedOutcome = { ok: true; info: ParticipantInfo } | { ok: false; failure: LivePersonFailure };

export class LivePersonClient implements ParticipantDirectory {
    private readonly clock: Clock;
    private readonly domains: DomainResolver;
    private readonly sessions: LivePersonSessions;
    private readonly breaker: CircuitBreaker;
    private readonly cache: TtlLruCache<string, CachedOutcome>;
    private readonly inFlight = new Map<string, Promise<Result<ParticipantLookup>>>();
    private readonly background = new Set<Promise<unknown>>();
    private settings: LivePersonSettings | undefined;
    private cacheTtlMs = 0;
    /** Bumped when the settings change: an answer fetched with the old ones is not cached. */
    private generation = 0;

    constructor(options: LivePersonClientOptions = {}) {
        this.clock = options.clock ?? (() => Date.now());
        const runInBackground = (task: Promise<unknown>) => this.runInBackground(task);
        this.domains = new DomainResolver(this.clock, runInBackground);
        this.sessions = new LivePersonSessions({
            clock: this.clock,
            domains: this.domains,
            instanceId: options.instanceId ?? `instance-${Math.random().toString(36).slice(2, 10)}`,
            runInBackground,
            sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
        });
        this.breaker = new CircuitBreaker({ ...BREAKER, clock: this.clock });
        this.cache = new TtlLruCache(options.maxCachedParticipants ?? 2000, this.clock);
    }

    /**
     * Called with the current settings before every use. New credentials drop every cached session and
     * answer at once; the session they replace is returned so the caller can log it out.
     */
    useSettings(settings: LivePersonSettings, cacheTtlMs: number): LivePersonSession | undefined {
        this.cacheTtlMs = cacheTtlMs;
        const replaced = this.sessions.configure(settings, settingsFingerprint(settings));
        const accountChanged = this.settings?.accountId !== settings.accountId;
        this.settings = settings;
        if (replaced || accountChanged) {
            this.generation++;
            this.cache.clear();
            this.inFlight.clear();
            this.breaker.reset();
        }
        return replaced;
    }

    /** The settings no longer allow calling LivePerson: drop sessions and cached answers. */
    clearSettings(): LivePersonSession | undefined {
        this.settings = undefined;
        this.generation++;
        this.cache.clear();
        this.inFlight.clear();
        this.breaker.reset();
        return this.sessions.clear();
    }

    async lookupParticipant(ctx: CallContext, participantId: string, options: { bypassCache: boolean }): Promise<Result<ParticipantLookup>> {
        const settings = this.settings;
        if (!settings) {
            return failed({ kind: 'misconfigured', step: 'participantInfo', message: 'LivePerson is not configured', correlationId: ctx.correlationId });
        }
        if (participantIdProblem(participantId)) {
            return failed({ kind: 'notFound', step: 'participantInfo', message: 'the participant id is not valid', correlationId: ctx.correlationId });
        }
        const key = `${settings.accountId}:${participantId}`;
        const cached = options.bypassCache ? undefined : this.cache.get(key);
        if (cached) {
            return cached.value.ok
                ? ok({ info: cached.value.info, ageMs: cached.ageMs, fromCache: true })
                : failed({ ...cached.value.failure, correlationId: ctx.correlationId });
        }
        let running = this.inFlight.get(key);
        if (!running) {
            const started = this.fetchAndRemember(ctx, key, participantId).finally(() => {
                if (this.inFlight.get(key) === started) {
                    this.inFlight.delete(key);
                }
            });
            this.inFlight.set(key, started);
            running = started;
        }
        // A shared call, or a login or agent session someone else started (a pre-warm allows itself 20 s), may
        // take longer than this action may wait: never wait past our own deadline.
        return withinDeadline(running, ctx);
    }

    /** Resolves the domain, logs in and opens the agent session, so the first agent's click costs one round trip. */
    async warmUp(ctx: CallContext): Promise<WarmUpReport> {
        const steps: WarmUpReport['steps'] = [];
        const settings = this.settings;
        try {
            if (settings && !settings.domainOverride) {
                await this.timedStep(steps, 'domain', () => this.domains.agentVep(ctx, settings.accountId));
            }
            const session = await this.timedStep(steps, 'login', () => this.sessions.acquireChecked(ctx));
            await this.timedStep(steps, 'agentSession', () => this.sessions.agentSessionId(ctx, session));
        } catch {
            // The failed step is in the report.
        }
        const report = this.report(ctx, steps);
        if (ctx.sessionStore?.canWrite) {
            await ctx.sessionStore.saveWarmUpReport(report).catch(() => undefined);
        }
        return report;
    }

    /** The admin's live test: asks the Domain API, logs in and opens an agent session now, timing each. */
    async connectionTest(ctx: CallContext): Promise<WarmUpReport> {
        const settings = this.settings;
        const steps: WarmUpReport['steps'] = [];
        if (!settings) {
            return this.report(ctx, steps);
        }
        try {
            if (!settings.domainOverride) {
                await this.timedStep(steps, 'domain', () => this.domains.resolve(ctx, settings.accountId));
            }
            const session = await this.timedStep(steps, 'login', () => this.sessions.loginNow(ctx));
            await this.timedStep(steps, 'agentSession', () => this.sessions.agentSessionId(ctx, session));
        } catch {
            // The failed step is in the report; the steps after it are not run.
        }
        return this.report(ctx, steps);
    }

    keepAlive(ctx: CallContext): Promise<KeepAliveOutcome> {
        return this.settings ? this.sessions.keepAlive(ctx) : Promise.resolve('none');
    }

    logout(ctx: CallContext, session?: LivePersonSession): Promise<void> {
        return this.sessions.logout(ctx, session);
    }

    /** Ends a session made with old settings without making anyone wait for it. */
    retireInBackground(ctx: CallContext, session: LivePersonSession): void {
        this.runInBackground(this.sessions.logout(this.backgroundContext(ctx), session));
    }

    /** Resolves when background work (renewals, refreshes, logouts) is done: for tests and benchmarks. */
    async settled(): Promise<void> {
        while (this.background.size > 0) {
            await Promise.allSettled([...this.background]);
        }
    }

    get cachedParticipants(): number {
        return this.cache.size;
    }

    private async timedStep<T>(steps: WarmUpReport['steps'], step: string, work: () => Promise<T>): Promise<T> {
        const started = this.clock();
        try {
            const value = await work();
            steps.push({ step, ok: true, durationMs: this.clock() - started });
            return value;
        } catch (error) {
            const failure = error instanceof LivePersonError ? error.failure : undefined;
            steps.push({ step, ok: false, durationMs: this.clock() - started, kind: failure?.kind ?? 'unexpected', status: failure?.status });
            throw error;
        }
    }

    private report(ctx: CallContext, steps: WarmUpReport['steps']): WarmUpReport {
        return { at: this.clock(), ok: steps.length > 0 && steps.every((step) => step.ok), correlationId: ctx.correlationId, steps };
    }

    private async fetchAndRemember(ctx: CallContext, key: string, participantId: string): Promise<Result<ParticipantLookup>> {
        const verdict = this.breaker.check();
        if (verdict.open) {
            const paused = verdict.kind === 'rateLimited' ? 'LivePerson asked us to slow down' : 'LivePerson failed several times in a row';
            return failed({
                kind: verdict.kind,
                step: 'participantInfo',
                message: `${paused}: not calling it for ${verdict.retryAfterSeconds} s`,
                correlationId: ctx.correlationId,
                retryAfterSeconds: verdict.retryAfterSeconds,
            });
        }
        const generation = this.generation;
        const remember = (value: CachedOutcome, ttlMs: number) => {
            if (generation === this.generation) {
                this.cache.set(key, value, ttlMs);
            }
        };
        try {
            const info = await this.fetchParticipant(ctx, participantId);
            this.breaker.record({ ok: true });
            if (info.isUserAuthenticated === false) {
                const failure: LivePersonFailure = {
                    kind: 'notAuthenticated',
                    step: 'participantInfo',
                    message: 'the participant is not authenticated',
                    correlationId: ctx.correlationId,
                };
                remember({ ok: false, failure }, Math.min(NEGATIVE_CACHE_MS, this.cacheTtlMs || NEGATIVE_CACHE_MS));
                return failed(failure);
            }
            remember({ ok: true, info }, this.cacheTtlMs);
            return ok({ info, ageMs: 0, fromCache: false });
        } catch (error) {
            const failure = asFailure(error, ctx);
            if (failure.notSent) {
                // Running out of this action's own time before asking says nothing about LivePerson.
                this.breaker.release();
            } else {
                this.breaker.record({ ok: false, kind: failure.kind, retryAfterSeconds: failure.retryAfterSeconds });
            }
            if (failure.kind === 'notFound') {
                remember({ ok: false, failure }, NEGATIVE_CACHE_MS);
            }
            if (!(error instanceof LivePersonError)) {
                ctx.logger.error(`LivePerson lookup failed unexpectedly [${ctx.correlationId}]`, { kind: failure.kind, correlationId: ctx.correlationId });
            }
            return failed(failure);
        }
    }

    /**
     * At most one retry, and only where a retry can work: a bearer LivePerson no longer accepts (log in again)
     * or an agent session it forgot (open a new one). A second refusal is final.
     */
    private async fetchParticipant(ctx: CallContext, participantId: string): Promise<ParticipantInfo> {
        const first = await this.sessionWithAgent(ctx);
        let { session, agent } = first;
        for (let attempt = first.retried ? 1 : 0; ; attempt++) {
            try {
                const response = await sendToLivePerson(ctx, {
                    step: 'participantInfo',
                    method: 'get',
                    url: `https://${session.domain}/api/account/${encodeURIComponent(session.accountId)}/agentSession/${encodeURIComponent(
                        agent.id,
                    )}/participantExtendedInfo/${participantIdPathSegment(participantId)}?v=1&NC=true`,
                    headers: { Authorization: `Bearer ${session.bearer}` },
                });
                this.sessions.touch(this.backgroundContext(ctx), session);
                return parseLivePersonJson(ctx, 'participantInfo', response, participantInfoSchema);
            } catch (error) {
                const failure = error instanceof LivePersonError ? error.failure : undefined;
                if (failure?.kind === 'unavailable' && failure.status === undefined && !this.settings?.domainOverride) {
                    // The host did not answer at all: maybe LivePerson moved the account. Ask where it lives now.
                    this.runInBackground(this.domains.resolve(this.backgroundContext(ctx), session.accountId));
                }
                if (attempt > 0 || !failure) {
                    throw error;
                }
                if (failure.status === 401) {
                    ({ session, agent } = await this.sessionWithAgent(ctx, session.bearer));
                } else if (failure.status === 404 && !agent.opened) {
                    agent = await this.sessions.agentSessionId(ctx, session, agent.id);
                } else {
                    throw error;
                }
            }
        }
    }

    /**
     * A session with its agent session. A bearer refused while opening the agent session gets one new login,
     * which is the action's one retry (`retried`); with `replacingBearer` the retry is already being spent.
     */
    private async sessionWithAgent(ctx: CallContext, replacingBearer?: string) {
        let session = await this.sessions.acquire(ctx, replacingBearer);
        try {
            return { session, agent: await this.sessions.agentSessionId(ctx, session), retried: false };
        } catch (error) {
            if (replacingBearer || !(error instanceof LivePersonError) || error.failure.status !== 401) {
                throw error;
            }
            session = await this.sessions.acquire(ctx, session.bearer);
            return { session, agent: await this.sessions.agentSessionId(ctx, session), retried: true };
        }
    }

    /** Background work must not inherit an agent's nearly spent budget. */
    private backgroundContext(ctx: CallContext): CallContext {
        return { ...ctx, deadline: Deadline.in(BACKGROUND_BUDGET_MS, this.clock) };
    }

    private runInBackground(task: Promise<unknown>): void {
        const tracked = task.catch(() => undefined).finally(() => this.background.delete(tracked));
        this.background.add(tracked);
    }
}

function withinDeadline(shared: Promise<Result<ParticipantLookup>>, ctx: CallContext): Promise<Result<ParticipantLookup>> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expiry = new Promise<Result<ParticipantLookup>>((resolve) => {
        timer = setTimeout(
            () => resolve(failed({ kind: 'timeout', step: 'participantInfo', message: 'LivePerson did not answer in time', correlationId: ctx.correlationId })),
            ctx.deadline.remainingMs(),
        );
    });
    return Promise.race([shared, expiry]).finally(() => clearTimeout(timer));
}

function asFailure(error: unknown, ctx: CallContext): LivePersonFailure {
    if (error instanceof LivePersonError) {
        return { ...error.failure, correlationId: error.failure.correlationId || ctx.correlationId };
    }
    return { kind: 'invalidResponse', step: 'participantInfo', message: 'unexpected error while reading LivePerson', correlationId: ctx.correlationId };
}
