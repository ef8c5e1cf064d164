import type { LivePersonFailure } from './failures';

/** Which LivePerson consumer to ask about, and in which product: a chat participant or a messaging consumer. */
export type ParticipantRef = { source: 'chat'; participantId: string } | { source: 'messaging'; consumerId: string; conversationId?: string };

/** The reference to a chat participant or a Messaging consumer (and the conversation that names them). */
export const refOf = (target: { source: 'chat' | 'messaging'; id: string }, conversationId?: string): ParticipantRef =>
    target.source === 'chat'
        ? { source: 'chat', participantId: target.id }
        : { source: 'messaging', consumerId: target.id, ...(conversationId ? { conversationId } : {}) };

export const refKey = (ref: ParticipantRef): string =>
    ref.source === 'chat' ? `chat:${ref.participantId}` : `messaging:${ref.consumerId}:${ref.conversationId ?? ''}`;

/**
 * LivePerson's authenticated profile of one consumer, the same whichever product it came from: the Chat Agent
 * API's participantExtendedInfo, or Messaging's customer and personal info. Only what LivePerson said is here.
 */
export interface LivePersonProfile {
    source: 'chat' | 'messaging';
    participantId?: string;
    customerId?: string;
    customerType?: string;
    customerStatus?: string;
    userName?: string;
    accountName?: string;
    role?: string;
    companySize?: number;
    companyBranch?: string;
    /** ISO date (YYYY-MM-DD). */
    registrationDate?: string;
    balance?: number;
    /** The currency of `balance` (Messaging). */
    currency?: string;
    lastPaymentDate?: string;
    imei?: string;
    socialId?: string;
    personal?: {
        name?: string;
        surname?: string;
        gender?: string;
        company?: string;
        language?: string;
        /** Whole years. */
        age?: number;
        contacts: Array<{ email?: string; phone?: string }>;
    };
    /** Messaging: LivePerson sent part of the record (`info.isPartial`). */
    partial?: boolean;
    /** Fields LivePerson sent in a shape the app could not read, by LivePerson's name: left out, and said. */
    unreadable: string[];
}

/** The name LivePerson knows the consumer by, when it knows one. */
export function livePersonName(profile: LivePersonProfile): string | undefined {
    const name = [profile.personal?.name, profile.personal?.surname].filter((part) => part && part.trim()).join(' ');
    return name || undefined;
}

/** One of the consumer's conversations in LivePerson, as an agent reads its outcome. */
export interface PastConversation {
    id: string;
    open: boolean;
    /** ISO times. */
    startedAt?: string;
    endedAt?: string;
    durationMs?: number;
    /** Where it came in (`info.source`: APP, WEB, SMS...) and on what device. */
    channel?: string;
    device?: string;
    agent?: string;
    skill?: string;
    closeReason?: string;
    /** 1 to 5. */
    csat?: number;
    /** LivePerson's Meaningful Connection Score, in three groups. */
    sentiment?: 'negative' | 'neutral' | 'positive';
    summary?: string;
    intent?: string;
}

export type ActivityKind = 'cart' | 'purchase' | 'viewedProduct' | 'lead' | 'serviceActivity' | 'visitorError' | 'searchContent' | 'marketingSource';

/** What the customer did lately, from one engagement attribute: the latest of its kind. */
export interface ActivityItem {
    kind: ActivityKind;
    /** ISO time LivePerson stamped it with. */
    at?: string;
    /** False when it came from the web page (an unauthenticated attribute): never shown as verified. */
    verified: boolean;
    amount?: { value: number; currency?: string };
    /** Product names (cart, purchase, viewed products). */
    products?: string[];
    /** How many items the cart holds. */
    count?: number;
    /** An order, lead, service or campaign id: an identifier, masked as one. */
    reference?: string;
    /** A topic, an error message, search keywords, an affiliate. */
    topic?: string;
    /** A service status, an error code. */
    status?: string;
}

/** Everything LivePerson says about the consumer in one lookup. */
export interface LivePersonAnswer {
    /** Undefined when LivePerson holds no authenticated customer or personal info for a Messaging consumer. */
    profile?: LivePersonProfile;
    /** Newest first, at most `CONVERSATIONS_KEPT` (Messaging). */
    conversations: PastConversation[];
    /** How many older ones LivePerson sent beyond those: counted, not kept. */
    olderConversations?: number;
    /** The latest of each kind, newest first (Messaging). */
    activity: ActivityItem[];
}

export type Lookup =
    | { ok: true; answer: LivePersonAnswer; ageMs: number; fromCache: boolean }
    | { ok: false; failure: LivePersonFailure; lastKnown?: { answer: LivePersonAnswer; ageMs: number } };

const MAX_ID_LENGTH = 128;

export type ParticipantIdProblem = 'empty' | 'tooLong' | 'forbiddenCharacter';

/**
 * An id goes into a URL path: anything that could change the path (`/ ? # ..`, an encoded slash), whitespace
 * or control characters is rejected rather than escaped, since no real id contains them.
 */
export function participantIdProblem(id: string): ParticipantIdProblem | undefined {
    if (id.length === 0) return 'empty';
    if (id.length > MAX_ID_LENGTH) return 'tooLong';
    // eslint-disable-next-line no-control-regex
    return /[/?#\s\u0000-\u001f\u007f\\]/.test(id) || id.includes('..') || /%2f|%5c/i.test(id) ? 'forbiddenCharacter' : undefined;
}

export const isValidParticipantId = (id: string): boolean => participantIdProblem(id) === undefined;
