import type { LivePersonCall } from './call';
import { fetchParticipantInfo } from './chatAgent';
import type { DomainBook } from './DomainBook';
import { fail, failureAt, failureOf } from './failures';
import { activityOf, CONVERSATIONS_KEPT, conversationsOf } from './history';
import { profileOf, searchConsumer, searchConversation, type ConversationRecord } from './messaging';
import type { LivePersonAnswer, ParticipantRef } from './model';
import type { Sessions } from './Sessions';
import { SESSION_TIMES, type LivePersonSession } from './session';

/**
 * LivePerson does not document how it answers for an agent session it forgot, nor for an unknown participant:
 * both are 404s. An agent session LivePerson showed alive this recently is taken as alive, so a 404 is about
 * the participant and costs no new agent session.
 */
const AGENT_SESSION_TRUSTED_FOR = SESSION_TIMES.refreshEvery;

const seenLately = (session: LivePersonSession): boolean => Date.now() - (session.agentSessionSeenAt ?? 0) < AGENT_SESSION_TRUSTED_FOR;

/**
 * A chat participant's participantExtendedInfo. At most one retry, and only where one can work: a session
 * LivePerson no longer knows (a new login) or an agent session it may have forgotten (a new agent session).
 * A second refusal is final: LivePerson's own SDK once looped on 401s.
 */
export async function chatAnswer(call: LivePersonCall, sessions: Sessions, participantId: string): Promise<LivePersonAnswer> {
    let session = await sessions.current(call);
    let forgotten: string | undefined;
    for (let attempt = 1; ; attempt++) {
        let asked = false;
        try {
            const agentSessionId = await sessions.agentSession(call, session, forgotten);
            asked = true;
            const { profile, signedIn } = await fetchParticipantInfo(call, session, agentSessionId, participantId);
            session.agentSessionSeenAt = Date.now();
            sessions.touch(call, session);
            if (!signedIn) return fail(failureAt(call, 'participantInfo', 'notAuthenticated', 'LivePerson does not say the participant signed in'));
            return { profile, conversations: [], activity: [] };
        } catch (error) {
            const failure = failureOf(error);
            if (attempt > 1 || !failure) throw error;
            if (failure.status === 401) {
                session = await sessions.replace(call, session, failure.step);
            } else if (failure.status === 404 && asked && !seenLately(session)) {
                forgotten = session.agentSessionId;
            } else {
                throw error;
            }
        }
    }
}

/**
 * A Messaging consumer's profile, conversations and activity, from one consumer search of the Messaging
 * Interactions API (open and closed conversations). A conversation the link names and the search did not
 * bring is asked for by its id. A bearer LivePerson no longer knows gets one new login, as in chat.
 */
export async function messagingAnswer(
    call: LivePersonCall,
    sessions: Sessions,
    domains: DomainBook,
    ref: Extract<ParticipantRef, { source: 'messaging' }>,
): Promise<LivePersonAnswer> {
    const host = await domains.host(call, 'msgHist');
    let session = await sessions.current(call);
    let records: ConversationRecord[];
    try {
        records = await searchConsumer(call, host, session, ref.consumerId);
    } catch (error) {
        const failure = failureOf(error);
        if (failure?.status !== 401) throw error;
        session = await sessions.replace(call, session, failure.step);
        records = await searchConsumer(call, host, session, ref.consumerId);
    }
    sessions.touch(call, session);
    // LivePerson's consumer id is the consumer participant's id: a record that names someone else is not this consumer's.
    const own = (found: ConversationRecord[]) => found.filter((record) => record.consumerIds.includes(ref.consumerId));
    let mine = own(records);
    let named = ref.conversationId ? mine.find((record) => record.conversationId === ref.conversationId) : undefined;
    if (ref.conversationId && !named) {
        named = own(await searchConversation(call, host, session, ref.conversationId))[0];
        if (named) mine = [...mine, named];
    }
    if (mine.length === 0 || (ref.conversationId && !named)) {
        const message = ref.conversationId ? 'LivePerson has no such conversation of this consumer' : 'LivePerson has no conversation of this consumer';
        return fail(failureAt(call, 'messagingHistory', 'notFound', message));
    }
    const profileFrom = named ? [named] : mine;
    const profile = profileOf(
        profileFrom.flatMap((record) => record.events),
        profileFrom.some((record) => record.info.isPartial === true || record.info.isPartial === 'true'),
    );
    const conversations = conversationsOf(mine);
    const older = conversations.length - CONVERSATIONS_KEPT;
    return {
        ...(profile ? { profile } : {}),
        conversations: conversations.slice(0, CONVERSATIONS_KEPT),
        ...(older > 0 ? { olderConversations: older } : {}),
        activity: activityOf(mine.flatMap((record) => record.events)),
    };
}
