import type { LivePersonFailure } from '../liveperson/failures';
import type { LivePersonAnswer, ParticipantRef } from '../liveperson/model';
import type { RocketChatConversation } from '../visitor/conversationLog';
import type { HostVisitor } from '../visitor/HostVisitor';
import type { ParticipantSource, Trust } from '../visitor/participantChoice';

/** Both views of one visitor, ready to be drawn: what the host knows and where LivePerson stands. */
export interface VisitorProfile {
    visitor: HostVisitor;
    departmentName?: string;
    /** The visitor's earlier conversations in Rocket.Chat, newest first. */
    earlier: RocketChatConversation[];
    livePerson: LivePersonSection;
}

/** Where the participant id came from and how far that can be trusted. */
interface Identity {
    ref: ParticipantRef;
    source: ParticipantSource;
    trust: Trust;
}

export type LivePersonSection =
    | { state: 'notConfigured' }
    | { state: 'misconfigured' }
    | { state: 'noParticipant' }
    | { state: 'invalidParticipant'; source: ParticipantSource }
    | ({ state: 'loaded'; answer: LivePersonAnswer; ageMs: number } & Identity)
    /** `lastKnown`: what LivePerson said earlier, shown while it fails (a Refresh that could not refresh). */
    | ({ state: 'failed'; failure: LivePersonFailure; lastKnown?: { answer: LivePersonAnswer; ageMs: number } } & Identity);
