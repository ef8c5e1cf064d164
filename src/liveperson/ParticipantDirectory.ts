import type { LivePersonProfile } from '../profile/LivePersonProfile';
import type { LivePersonSettings } from '../settings/AppConfig';
import type { LivePersonFailure } from './failures';
import type { LivePersonCall, LivePersonContext } from './LivePersonCall';
import type { ConnectionReport } from './session';
import type { KeepAliveOutcome } from './SessionManager';

/** Which LivePerson consumer to ask about, and in which product: a chat participant or a messaging consumer. */
export type ParticipantRef = { source: 'chat'; participantId: string } | { source: 'messaging'; consumerId: string; conversationId?: string };

export type Lookup =
    | { ok: true; profile: LivePersonProfile; ageMs: number; fromCache: boolean }
    | { ok: false; failure: LivePersonFailure; lastKnown?: { profile: LivePersonProfile; ageMs: number } };

/**
 * What the rest of the app needs from LivePerson: profiles, and the session's upkeep. Every method settles
 * within the call's deadline and never rejects with a LivePerson failure (those are values).
 */
export interface ParticipantDirectory {
    lookup(call: LivePersonCall, ref: ParticipantRef, options: { bypassCache: boolean }): Promise<Lookup>;
    /** The conversation ended: the profile is not kept for it any longer. */
    forget(call: LivePersonCall, ref: ParticipantRef): void;
    /** Whether LivePerson is being left alone now (a 429 pause, an open circuit): background work waits. */
    readonly resting: boolean;
    /** Domain, login and agent session before any agent clicks; a stored session is checked, not trusted. */
    warmUp(call: LivePersonCall): Promise<ConnectionReport>;
    /** The admin's live test: every step asked of LivePerson now, timed. */
    connectionTest(call: LivePersonCall): Promise<ConnectionReport>;
    keepAlive(call: LivePersonCall): Promise<KeepAliveOutcome>;
    /**
     * The admin saved the settings (`undefined`: LivePerson cannot be called with them). True when they are other
     * LivePerson settings than before: the session made with the old ones has then ended. `readNumber` is the
     * read that saw them: a read that started before another save's, and ends after it, changes nothing.
     */
    settingsSaved(context: LivePersonContext, settings: LivePersonSettings | undefined, readNumber: number): Promise<boolean>;
    /** Ends the session at LivePerson (the app is being disabled). */
    logout(context: LivePersonContext): Promise<void>;
}

export const refKey = (ref: ParticipantRef): string =>
    ref.source === 'chat' ? `chat:${ref.participantId}` : `messaging:${ref.consumerId}:${ref.conversationId ?? ''}`;
