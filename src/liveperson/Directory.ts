import { BoundedMap } from '../bounded';
import type { LivePersonSettings } from '../settings/AppConfig';
import { inBackground, remainingMs, runInBackground, type LivePersonCall, type SettingsFreeCall } from './call';
import { Breaker } from './Breaker';
import { connectionSteps, runSteps, type ConnectionReport } from './connection';
import { DomainBook } from './DomainBook';
import { errorSummary } from '../logging';
import { failureAt, failureOf, isNoProfile, LivePersonError, type LivePersonFailure, type LivePersonStep } from './failures';
import { isValidParticipantId, refKey, type LivePersonAnswer, type Lookup, type ParticipantRef } from './model';
import { Sessions, type KeepAliveOutcome } from './Sessions';
import { chatAnswer, messagingAnswer } from './sources';

const MINUTE = 60_000;
const TIMES = {
    /** "Not found" and "not signed in" are about the consumer: remembered this long, so a click-happy agent costs nothing. */
    remembered: MINUTE,
    /** A Refresh this soon after the last answer reuses it: one agent cannot spend the account's rate limit. */
    refreshFloor: 10_000,
    /** A profile past its cache time is still shown while LivePerson fails, up to this old; then it is forgotten. */
    lastKnown: 60 * MINUTE,
};
const MAX_CONSUMERS = 2000;

type Outcome = { ok: true; answer: LivePersonAnswer } | { ok: false; failure: LivePersonFailure };

interface Entry {
    outcome: Outcome;
    at: number;
    /** Until when the outcome is the answer, without asking LivePerson. */
    freshUntil: number;
    lastSuccess?: { answer: LivePersonAnswer; at: number };
}

/** How a lookup may use what is known: the cache; a Refresh past it; or a redraw of the last answer, whatever it was. */
export type LookupMode = 'cached' | 'refresh' | 'redraw';

/**
 * LivePerson's answers for the app, from the Chat Agent API or Messaging: a bounded cache per consumer, one
 * request per consumer at a time whoever asks, a circuit breaker in front, and every answer tied to the settings
 * it was fetched with. Every method settles within the call's time and never rejects with a LivePerson failure.
 */
export class Directory {
    private current: { fingerprint: string; generation: number } | undefined;
    private readonly domains = new DomainBook();
    private readonly sessions: Sessions;
    private readonly breaker = new Breaker();
    private readonly answers = new BoundedMap<string, Entry>(MAX_CONSUMERS);
    private readonly fetching = new Map<string, Promise<Outcome>>();

    constructor() {
        const instanceId = `instance-${Math.random().toString(36).slice(2, 10)}`;
        this.sessions = new Sessions({ domains: this.domains, isCurrent: (fingerprint) => fingerprint === this.current?.fingerprint, instanceId });
    }

    /** What keeps LivePerson calls back now: a 429 pause, an open circuit, a refused login. Background work waits. */
    get restraint(): { kind: 'paused'; cause: 'rateLimited' | 'unavailable'; seconds: number } | { kind: 'heldBack' } | undefined {
        const waiting = this.breaker.waiting;
        if (waiting) return { kind: 'paused', ...waiting };
        return this.sessions.loginHeldBack ? { kind: 'heldBack' } : undefined;
    }

    async lookup(call: LivePersonCall, ref: ParticipantRef, mode: LookupMode): Promise<Lookup> {
        const step: LivePersonStep = ref.source === 'chat' ? 'participantInfo' : 'messagingHistory';
        const failed = (message: string, kind: LivePersonFailure['kind']): Lookup => ({ ok: false, failure: failureAt(call, step, kind, message) });
        if (!this.admitted(call)) return failed('the LivePerson settings changed during this action', 'misconfigured');
        const ids = ref.source === 'chat' ? [ref.participantId] : [ref.consumerId, ...(ref.conversationId ? [ref.conversationId] : [])];
        if (!ids.every(isValidParticipantId)) return failed('the id is not a valid LivePerson id', 'notFound');
        // Answers are cleared whenever the settings change, so the participant alone is the key.
        const key = refKey(ref);
        const known = this.answers.get(key);
        const now = Date.now();
        const reuse = known && (mode === 'cached' ? now < known.freshUntil : now - known.at < (mode === 'refresh' ? TIMES.refreshFloor : TIMES.lastKnown));
        const outcome = reuse && known ? known.outcome : await this.shared(call, ref, key, step);
        const entry = this.answers.peek(key);
        const ageMs = entry ? Date.now() - entry.at : 0;
        if (outcome.ok) return { ok: true, answer: outcome.answer, ageMs: reuse ? ageMs : 0, fromCache: Boolean(reuse) };
        const last = entry?.lastSuccess && Date.now() - entry.lastSuccess.at <= TIMES.lastKnown ? entry.lastSuccess : undefined;
        const failure = reuse ? { ...outcome.failure, reference: call.reference } : outcome.failure;
        return { ok: false, failure, ...(last ? { lastKnown: { answer: last.answer, ageMs: Date.now() - last.at } } : {}) };
    }

    /** The conversation ended: its answer is not kept for it any longer. */
    forget(ref: ParticipantRef): void {
        this.answers.delete(refKey(ref));
    }

    /** Domain, login and agent session before any agent clicks; a stored session is checked, not trusted. */
    warmUp(call: LivePersonCall): Promise<ConnectionReport> {
        this.admitted(call);
        return runSteps(call, connectionSteps(call, this.sessions, this.domains, false));
    }

