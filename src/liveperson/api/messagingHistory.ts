import type { LivePersonContext } from '../LivePersonCall';
import type { LivePersonSession } from '../session';
import { parseJson, send } from './exchange';
import { messagingSearchSchema, type MessagingRecord } from './messagingSchema';

/** LivePerson throttles the Messaging Interactions API per `source`: a fixed name of this app, at most 20 characters. */
const MESSAGING_SOURCE = 'RocketChatLPVisitor';

const CONTENT = ['sdes', 'consumerParticipants'];

/** One conversation's record, by its id (whatever its status). */
export async function searchConversation(
    call: LivePersonContext,
    host: string,
    session: LivePersonSession,
    conversationId: string,
): Promise<MessagingRecord[]> {
    return search(call, host, session, 'conversation', { conversationId, contentToRetrieve: CONTENT });
}

/** The consumer's open conversations, newest first. */
export async function searchConsumerOpen(call: LivePersonContext, host: string, session: LivePersonSession, consumerId: string): Promise<MessagingRecord[]> {
    const records = await search(call, host, session, 'consumer', { consumer: consumerId, status: ['OPEN'], contentToRetrieve: CONTENT }, '&offset=0&limit=10');
    return [...records].sort((a, b) => (b.info.startTimeL ?? 0) - (a.info.startTimeL ?? 0));
}

async function search(
    call: LivePersonContext,
    host: string,
    session: LivePersonSession,
    by: 'conversation' | 'consumer',
    body: object,
    paging = '',
): Promise<MessagingRecord[]> {
    const response = await send(call, {
        step: 'messagingHistory',
        method: 'post',
        host,
        path: `/messaging_history/api/account/${encodeURIComponent(session.accountId)}/conversations/${by}/search?source=${MESSAGING_SOURCE}${paging}`,
        headers: { Authorization: `Bearer ${session.bearer}` },
        body,
    });
    return parseJson(call, 'messagingHistory', response, messagingSearchSchema).conversationHistoryRecords;
}
