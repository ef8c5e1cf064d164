import { latestOf, type ConversationRecord, type SdeEvent } from './messaging';
import type { ActivityItem, ActivityKind, PastConversation } from './model';
import { epochMs, isRecord, numeric, oneOrMany, readFields, text } from './tolerant';

const INFO = {
    startTimeL: epochMs,
    endTimeL: epochMs,
    duration: numeric,
    source: text,
    device: text,
    latestAgentFullName: text,
    latestSkillName: text,
    closeReason: text,
    closeReasonDescription: text,
    // The docs' field table says `csat`, their example `csatRate`: both are read.
    csat: numeric,
    csatRate: numeric,
    mcs: numeric,
    alertedMCS: numeric,
    status: text,
    firstIntentName: text,
};

/**
 * The conversations kept per consumer: the most the panel shows (`lp_history_count`'s maximum). A search brings up
 * to 100, each with a summary, and the cache holds thousands of consumers: the rest are only counted.
 */
export const CONVERSATIONS_KEPT = 20;

/** LivePerson's groups of its Meaningful Connection Score: `alertedMCS` -1, 0, 1; else the 0–100 score in thirds. */
function sentimentOf(alerted: number | undefined, mcs: number | undefined): PastConversation['sentiment'] {
    if (alerted !== undefined && [-1, 0, 1].includes(alerted)) return (['negative', 'neutral', 'positive'] as const)[alerted + 1];
    if (mcs === undefined || mcs < 0 || mcs > 100) return undefined;
    return mcs < 34 ? 'negative' : mcs < 67 ? 'neutral' : 'positive';
}

/** The consumer's conversations as an agent reads them, newest first (LivePerson documents no order for the search). */
export function conversationsOf(records: ConversationRecord[]): PastConversation[] {
    return records
        .map((record) => {
            const info = readFields(record.info, INFO, []);
            const csat = info.csat ?? info.csatRate;
            const summary = isRecord(record.summary) ? text.safeParse(record.summary.text) : undefined;
            const entry: PastConversation = {
                id: record.conversationId,
                open: info.status ? info.status !== 'CLOSE' : !info.endTimeL,
                startedAt: info.startTimeL,
                endedAt: info.endTimeL,
                durationMs: info.duration !== undefined && info.duration >= 0 ? info.duration : undefined,
                channel: info.source,
                device: info.device,
                agent: info.latestAgentFullName,
                skill: info.latestSkillName,
                closeReason: info.closeReasonDescription ?? info.closeReason,
                csat: csat !== undefined && csat >= 1 && csat <= 5 ? Math.round(csat) : undefined,
                sentiment: sentimentOf(info.alertedMCS, info.mcs),
                summary: summary?.success && summary.data ? summary.data : undefined,
                intent: info.firstIntentName,
            };
            return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) as unknown as PastConversation;
        })
        .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
}

const SDE_KINDS: Record<string, ActivityKind> = {
    CART_STATUS: 'cart',
    PURCHASE: 'purchase',
    VIEWED_PRODUCT: 'viewedProduct',
    LEAD: 'lead',
    SERVICE_ACTIVITY: 'serviceActivity',
    VISITOR_ERROR: 'visitorError',
    SEARCH_CONTENT: 'searchContent',
    MARKETING_CAMPAIGN_INFO: 'marketingSource',
};

const FIELDS = {
    total: numeric,
    value: numeric,
    currency: text,
    numItems: numeric,
    orderId: text,
    leadId: text,
    serviceId: text,
    campaignId: text,
    topic: text,
    message: text,
    affiliate: text,
    status: text,
    code: text,
};

/** Product names of a cart, a purchase's cart or viewed products: `products[].product.name`. */
function productNames(payload: Record<string, unknown>): string[] {
    const cart = isRecord(payload.cart) ? payload.cart : payload;
    return oneOrMany(cart.products).flatMap((entry) => {
        const product = isRecord(entry) && isRecord(entry.product) ? entry.product : entry;
        const name = isRecord(product) ? text.safeParse(product.name) : undefined;
        return name?.success && name.data ? [name.data] : [];
    });
}

/** One engagement attribute as the agent reads it; undefined when nothing in it reads. */
function itemOf(event: SdeEvent, kind: ActivityKind): ActivityItem | undefined {
    if (!isRecord(event.payload)) return undefined;
    const read = readFields(event.payload, FIELDS, []);
    const amount = read.total ?? read.value;
    const keywords =
        kind === 'searchContent' ? oneOrMany(event.payload.keywords).flatMap((word) => (typeof word === 'string' && word.trim() ? [word.trim()] : [])) : [];
    const at = event.at !== undefined ? epochMs.safeParse(event.at) : undefined;
    const item: ActivityItem = {
        kind,
        verified: event.authenticated,
        ...(at?.success ? { at: at.data } : {}),
        ...(amount !== undefined ? { amount: { value: amount, ...(read.currency ? { currency: read.currency } : {}) } } : {}),
        ...(kind === 'cart' && read.numItems !== undefined ? { count: read.numItems } : {}),
    };
    const products = productNames(event.payload);
    if (products.length > 0) item.products = products;
    const reference = read.orderId ?? read.leadId ?? read.serviceId ?? read.campaignId;
    if (reference) item.reference = reference;
    const topic = keywords.length > 0 ? keywords.join(', ') : (read.topic ?? read.message ?? read.affiliate);
    if (topic) item.topic = topic;
    const status = read.status ?? read.code;
    if (status) item.status = status;
    const saysSomething = item.amount || item.products || item.count !== undefined || item.reference || item.topic || item.status;
    return saysSomething ? item : undefined;
}

/**
 * What the customer is doing: of each kind, the latest authenticated event, and the latest from the web page when
 * it is newer (the page may say what they do now; it never hides what LivePerson verified). Newest first. A
 * kind whose latest event does not read is left out rather than replaced by an older one.
 */
export function activityOf(events: SdeEvent[]): ActivityItem[] {
    return Object.entries(SDE_KINDS)
        .flatMap(([type, kind]) => {
            const verified = latestOf(
                events.filter((event) => event.authenticated),
                type,
            );
            const fromPage = latestOf(
                events.filter((event) => !event.authenticated),
                type,
            );
            const pageIsNewer = fromPage && (!verified || (fromPage.at ?? Infinity) > (verified.at ?? Infinity));
            return [verified, pageIsNewer ? fromPage : undefined].flatMap((event) => (event && itemOf(event, kind)) || []);
        })
        .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
}