    /** The admin's live test: every step asked of LivePerson now, timed; with a consumer, their profile too. */
    async connectionTest(call: LivePersonCall, ref?: ParticipantRef): Promise<{ report: ConnectionReport; lookup?: Lookup }> {
        this.admitted(call);
        let lookup: Lookup | undefined;
        const report = await runSteps(call, async (step) => {
            await connectionSteps(call, this.sessions, this.domains, true)(step);
            if (!ref) return;
            await step('profile', async () => {
                lookup = await this.lookup(call, ref, 'refresh');
                if (!lookup.ok && !isNoProfile(lookup.failure)) throw new LivePersonError(lookup.failure);
            });
        });
        return { report, lookup };
    }

    keepAlive(call: LivePersonCall): Promise<KeepAliveOutcome> {
        return this.admitted(call) ? this.sessions.keepAlive(call) : Promise.resolve('none');
    }

    /**
     * The admin saved the settings (`undefined`: LivePerson cannot be called with them), read as `generation`. True
     * when they are other LivePerson settings than before: the session made with the old ones has then ended.
     */
    async settingsSaved(call: SettingsFreeCall, settings: LivePersonSettings | undefined, generation: number): Promise<boolean> {
        const fingerprint = settings?.fingerprint ?? '';
        const admission = this.admit({ fingerprint, generation });
        if (admission.kind !== 'changed') return false;
        // Ended: this instance's session of the old settings, else the one another instance left in the store.
        const replaced = admission.replaced ?? (await call.store.session.load());
        if (replaced && replaced.fingerprint !== fingerprint) await this.sessions.logout(call, replaced).catch(() => undefined);
        return admission.hadSettings || replaced !== undefined;
    }

    /** Ends the session at LivePerson (the app is being disabled). */
    logout(call: SettingsFreeCall): Promise<void> {
        return this.sessions.logout(call);
    }

    /** Whether the call's settings may be used; the session the previous settings made is ended in the background. */
    private admitted(call: LivePersonCall): boolean {
        const admission = this.admit(call.settings);
        const replaced = admission.kind === 'changed' ? admission.replaced : undefined;
        if (replaced) runInBackground(() => this.sessions.logout(inBackground(call), replaced));
        return admission.kind !== 'stale';
    }

    /**
     * Settings read later than the current ones replace them, even when they bring back settings used before, and
     * what the old ones made is dropped; settings read earlier are stale (a slow click across a save).
     */
    private admit(settings: { fingerprint: string; generation: number }) {
        const current = this.current;
        if (current && settings.fingerprint === current.fingerprint) {
            current.generation = Math.max(current.generation, settings.generation);
            return { kind: 'current' as const };
        }
        if (current && settings.generation < current.generation) return { kind: 'stale' as const };
        this.current = { fingerprint: settings.fingerprint, generation: settings.generation };
        return { kind: 'changed' as const, hadSettings: current !== undefined, replaced: current ? this.resetAll() : undefined };
    }

    private resetAll() {
        this.domains.forget();
        this.breaker.reset();
        this.answers.clear();
        this.fetching.clear();
        return this.sessions.reset();
    }

    /** One fetch per consumer at a time, whoever asks; each caller waits only as long as its own time allows. */
    private shared(call: LivePersonCall, ref: ParticipantRef, key: string, step: LivePersonStep): Promise<Outcome> {
        let running = this.fetching.get(key);
        if (!running) {
            const started = this.fetch(call, ref, key, step).finally(() => this.fetching.get(key) === started && this.fetching.delete(key));
            this.fetching.set(key, (running = started));
        }
        let timer: ReturnType<typeof setTimeout> | undefined;
        const expiry = new Promise<Outcome>((resolve) => {
            timer = setTimeout(() => resolve({ ok: false, failure: failureAt(call, step, 'timeout', 'LivePerson did not answer in time') }), remainingMs(call));
        });
        return Promise.race([running, expiry]).finally(() => clearTimeout(timer));
    }

    private async fetch(call: LivePersonCall, ref: ParticipantRef, key: string, step: LivePersonStep): Promise<Outcome> {
        let outcome: Outcome;
        try {
            const answer = await this.breaker.run(ref.source, call, step, () =>
                ref.source === 'chat' ? chatAnswer(call, this.sessions, ref.participantId) : messagingAnswer(call, this.sessions, this.domains, ref),
            );
            outcome = { ok: true, answer };
        } catch (error) {
            const failure = failureOf(error);
            // No answer at all: the host may have moved, for chat or for Messaging alike.
            if (failure?.kind === 'unavailable' && failure.status === undefined) {
                this.domains.renewSoon(call, failure.step === 'messagingHistory' ? 'msgHist' : 'agentVep');
            }
            if (!failure) {
                const { name, frames } = errorSummary(error);
                call.logger.error(`LivePerson lookup failed unexpectedly (${name}) [${call.reference}]`, { frames });
            }
            outcome = { ok: false, failure: failure ?? failureAt(call, step, 'invalidResponse', 'unexpected error while reading LivePerson') };
        }
        // An answer fetched with settings replaced meanwhile belongs to no one.
        if (call.settings.fingerprint === this.current?.fingerprint) this.remember(key, outcome, call.settings.cacheTtlMs);
        return outcome;
    }

    private remember(key: string, outcome: Outcome, cacheTtlMs: number): void {
        const now = Date.now();
        const previous = this.answers.peek(key);
        const freshFor = outcome.ok ? cacheTtlMs : isNoProfile(outcome.failure) ? Math.min(TIMES.remembered, cacheTtlMs || TIMES.remembered) : 0;
        const lastSuccess = outcome.ok ? { answer: outcome.answer, at: now } : previous?.lastSuccess;
        this.answers.set(key, { outcome, at: now, freshUntil: now + freshFor, ...(lastSuccess ? { lastSuccess } : {}) });
    }
}
