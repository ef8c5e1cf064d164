/**
 * The Messaging Interactions API (Domain API service `msgHist`): conversation history searched by conversation id or
 * by consumer. A messaging consumer's authenticated attributes (SDEs) are only reachable this way, so the records
 * keep the documented shape and pass `consumerParticipants` and `sdes` through untouched: values that LivePerson
 * sends as strings stay strings, and several events of one type stay in the order the fixture gave them.
 *
 * Documented: `source` (1 to 20 characters) on every call, `status` required for a consumer search, at most 100
 * conversation ids, the response shape. Inferred from LivePerson's samples: offset/limit paging (limit 50 by default,
 * at most 100), and `_metadata.count` being the number of matching records rather than the size of the page.
 */
import type { Reply } from './reply';
import { errorReply, jsonReply } from './reply';
import type { SimRequest } from './request';
import { isRecord, readBearer } from './request';
import type { AccountState, SimulatorState } from './state';
import type { SimConversation } from './types';

const MAX_SOURCE_LENGTH = 20;
const MAX_CONVERSATION_IDS = 100;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;
const STATUSES: readonly string[] = ['OPEN', 'CLOSE'];

/** A 400 found deep in the body checks; thrown so that each check stays one line. */
class BadRequest extends Error {}

export function handleConversationSearch(accountId: string, request: SimRequest, state: SimulatorState): Reply {
    return answering(accountId, request, state, (account, body) => {
        const ids = requestedConversationIds(body);
        const content = contentToRetrieve(body);
        const byId = conversationsById(account);
        // An unknown id is simply not found: the answer is an empty list, not an error.
        const found = ids.flatMap((id) => byId.get(id) ?? []);
        return jsonReply(200, {
            _metadata: { count: found.length },
            conversationHistoryRecords: found.map((conversation) => historyRecord(conversation, account, content)),
        });
    });
}

export function handleConsumerSearch(accountId: string, request: SimRequest, state: SimulatorState): Reply {
    return answering(accountId, request, state, (account, body) => {
        if (typeof body.consumer !== 'string' || body.consumer === '') throw new BadRequest('body needs "consumer"');
        const statuses = requestedStatuses(body);
        const content = contentToRetrieve(body);
        const offset = pagingParameter(request, 'offset', { fallback: 0, min: 0, max: Infinity });
        const limit = pagingParameter(request, 'limit', { fallback: DEFAULT_LIMIT, min: 1, max: MAX_LIMIT });
        const matching = (account.consumers.get(body.consumer) ?? [])
            .filter((conversation) => statuses.has(conversation.status))
            .sort((first, second) => second.startTime - first.startTime);
        const metadata: Record<string, unknown> = { count: matching.length };
        if (offset + limit < matching.length) metadata.next = nextPage(request, offset + limit, limit);
        return jsonReply(200, {
            _metadata: metadata,
            conversationHistoryRecords: matching.slice(offset, offset + limit).map((conversation) => historyRecord(conversation, account, content)),
        });
    });
}

/**
 * What both searches check first, in the order the Chat Agent API does it (query, then bearer, then body). The
 * bearer is any live Login Service bearer of the account, so expireBearers() and logout make it 401 here too.
 */
function answering(
    accountId: string,
    request: SimRequest,
    state: SimulatorState,
    search: (account: AccountState, body: Record<string, unknown>) => Reply,
): Reply {
    const source = request.query.source;
    if (!source) return errorReply(400, 'query parameter source is required');
    if (source.length > MAX_SOURCE_LENGTH) return errorReply(400, `source is over ${MAX_SOURCE_LENGTH} characters`);
    if (!state.liveBearerSession(accountId, readBearer(request))) return errorReply(401, 'invalid or expired bearer');
    if (!isRecord(request.body)) return errorReply(400, 'a JSON object body is required');
    try {
        return search(state.requireAccount(accountId), request.body);
    } catch (error) {
        if (error instanceof BadRequest) return errorReply(400, error.message);
        throw error;
    }
}

