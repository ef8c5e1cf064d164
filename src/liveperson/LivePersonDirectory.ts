import type { LivePersonProfile } from '../profile/LivePersonProfile';
import type { LivePersonSettings } from '../settings/AppConfig';
import { backgroundCall, runInBackground } from './background';
import { CircuitBreaker } from './CircuitBreaker';
import { connectionTest, warmUp } from './connectionSteps';
import { DomainBook } from './DomainBook';
import { failureOf, type LivePersonFailure } from './failures';
import type { LivePersonCall, LivePersonContext } from './LivePersonCall';
import { refKey, type Lookup, type ParticipantDirectory, type ParticipantRef } from './ParticipantDirectory';
import { isValidParticipantId } from './participantId';
import type { ConnectionReport } from './session';
import { SessionManager, type KeepAliveOutcome } from './SessionManager';
import { TIMES } from './sessionPolicy';
import { SettingsEpoch } from './settingsEpoch';
import { SingleFlight } from './singleFlight';
import { chatProfile } from './sources/chatSource';
import { messagingProfile } from './sources/messagingSource';
import { TtlLruCache } from './TtlLruCache';

type Outcome = { ok: true; profile: LivePersonProfile } | { ok: false; failure: LivePersonFailure };

/** Failures that say something about the consumer, not about LivePerson: remembered a minute. */
const REMEMBERED = new Set(['notFound', 'notAuthenticated']);

/**
 * LivePerson's profiles for the app, from the Chat Agent API or Messaging: a bounded cache per consumer, one
 * request per consumer at a time whoever asks, a circuit breaker in front, and every answer tied to the
 * settings it was fetched with.
 */
export class LivePersonDirectory implements ParticipantDirectory {
    private readonly epoch = new SettingsEpoch();
    private readonly domains = new DomainBook();
    private readonly sessions: SessionManager;
    private readonly breaker = new CircuitBreaker();
    private readonly cache: TtlLruCache<string, Outcome>;
    private readonly fetches = new SingleFlight<string, Outcome>();

    constructor(options: { instanceId?: string; maxCachedProfiles?: number } = {}) {
        const instanceId = options.instanceId ?? `instance-${Math.random().toString(36).slice(2, 10)}`;
        this.sessions = new SessionManager({ domains: this.domains, epoch: this.epoch, instanceId });
        this.cache = new TtlLruCache(options.maxCachedProfiles ?? 2000);
    }

    get resting(): boolean {
        return this.breaker.isOpen || this.sessions.loginHeldBack;
    }

    async lookup(call: LivePersonCall, ref: ParticipantRef, options: { bypassCache: boolean }): Promise<Lookup> {
        if (!this.admit(call)) {
            return {
                ok: false,
                failure: {
                    kind: 'misconfigured',
                    step: 'participantInfo',
                    message: 'the LivePerson settings changed during this action',
                    correlationId: call.correlationId,
                },
            };
        }
        const id = ref.source === 'chat' ? ref.participantId : ref.consumerId;
        if (!isValidParticipantId(id) || (ref.source === 'messaging' && ref.conversationId !== undefined && !isValidParticipantId(ref.conversationId))) {
            return {
                ok: false,
                failure: { kind: 'notFound', step: stepOf(ref), message: 'the id is not a valid LivePerson id', correlationId: call.correlationId },
            };
        }
        const key = this.key(call, ref);
        const cached = options.bypassCache ? undefined : this.cache.get(key);
        if (cached) {
            return cached.value.ok
                ? { ok: true, profile: cached.value.profile, ageMs: cached.ageMs, fromCache: true }
                : { ok: false, failure: { ...cached.value.failure, correlationId: call.correlationId } };
        }
        // A shared fetch, or a login someone else started, may take longer than this action may wait.
        const outcome = await withinDeadline(
            this.fetches.run(key, () => this.fetch(call, ref, key)),
            call,
            stepOf(ref),
        );
        if (outcome.ok) {
            return { ok: true, profile: outcome.profile, ageMs: 0, fromCache: false };
        }
        const known = this.cache.peek(key, TIMES.lastKnownMaxAge);
        return { ok: false, failure: outcome.failure, ...(known?.value.ok ? { lastKnown: { profile: known.value.profile, ageMs: known.ageMs } } : {}) };
    }

    forget(call: LivePersonCall, ref: ParticipantRef): void {
        this.cache.delete(this.key(call, ref));
    }

