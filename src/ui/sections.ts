import { cut } from '../bounded';
import type { MessageKey } from '../i18n/languages';
import type { ActivityItem, LivePersonAnswer, LivePersonProfile, PastConversation } from '../liveperson/model';
import type { LivePersonSection, VisitorProfile } from '../profile/VisitorProfile';
import type { RocketChatConversation } from '../visitor/conversationLog';
import { isUnlinkedEntityId } from '../visitor/entityIds';
import { looksSigned } from '../visitor/signedId';
import { formatAmount, formatDate, formatDateTime, formatDuration, formatNumber, formatWhen, type Viewer } from './formatting';
import { kindOfFreeForm, kindOfMetadata, maskValue, type ValueKind } from './mask';
import type { DocumentEntry, DocumentField, DocumentSection } from './ProfileDocument';
import { sourceText } from './stateNotice';
import { wordFor } from './vocabulary';

/** Limits that keep a view small whatever a visitor, a host or LivePerson sends: with them the panel stays under 100 KB. */
const BOUNDS = { value: 200, customFields: 20, externalIds: 10, metadataPerExternalId: 5, contacts: 10, products: 5, id: 40 } as const;

export interface Privacy {
    maskPii: boolean;
    showSensitive: boolean;
    /** The visitor field that holds a participant id: an identifier, masked like the others. */
    participantField?: string;
    /** Earlier conversations shown (0: none). */
    historyCount: number;
}

/** The first `max` items, and how many were left out. */
const capped = <T>(items: readonly T[], max: number): { shown: T[]; more: number } => ({
    shown: items.slice(0, max),
    more: Math.max(0, items.length - max),
});

/** Builds fields in order, masking each value by its kind when the admin says so and cutting long ones. */
function fields(privacy: Privacy, viewer: Viewer) {
    const list: DocumentField[] = [];
    // Ids are cut to fit the narrow panel; an email or a phone is cut like any other value, so it stays whole.
    const shown = (value: string, kind: ValueKind) => cut(privacy.maskPii ? maskValue(value, kind) : value, kind === 'identifier' ? BOUNDS.id : BOUNDS.value);
    const add = (label: string, value: string | undefined | Array<string | undefined>, kind: ValueKind = 'text', labelIsData = false) => {
        const values = (Array.isArray(value) ? value : [value]).filter((item): item is string => item !== undefined && item.trim() !== '');
        if (values.length > 0) list.push({ label, values: values.map((item) => shown(item, kind)), ...(labelIsData ? { labelIsData } : {}) });
    };
    /** A list capped at `max`, the rest counted in the app's words (never masked: it is no value). */
    const addList = (label: string, values: string[], kind: ValueKind, max: number) => {
        const { shown: some, more } = capped(values, max);
        add(label, some, kind);
        if (more > 0) list[list.length - 1].values.push(viewer.t('list_and_more', { count: more }));
    };
    return { list, add, addList, shown };
}

/** LivePerson's customer, beyond the header: who they are to the business. Financial data and national ids only when allowed. */
export function customerSection(
    profile: LivePersonProfile | undefined,
    reachShown: { email?: string; phone?: string },
    privacy: Privacy,
    viewer: Viewer,
): DocumentSection {
    const { t } = viewer;
    const { list, add, addList } = fields(privacy, viewer);
    if (profile) {
        add(t('field_customer_id'), profile.customerId, 'identifier');
        add(t('field_account_name'), profile.accountName);
        add(t('field_role'), profile.role);
        add(t('field_company'), profile.personal?.company);
        add(t('field_company_size'), formatNumber(profile.companySize, viewer));
        add(t('field_company_branch'), profile.companyBranch);
        add(t('field_registration_date'), formatDate(profile.registrationDate, viewer));
        add(t('field_language'), profile.personal?.language);
        add(t('field_gender'), wordFor('gender', profile.personal?.gender, viewer));
        add(t('field_age'), formatNumber(profile.personal?.age, viewer));
        add(t('field_user_name_liveperson'), profile.userName, 'identifier');
        const contacts = profile.personal?.contacts ?? [];
        const other = (values: Array<string | undefined>, first: string | undefined) => unique(values).filter((value) => value !== first);
        addList(
            t('field_other_emails'),
            other(
                contacts.map((contact) => contact.email),
                reachShown.email,
            ),
            'email',
            BOUNDS.contacts,
        );
        addList(
            t('field_other_phones'),
            other(
                contacts.map((contact) => contact.phone),
                reachShown.phone,
            ),
            'phone',
            BOUNDS.contacts,
        );
        if (privacy.showSensitive) {
            add(t('field_balance'), formatAmount(profile.balance, profile.currency, viewer));
            add(t('field_last_payment_date'), formatDate(profile.lastPaymentDate, viewer));
            add(t('field_imei'), profile.imei, 'identifier');
            add(t('field_social_id'), profile.socialId, 'identifier');
        }
    }
    return { title: t('panel_section_customer'), fields: list };
}

