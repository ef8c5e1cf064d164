/**
 * The Messaging Interactions API (Domain API service `msgHist`): conversation history searched by conversation id or
 * by consumer. A messaging consumer's engagement attributes (SDEs) are only reachable this way, so the records keep
 * the documented shape and pass participants, SDEs and summaries through untouched.
 *
 * Documented: `source` (1 to 20 characters) on every call, `status` required for a consumer search, offset/limit
 * (limit 50 by default, at most 100), at most 100 conversation ids, `unAuthSdes` only with `v=2`, the answer's
 * shape. Not documented: the order of the records (oldest first here) and whether `_metadata.count` counts every
 * match or the page (every match here).
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

/** What a search needs of the simulator: its accounts and sessions, and the time records are read at (default now). */
interface SearchContext {
    state: SimulatorState;
    recordsAsOf?: number;
}

export function handleConversationSearch(accountId: string, request: SimRequest, { state, recordsAsOf }: SearchContext): Reply {
    return answering(accountId, request, state, (account, body) => {
        const ids = requestedConversationIds(body);
        const content = contentToRetrieve(body, request);
        const byId = conversationsById(account);
        // An unknown id is simply not found: the answer is an empty list, not an error.
        const found = ids.flatMap((id) => byId.get(id) ?? []);
        return searchAnswer(
            request,
            found.length,
            found.map((conversation) => historyRecord(conversation, account, content, recordsAsOf)),
        );
    });
}

export function handleConsumerSearch(accountId: string, request: SimRequest, { state, recordsAsOf }: SearchContext): Reply {
    return answering(accountId, request, state, (account, body) => {
        if (typeof body.consumer !== 'string' || body.consumer === '') throw new BadRequest('body needs "consumer"');
        const statuses = requestedStatuses(body);
        const content = contentToRetrieve(body, request);
        const offset = pagingParameter(request, 'offset', { fallback: 0, min: 0, max: Infinity });
        const limit = pagingParameter(request, 'limit', { fallback: DEFAULT_LIMIT, min: 1, max: MAX_LIMIT });
        // LivePerson documents no order for this search: oldest first here, so a client that wants the newest must sort.
        const matching = (account.consumers.get(body.consumer) ?? [])
            .filter((conversation) => statuses.has(conversation.status))
            .sort((first, second) => first.startTime - second.startTime);
        const page = matching.slice(offset, offset + limit);
        return searchAnswer(
            request,
            matching.length,
            page.map((conversation) => historyRecord(conversation, account, content, recordsAsOf)),
        );
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

/**
 * Which parts of a record to send besides `info` (always sent); without the field, none. Unknown names are ignored.
 * Documented: "Only in v=2 will unauthenticated engagement attributes be returned".
 */
function contentToRetrieve(body: Record<string, unknown>, request: SimRequest): Set<string> {
    const content = body.contentToRetrieve ?? [];
    if (!Array.isArray(content) || !content.every((name) => typeof name === 'string')) {
        throw new BadRequest('contentToRetrieve must be an array of strings');
    }
    return new Set(request.query.v === '2' ? content : content.filter((name) => name !== 'unAuthSdes'));
}

function pagingParameter(request: SimRequest, name: 'offset' | 'limit', range: { fallback: number; min: number; max: number }): number {
    const value = request.query[name];
    if (value === undefined) return range.fallback;
    const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(parsed >= range.min && parsed <= range.max)) throw new BadRequest(`invalid ${name} ${value}`);
    return parsed;
}

/** The documented answer: `_metadata` with the count of every match and a link to this very page. */
function searchAnswer(request: SimRequest, count: number, records: unknown[]): Reply {
    const self = { rel: 'self', href: `https://${request.host}${request.pathname}?${new URLSearchParams(request.query)}` };
    return jsonReply(200, { _metadata: { count, self, shardsStatusResult: { partialResult: false } }, conversationHistoryRecords: records });
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

/** The optional parts of a record, each sent when asked for and the conversation has it. */
const OPTIONAL_CONTENT = ['sdes', 'unAuthSdes', 'summary'] as const;

function historyRecord(conversation: SimConversation, account: AccountState, content: Set<string>, asOf = Date.now()): unknown {
    const record: Record<string, unknown> = { info: recordInfo(conversation, account, asOf) };
    if (content.has('consumerParticipants')) {
        // LivePerson writes an absent token or email as the string "undefined".
        record.consumerParticipants = conversation.consumerParticipants.map((participant) => ({ token: 'undefined', email: 'undefined', ...participant }));
    }
    for (const part of OPTIONAL_CONTENT) {
        if (content.has(part) && conversation[part] !== undefined) record[part] = conversation[part];
    }
    return record;
}

/**
 * LivePerson's `info`: times both as text and as epoch ms (an open conversation ends "undefined" / -1), duration in
 * ms (so far, while open), then the fixture's own fields; ids, times and status are the simulator's.
 */
function recordInfo(conversation: SimConversation, account: AccountState, asOf: number): Record<string, unknown> {
    const { startTime, endTime } = conversation;
    return {
        duration: (endTime ?? asOf) - startTime,
        device: 'undefined',
        ...conversation.info,
        startTime: historyTime(startTime),
        startTimeL: startTime,
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
