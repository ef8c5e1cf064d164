import type { SettingsFreeCall } from './call';
import { contactsOf, CUSTOMER, PERSON } from './chatAgent';
import { invalid, readJson, send } from './exchange';
import type { LivePersonProfile } from './model';
import type { LivePersonSession } from './session';
import { age, flag, isAbsent, isRecord, numeric, oneOrMany, readFields } from './tolerant';

/** LivePerson throttles the Messaging Interactions API per `source`: a fixed name of this app, at most 20 characters. */
const MESSAGING_SOURCE = 'RocketChatLPVisitor';

/**
 * What one search brings: the profile's attributes, the conversations' outcomes, and who the consumer is.
 * Attributes that came from the web page (`unAuthSdes`) come only with `v=2`, documented for the search method.
 */
const CONTENT = ['sdes', 'unAuthSdes', 'consumerParticipants', 'summary'];

/** An engagement attribute event: `payload` is the event's own object (`customerInfo.customerInfo` for CUSTOMER_INFO). */
export interface SdeEvent {
    type: string;
    /** Epoch ms LivePerson's server stamped it with; undefined when unreadable. */
    at: number | undefined;
    /** False for attributes that came from the web page (`unAuthSdes`, or marked `isAuthenticated: false`). */
    authenticated: boolean;
    payload: unknown;
}

/** One conversation of the consumer's, as the app reads it: strict about whose it is, tolerant about the rest. */
export interface ConversationRecord {
    conversationId: string;
    consumerIds: string[];
    info: Record<string, unknown>;
    summary: unknown;
    events: SdeEvent[];
}

/** The most one search returns (documented). */
const SEARCH_LIMIT = 100;

/**
 * The consumer's conversations, open and closed (LivePerson keeps 13 months), in one request: the profile, the
 * history and the activity all come from it. LivePerson documents no order for this search, so the page of the
 * newest cannot be chosen: a consumer with more than one page gets one more request, for the other end.
 */
export async function searchConsumer(call: SettingsFreeCall, host: string, session: LivePersonSession, consumerId: string): Promise<ConversationRecord[]> {
    const body = { consumer: consumerId, status: ['OPEN', 'CLOSE'], contentToRetrieve: CONTENT };
    const first = await search(call, host, session, 'consumer', body, `&offset=0&limit=${SEARCH_LIMIT}`);
    if (first.total <= SEARCH_LIMIT) return first.records;
    const last = await search(call, host, session, 'consumer', body, `&offset=${first.total - SEARCH_LIMIT}&limit=${SEARCH_LIMIT}`);
    return [...first.records, ...last.records.filter((record) => !first.records.some((known) => known.conversationId === record.conversationId))];
}

/** One conversation by its id, whatever its status. */
export const searchConversation = async (call: SettingsFreeCall, host: string, session: LivePersonSession, id: string): Promise<ConversationRecord[]> =>
    (await search(call, host, session, 'conversation', { conversationId: id, contentToRetrieve: CONTENT })).records;

async function search(call: SettingsFreeCall, host: string, session: LivePersonSession, by: 'conversation' | 'consumer', body: object, paging = '') {
    const response = await send(call, {
        step: 'messagingHistory',
        method: 'post',
        host,
        path: `/messaging_history/api/account/${encodeURIComponent(session.accountId)}/conversations/${by}/search?source=${MESSAGING_SOURCE}&v=2${paging}`,
        headers: { Authorization: `Bearer ${session.bearer}` },
        body,
    });
    const answer = readJson(call, 'messagingHistory', response);
    const records = recordsOf(answer) ?? invalid(call, 'messagingHistory', response, 'no conversation records');
    const count = isRecord(answer) && isRecord(answer._metadata) ? numeric.safeParse(answer._metadata.count) : undefined;
    return { records, total: count?.success ? count.data : records.length };
}

/** A search answer's conversations; undefined when it is no search answer at all. */
export function recordsOf(answer: unknown): ConversationRecord[] | undefined {
    if (!isRecord(answer) || !Object.hasOwn(answer, 'conversationHistoryRecords')) return undefined;
    return oneOrMany(answer.conversationHistoryRecords).flatMap((entry) => (isRecord(entry) ? (recordOf(entry) ?? []) : []));
}