/** What the customer did lately, each marked by how far to trust it: a value from the web page is never shown as verified. */
export function activitySection(items: ActivityItem[], privacy: Privacy, viewer: Viewer): DocumentSection {
    const { t } = viewer;
    const { shown } = fields(privacy, viewer);
    const entries: DocumentEntry[] = items.map((item) => {
        const products = capped(item.products ?? [], BOUNDS.products);
        const details = [
            item.count === 1
                ? t('activity_one_item')
                : item.count !== undefined
                  ? t('activity_items', { count: formatNumber(item.count, viewer) ?? '' })
                  : undefined,
            item.amount && formatAmount(item.amount.value, item.amount.currency, viewer),
            item.topic && cut(item.topic, BOUNDS.value),
            item.status && t('activity_status', { status: cut(item.status, 60) }),
            item.reference && t('activity_reference', { reference: shown(item.reference, 'identifier') }),
            products.shown.length > 0
                ? [...products.shown.map((name) => cut(name, 60)), ...(products.more ? [t('list_and_more', { count: products.more })] : [])].join(', ')
                : undefined,
        ].filter(Boolean);
        return {
            headline: [t(`activity_${item.kind}` as MessageKey), formatWhen(item.at, viewer)].filter(Boolean).join(' · '),
            details: [details.join(' · '), t(item.verified ? 'activity_verified' : 'activity_unverified')].filter(Boolean),
        };
    });
    return { title: t('panel_section_activity'), fields: [], entries };
}

type TimelineItem = { at: string | undefined; entry: () => DocumentEntry };

/**
 * Earlier conversations on both platforms, newest first, each saying where it happened; at most the admin's
 * count (0: none). LivePerson documents no route to a legacy chat participant's past chats: for them, the section says so.
 */
export function timelineSection(
    livePerson: Pick<LivePersonAnswer, 'conversations' | 'olderConversations'> | undefined,
    rocketChat: RocketChatConversation[],
    product: 'chat' | 'messaging' | undefined,
    privacy: Privacy,
    viewer: Viewer,
): DocumentSection {
    const { t } = viewer;
    const title = t('panel_section_history');
    if (privacy.historyCount === 0) return { title, fields: [], entries: [] };
    // Entries are written only for the conversations shown.
    const items: TimelineItem[] = [
        ...(livePerson?.conversations ?? []).map((conversation) => ({ at: conversation.startedAt, entry: () => livePersonEntry(conversation, viewer) })),
        ...rocketChat.map((conversation) => ({ at: conversation.startedAt ?? conversation.closedAt, entry: () => rocketChatEntry(conversation, viewer) })),
    ].sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
    const { shown, more } = capped(items, privacy.historyCount);
    const entries = shown.map((item) => item.entry());
    const older = more + (livePerson?.olderConversations ?? 0);
    if (older > 0) entries.push({ headline: t('list_and_more', { count: older }), details: [] });
    return { title, fields: [], entries, ...(product === 'chat' && entries.length > 0 ? { note: t('history_chat_only_rocketchat') } : {}) };
}