/** `conversationId`, `conversationIds`, or both (merged, duplicates once, in the order asked). */
function requestedConversationIds(body: Record<string, unknown>): string[] {
    const ids: unknown[] = [];
    if (body.conversationId !== undefined) ids.push(body.conversationId);
    if (body.conversationIds !== undefined) {
        if (!Array.isArray(body.conversationIds)) throw new BadRequest('conversationIds must be an array');
        ids.push(...(body.conversationIds as unknown[]));
    }
    if (ids.length === 0) throw new BadRequest('body needs "conversationId" or "conversationIds"');
    if (!ids.every((id) => typeof id === 'string' && id !== '')) throw new BadRequest('conversation ids are strings');
    const unique = [...new Set(ids as string[])];
    if (unique.length > MAX_CONVERSATION_IDS) throw new BadRequest(`at most ${MAX_CONVERSATION_IDS} conversation ids`);
    return unique;
}

function requestedStatuses(body: Record<string, unknown>): Set<string> {
    const { status } = body;
    const valid = Array.isArray(status) && status.length > 0 && status.every((value) => STATUSES.includes(value));
    if (!valid) throw new BadRequest('body needs "status", a non-empty array of OPEN and CLOSE');
    return new Set(status as string[]);
}

/** Which optional parts of a record to send; without the field, none (unknown names are ignored). */
function contentToRetrieve(body: Record<string, unknown>): Set<string> {
    const content = body.contentToRetrieve;
    if (content === undefined) return new Set();
    if (!Array.isArray(content) || !content.every((name) => typeof name === 'string')) {
        throw new BadRequest('contentToRetrieve must be an array of strings');
    }
    return new Set(content as string[]);
}

function pagingParameter(request: SimRequest, name: 'offset' | 'limit', range: { fallback: number; min: number; max: number }): number {
    const value = request.query[name];
    if (value === undefined) return range.fallback;
    const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(parsed >= range.min && parsed <= range.max)) throw new BadRequest(`invalid ${name} ${value}`);
    return parsed;
}

function nextPage(request: SimRequest, offset: number, limit: number): { rel: string; href: string } {
    const query = new URLSearchParams({ ...request.query, offset: String(offset), limit: String(limit) });
    return { rel: 'next', href: `https://${request.host}${request.pathname}?${query}` };
}

/** A conversation id is found under whichever consumer holds it (the first, should two). */
function conversationsById(account: AccountState): Map<string, SimConversation> {
    const byId = new Map<string, SimConversation>();
    for (const conversations of account.consumers.values()) {
        for (const conversation of conversations) {
            if (!byId.has(conversation.conversationId)) byId.set(conversation.conversationId, conversation);
        }
    }
    return byId;
}

function historyRecord(conversation: SimConversation, account: AccountState, content: Set<string>): unknown {
    const record: Record<string, unknown> = { info: recordInfo(conversation, account) };
    if (content.has('consumerParticipants')) record.consumerParticipants = conversation.consumerParticipants;
    if (content.has('sdes')) record.sdes = conversation.sdes;
    return record;
}

/** LivePerson's `info`: times both as text and as epoch ms; an open conversation ends "undefined" / -1. */
function recordInfo(conversation: SimConversation, account: AccountState): Record<string, unknown> {
    const { endTime } = conversation;
    return {
        startTime: historyTime(conversation.startTime),
        startTimeL: conversation.startTime,
        endTime: endTime === undefined ? 'undefined' : historyTime(endTime),
        endTimeL: endTime ?? -1,
        conversationId: conversation.conversationId,
        brandId: account.accountId,
        status: conversation.status,
        isPartial: conversation.isPartial ?? false,
    };
}

/** `1472481024565` -> `2016-08-29 14:30:24.565+0000`, the format of the API's examples. */
function historyTime(ms: number): string {
    return new Date(ms).toISOString().replace('T', ' ').replace('Z', '+0000');
}
