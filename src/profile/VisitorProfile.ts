import type { LivePersonFailure } from '../liveperson/LivePersonFailure';
import type { ParticipantInfo } from '../liveperson/ParticipantInfo';
import type { HostVisitor } from '../visitor/HostVisitor';
import type { ParticipantSource } from '../visitor/participantIdFor';

/** Both views of one visitor, ready to be drawn: what the host knows and where LivePerson stands. */
export interface VisitorProfile {
    visitor: HostVisitor;
    departmentName?: string;
    livePerson: LivePersonSection;
}

export type LivePersonSection =
    | { state: 'notConfigured' }
    | { state: 'misconfigured' }
    | { state: 'noParticipant' }
    | { state: 'invalidParticipant'; source: ParticipantSource }
    | { state: 'loaded'; participantId: string; source: ParticipantSource; info: ParticipantInfo; ageMs: number }
    | { state: 'failed'; participantId: string; source: ParticipantSource; failure: LivePersonFailure };