function livePersonEntry(conversation: PastConversation, viewer: Viewer): DocumentEntry {
    const { t } = viewer;
    const details = [
        conversation.open ? t('history_open') : undefined,
        conversation.agent && cut(conversation.agent, 60),
        conversation.skill && cut(conversation.skill, 60),
        // An open conversation's "duration" is only how long ago it started, which the headline already says.
        conversation.open ? undefined : formatDuration(conversation.durationMs, viewer),
        conversation.channel && readableCode(cut(conversation.channel, 30)),
        conversation.closeReason && t('history_close_reason', { reason: readableCode(cut(conversation.closeReason, 60)) }),
        conversation.csat !== undefined ? t('history_csat', { score: conversation.csat }) : undefined,
        conversation.sentiment && t(`history_sentiment_${conversation.sentiment}` as MessageKey),
        conversation.intent && readableCode(cut(conversation.intent, 60)),
    ].filter(Boolean);
    return {
        headline: [t('history_on_liveperson'), formatWhen(conversation.startedAt, viewer)].filter(Boolean).join(' · '),
        details: [details.join(' · '), conversation.summary ? `“${cut(conversation.summary, BOUNDS.value)}”` : ''].filter(Boolean),
    };
}

function rocketChatEntry(conversation: RocketChatConversation, viewer: Viewer): DocumentEntry {
    const { t } = viewer;
    const duration = conversation.startedAt && conversation.closedAt ? Date.parse(conversation.closedAt) - Date.parse(conversation.startedAt) : undefined;
    const details = [
        conversation.agent,
        conversation.department,
        formatDuration(duration, viewer),
        conversation.closedBy && t(`history_closed_by_${conversation.closedBy}` as MessageKey),
        conversation.tags?.length ? t('history_tags', { tags: conversation.tags.join(', ') }) : undefined,
    ].filter(Boolean);
    return {
        headline: [t('history_on_rocketchat'), formatWhen(conversation.startedAt ?? conversation.closedAt, viewer)].filter(Boolean).join(' · '),
        details: [details.join(' · ')].filter(Boolean),
    };
}

/** What Rocket.Chat's own Contact Info shows of the visitor: collapsed, since the host already shows it. */
export function hostFieldsSection(visitor: VisitorProfile, privacy: Privacy, viewer: Viewer): DocumentSection {
    const { t } = viewer;
    const { list, add } = fields(privacy, viewer);
    add(t('field_username_rocketchat'), visitor.visitor.username);
    add(t('field_visitor_status'), wordFor('visitorStatus', visitor.visitor.status, viewer));
    add(t('field_visitor_since'), formatDateTime(visitor.visitor.createdAt, viewer));
    add(t('field_last_chat'), formatDateTime(visitor.visitor.lastChatAt, viewer));
    add(t('field_department'), visitor.departmentName ?? visitor.visitor.departmentId);
    const custom = Object.entries({ ...visitor.visitor.customFields, ...visitor.visitor.livechatData });
    const { shown, more } = capped(custom, BOUNDS.customFields);
    for (const [key, value] of shown) {
        if (key === privacy.participantField && looksSigned(value)) {
            // The raw signed id is no use to an agent, and copying it is how it would be misused.
            list.push({ label: readableLabel(key), values: [t('value_signed_id')], labelIsData: true });
        } else {
            add(readableLabel(key), value, key === privacy.participantField ? 'identifier' : kindOfFreeForm(value), true);
        }
    }
    if (more > 0) list.push({ label: t('field_more_custom_fields'), values: [t('list_and_more', { count: more })] });
    return { title: t('panel_section_rocketchat'), fields: list };
}

/** LivePerson's field names, in the app's words, for "LivePerson sent an unreadable …". */
const LIVEPERSON_FIELDS: Record<string, MessageKey> = {
    customerAge: 'field_age',
    balance: 'field_balance',
    companySize: 'field_company_size',
    registrationDate: 'field_registration_date',
    lastPaymentDate: 'field_last_payment_date',
    customerId: 'field_customer_id',
    contacts: 'field_contacts',
    customerInfo: 'field_customer_info',
    personalInfo: 'field_personal_info',
};