/** Strict where trust is decided: a record without a readable conversation id, or whose consumers do not read, is no one's. */
function recordOf(entry: Record<string, unknown>): ConversationRecord | undefined {
    const info = entry.info;
    if (!isRecord(info) || typeof info.conversationId !== 'string' || info.conversationId === '') return undefined;
    // The docs' example writes `consumerParticipant`; their field table and `contentToRetrieve` say `consumerParticipants`: the table wins.
    const consumerIds = oneOrMany(entry.consumerParticipants).flatMap((participant) =>
        isRecord(participant) && typeof participant.participantId === 'string' && participant.participantId !== '' ? [participant.participantId] : [],
    );
    return {
        conversationId: info.conversationId,
        consumerIds,
        info,
        summary: entry.summary,
        events: [...eventsOf(entry.sdes, true), ...eventsOf(entry.unAuthSdes, false)],
    };
}

/** Events of one container; one marked `isAuthenticated: false`, on the event or on its object (as the docs show), came from the page. */
function eventsOf(container: unknown, authenticated: boolean): SdeEvent[] {
    return oneOrMany(isRecord(container) ? container.events : undefined).flatMap((event) => {
        if (!isRecord(event) || typeof event.sdeType !== 'string') return [];
        const at = numeric.safeParse(event.serverTimeStamp);
        const key = Object.keys(event).find((name) => name !== 'sdeType' && name !== 'serverTimeStamp' && name !== 'isAuthenticated' && isRecord(event[name]));
        const outer = key ? (event[key] as Record<string, unknown>) : undefined;
        const fromPage = [event.isAuthenticated, outer?.isAuthenticated].some((marked) => flag.safeParse(marked).data === false);
        // The event's own object is `{ "<kind>": { "<kind>": {...} } }`, the inner one being the attributes.
        const payload = outer && key && isRecord(outer[key]) ? outer[key] : outer;
        return [{ type: event.sdeType, at: at.success ? at.data : undefined, authenticated: authenticated && !fromPage, payload }];
    });
}

/**
 * Of the events of one type, the latest by LivePerson's server time. An event whose time does not read counts
 * as the latest: an unreadable event is never silently replaced by an older one.
 */
export function latestOf(events: SdeEvent[], type: string): SdeEvent | undefined {
    return events
        .filter((event) => event.type === type)
        .reduce<SdeEvent | undefined>((best, event) => (!best || (event.at ?? Infinity) > (best.at ?? Infinity) ? event : best), undefined);
}

/**
 * The consumer's profile: the latest authenticated customer info and personal info. Attributes that came from
 * the web page never make the profile. An event of either type whose object does not read is left out whole,
 * and said; undefined when LivePerson holds neither.
 */
export function profileOf(events: SdeEvent[], partial: boolean): LivePersonProfile | undefined {
    const authenticated = events.filter((event) => event.authenticated);
    const customer = latestOf(authenticated, 'CUSTOMER_INFO');
    const personal = latestOf(authenticated, 'PERSONAL_INFO');
    if (!customer && !personal) return undefined;
    const unreadable: string[] = [];
    const profile: LivePersonProfile = { source: 'messaging', unreadable };
    if (customer && isRecord(customer.payload)) Object.assign(profile, readFields(customer.payload, CUSTOMER, unreadable));
    else if (customer) unreadable.push('customerInfo');
    if (personal && isRecord(personal.payload)) {
        const person = personal.payload;
        const years = isAbsent(person.customerAge) ? undefined : age.safeParse(person.customerAge);
        if (years && !years.success) unreadable.push('customerAge');
        profile.personal = {
            ...readFields(person, PERSON, unreadable),
            ...(years?.success ? { age: years.data } : {}),
            contacts: contactsOf(person.contacts, (entry) => entry.personalContact, unreadable),
        };
    } else if (personal) {
        unreadable.push('personalInfo');
    }
    if (partial) profile.partial = true;
    return profile;
}