    warmUp(call: LivePersonCall): Promise<ConnectionReport> {
        this.admit(call);
        return warmUp(call, this.sessions, this.domains);
    }

    connectionTest(call: LivePersonCall): Promise<ConnectionReport> {
        this.admit(call);
        return connectionTest(call, this.sessions, this.domains);
    }

    keepAlive(call: LivePersonCall): Promise<KeepAliveOutcome> {
        return this.admit(call) ? this.sessions.keepAlive(call) : Promise.resolve('none');
    }

    async settingsSaved(context: LivePersonContext, settings: LivePersonSettings | undefined, readNumber: number): Promise<boolean> {
        const declared = this.epoch.declare(settings?.fingerprint, readNumber);
        if (declared === 'same' || declared === 'stale') return false;
        // Ended: this instance's session of the old settings, else the one another instance left in the store.
        const replaced = this.resetAll() ?? (await context.store.load());
        const ending = replaced && replaced.fingerprint !== settings?.fingerprint ? replaced : undefined;
        if (ending) await this.sessions.logout(context, ending).catch(() => undefined);
        return declared === 'changed' || ending !== undefined;
    }

    logout(context: LivePersonContext): Promise<void> {
        return this.sessions.logout(context);
    }

    /** False for a call whose settings were replaced since it started; new settings drop what the old ones made. */
    private admit(call: LivePersonCall): boolean {
        const admission = this.epoch.admit(call.settings);
        if (admission === 'changed') {
            const replaced = this.resetAll();
            if (replaced) runInBackground(() => this.sessions.logout(backgroundCall(call), replaced));
        }
        return admission !== 'stale';
    }

    private resetAll() {
        this.domains.forget();
        this.breaker.reset();
        this.cache.clear();
        this.fetches.forget();
        return this.sessions.reset();
    }

    private async fetch(call: LivePersonCall, ref: ParticipantRef, key: string): Promise<Outcome> {
        let outcome: Outcome;
        try {
            const profile = await this.breaker.run(call, stepOf(ref), () =>
                ref.source === 'chat'
                    ? chatProfile(call, this.sessions, this.domains, ref.participantId)
                    : messagingProfile(call, this.sessions, this.domains, ref),
            );
            outcome =
                profile.isUserAuthenticated === false
                    ? {
                          ok: false,
                          failure: {
                              kind: 'notAuthenticated',
                              step: stepOf(ref),
                              message: 'the participant is not authenticated',
                              correlationId: call.correlationId,
                          },
                      }
                    : { ok: true, profile };
        } catch (error) {
            const failure = failureOf(error);
            if (!failure) {
                call.logger.error(`LivePerson lookup failed unexpectedly (${error instanceof Error ? error.name : typeof error}) [${call.correlationId}]`, {
                    correlationId: call.correlationId,
                });
            }
            outcome = {
                ok: false,
                failure: failure ?? {
                    kind: 'invalidResponse',
                    step: stepOf(ref),
                    message: 'unexpected error while reading LivePerson',
                    correlationId: call.correlationId,
                },
            };
        }
        // An answer fetched with settings replaced meanwhile belongs to no one.
        if (this.epoch.isCurrent(call.settings.fingerprint)) {
            if (outcome.ok) this.cache.set(key, outcome, call.settings.cacheTtlMs);
            else if (REMEMBERED.has(outcome.failure.kind))
                this.cache.set(key, outcome, Math.min(TIMES.negativeCache, call.settings.cacheTtlMs || TIMES.negativeCache));
        }
        return outcome;
    }

    private key(call: LivePersonCall, ref: ParticipantRef): string {
        return `${call.settings.accountId}:${refKey(ref)}`;
    }
}

const stepOf = (ref: ParticipantRef) => (ref.source === 'chat' ? ('participantInfo' as const) : ('messagingHistory' as const));

function withinDeadline(shared: Promise<Outcome>, call: LivePersonCall, step: LivePersonFailure['step']): Promise<Outcome> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expiry = new Promise<Outcome>((resolve) => {
        timer = setTimeout(
            () => resolve({ ok: false, failure: { kind: 'timeout', step, message: 'LivePerson did not answer in time', correlationId: call.correlationId } }),
            call.deadline.remainingMs(),
        );
    });
    return Promise.race([shared, expiry]).finally(() => clearTimeout(timer));
}