/** Ids an agent rarely needs and an admin does, and how the identity was checked: collapsed. */
/** The fields LivePerson sent in a form the app can't read, by the names the panel gives them. */
export function unreadableText(profile: LivePersonProfile, { t }: Viewer): string {
    return t('unreadable_fields', { fields: unique(profile.unreadable.map((key) => (LIVEPERSON_FIELDS[key] ? t(LIVEPERSON_FIELDS[key]) : key))).join(', ') });
}

export function technicalSection(visitor: VisitorProfile, profile: LivePersonProfile | undefined, privacy: Privacy, viewer: Viewer): DocumentSection {
    const { t } = viewer;
    const { list, add } = fields(privacy, viewer);
    const section: LivePersonSection = visitor.livePerson;
    add(t('field_visitor_id'), visitor.visitor.id);
    add(t('field_contact_id'), visitor.visitor.contactId);
    add(t('field_visitor_updated'), formatDateTime(visitor.visitor.updatedAt, viewer));
    if (section.state === 'loaded' || section.state === 'failed') {
        const ref = section.ref;
        add(t('field_liveperson_product'), t(ref.source === 'chat' ? 'word_product_chat' : 'word_product_messaging'));
        add(
            ref.source === 'chat' ? t('field_participant_id') : t('field_consumer_id'),
            ref.source === 'chat' ? ref.participantId : ref.consumerId,
            'identifier',
        );
        if (ref.source === 'messaging') add(t('field_conversation_id'), ref.conversationId);
    }
    if (section.state === 'loaded' || section.state === 'failed' || section.state === 'invalidParticipant') {
        add(t('field_participant_source'), sourceText(section.source, viewer));
    }
    if (section.state === 'loaded' || section.state === 'failed') add(t('field_identity_checked'), t(`trust_${section.trust}` as MessageKey));
    if (profile && profile.unreadable.length > 0) add(t('field_unreadable'), unreadableText(profile, viewer));
    if (visitor.visitor.externalIds) {
        const { shown, more } = capped(visitor.visitor.externalIds, BOUNDS.externalIds);
        const values = shown.map((entry) => {
            const entity = isUnlinkedEntityId(entry.entityId)
                ? t('panel_external_id_unlinked')
                : cut(privacy.maskPii ? maskValue(entry.entityId, 'identifier') : entry.entityId, BOUNDS.id);
            const metadata = capped(Object.entries(entry.metadata ?? {}), BOUNDS.metadataPerExternalId).shown.map(
                ([key, value]) => `${cut(key, 40)}=${cut(privacy.maskPii ? maskValue(value, kindOfMetadata(key, value)) : value, 80)}`,
            );
            return cut([t('field_external_id_app', { appId: cut(entry.appId, BOUNDS.id) }), entity, ...metadata].join(' · '), 400);
        });
        // Masked above, entry by entry: the app id and metadata keys are not personal data.
        if (values.length > 0) list.push({ label: t('field_external_ids'), values: more > 0 ? [...values, t('list_and_more', { count: more })] : values });
    }
    return { title: t('panel_section_technical'), fields: list };
}

/** A custom field's key as a label: "customerSince" and "customer_since" read "Customer since". */
export function readableLabel(key: string): string {
    const words = cut(key, 64)
        .replace(/([a-z\d])([A-Z])/g, '$1 $2')
        .replace(/[_.-]+/g, ' ')
        .trim()
        .toLowerCase();
    return words ? words[0].toUpperCase() + words.slice(1) : key;
}

/** LivePerson's snake-case codes (`WEB_SITE`, `MANUAL_CLOSE`, `order_status`) in plain words; not translated: the vocabulary is open-ended. */
const readableCode = (code: string): string => (/^[A-Za-z0-9]+(_[A-Za-z0-9]+)+$/.test(code) ? code.replace(/_/g, ' ').toLowerCase() : code);

function unique(values: Array<string | undefined>): string[] {
    return [...new Set(values.filter((value): value is string => Boolean(value && value.trim())))];
}
