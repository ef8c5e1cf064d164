import type { LivePersonProfile } from '../../profile/LivePersonProfile';
import { searchConsumerOpen, searchConversation } from '../api/messagingHistory';
import { isConsumersConversation, profileOfRecord, type MessagingRecord } from '../api/messagingSchema';
import type { DomainBook } from '../DomainBook';
import { fail, failureOf } from '../failures';
import type { LivePersonCall } from '../LivePersonCall';
import type { ParticipantRef } from '../ParticipantDirectory';
import type { LivePersonSession } from '../session';
import type { SessionManager } from '../SessionManager';

type MessagingRef = Extract<ParticipantRef, { source: 'messaging' }>;

/**
 * A messaging consumer's customer and personal info, from the Messaging Interactions API: the conversation the
 * link names, else the consumer's newest open conversation. The same login serves it; a bearer LivePerson
 * refused gets one new login, as in chat.
 */
export async function messagingProfile(call: LivePersonCall, sessions: SessionManager, domains: DomainBook, ref: MessagingRef): Promise<LivePersonProfile> {
    const host = await domains.host(call, 'msgHist');
    let session = await sessions.session(call);
    let records: MessagingRecord[];
    try {
        records = await search(call, host, session, ref);
    } catch (error) {
        if (failureOf(error)?.status !== 401) throw error;
        session = await sessions.session(call, { replacing: session.bearer });
        records = await search(call, host, session, ref);
    }
    sessions.touch(call, session);
    // A conversation id from a link names a conversation, not a person: it counts only if it is this consumer's.
    const own = records.filter((candidate) => isConsumersConversation(candidate, ref.consumerId));
    const record = ref.conversationId ? own.find((candidate) => candidate.info.conversationId === ref.conversationId) : own[0];
    if (!record) {
        return fail({
            kind: 'notFound',
            step: 'messagingHistory',
            message: ref.conversationId ? 'LivePerson has no such conversation of this consumer' : 'LivePerson has no open conversation for this consumer',
            correlationId: call.correlationId,
        });
    }
    const profile = profileOfRecord(record);
    if (!profile) {
        return fail({
            kind: 'notAuthenticated',
            step: 'messagingHistory',
            message: 'the conversation holds no customer or personal info',
            correlationId: call.correlationId,
        });
    }
    return profile;
}

function search(call: LivePersonCall, host: string, session: LivePersonSession, ref: MessagingRef): Promise<MessagingRecord[]> {
    return ref.conversationId ? searchConversation(call, host, session, ref.conversationId) : searchConsumerOpen(call, host, session, ref.consumerId);
}
