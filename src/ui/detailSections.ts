import { livePersonName, type LivePersonProfile } from '../profile/LivePersonProfile';
import type { VisitorProfile } from '../profile/VisitorProfile';
import { isUnlinkedEntityId } from '../visitor/entityIds';
import { BOUNDS, capped, cut } from './bounds';
import { formatAmount, formatDate, formatDateTime, formatNumber, type Reader } from './formatting';
import { kindOfFreeForm, kindOfMetadata, maskValue, type ValueKind } from './mask';
import type { DocumentField, DocumentSection } from './ProfileDocument';
import { sourceText } from './stateNotice';
import { wordFor, yesNo } from './vocabulary';

export interface Privacy {
    maskPii: boolean;
    showSensitive: boolean;
    /** The visitor field that holds a participant id: an identifier, masked like the others. */
    participantField?: string;
}

type Value = string | undefined | Array<string | undefined>;

/** Builds fields in order, masking each value by its kind when the admin says so and cutting long ones. */
function fields(privacy: Privacy) {
    const list: DocumentField[] = [];
    const add = (label: string, value: Value, kind: ValueKind = 'text', labelIsData = false) => {
        const values = (Array.isArray(value) ? value : [value]).filter((item): item is string => item !== undefined && item.trim() !== '');
        if (values.length > 0) {
            list.push({ label, values: values.map((item) => cut(privacy.maskPii ? maskValue(item, kind) : item)), ...(labelIsData ? { labelIsData } : {}) });
        }
    };
    /** A list capped at `max`, the rest counted in the app's words (never masked: it is no value). */
    const addList = (label: string, values: string[], kind: ValueKind, max: number, reader: Reader) => {
        const { shown, more } = capped(values, max);
        add(label, shown, kind);
        if (more > 0) list[list.length - 1].values.push(reader.t('list_and_more', { count: more }));
    };
    return { list, add, addList };
}

/** LivePerson's customer: who they are to the business. Financial data and national identifiers only when allowed. */
export function customerSection(profile: LivePersonProfile | undefined, privacy: Privacy, reader: Reader): DocumentSection {
    const { t } = reader;
    const { list, add } = fields(privacy);
    if (profile) {
        add(t('field_customer_id'), profile.customerId, 'identifier');
        add(t('field_customer_type'), wordFor('customerType', profile.customerType, reader));
        add(t('field_customer_status'), wordFor('customerStatus', profile.customerStatus, reader));
        add(t('field_account_name'), profile.accountName);
        add(t('field_role'), profile.role);
        add(t('field_company'), profile.personal?.company);
        add(t('field_company_size'), formatNumber(profile.companySize, reader));
        add(t('field_company_branch'), profile.companyBranch);
        add(t('field_registration_date'), formatDate(profile.registrationDate, reader));
        add(t('field_language'), profile.personal?.language);
        add(t('field_gender'), wordFor('gender', profile.personal?.gender, reader));
        add(t('field_age'), formatNumber(profile.personal?.age, reader));
        if (privacy.showSensitive) {
            add(t('field_balance'), formatAmount(profile.balance, profile.currency, reader));
            add(t('field_last_payment_date'), formatDate(profile.lastPaymentDate, reader));
            add(t('field_imei'), profile.imei, 'identifier');
            add(t('field_social_id'), profile.socialId, 'identifier');
        }
    }
    return { title: t('panel_section_customer'), fields: list };
}

/** Every way to reach the visitor, from both sources, without repeats; and the names each source knows. */
export function contactSection(visitor: VisitorProfile, profile: LivePersonProfile | undefined, privacy: Privacy, reader: Reader): DocumentSection {
    const { t } = reader;
    const { list, add, addList } = fields(privacy);
    add(t('field_name_rocketchat'), visitor.visitor.name);
    add(t('field_name_liveperson'), profile ? livePersonName(profile) : undefined);
    const contacts = profile?.personal?.contacts ?? [];
    const emails = unique([...contacts.map((contact) => contact.email), ...visitor.visitor.emails], (email) => email.trim().toLowerCase());
    const phones = unique([...contacts.map((contact) => contact.phone), ...visitor.visitor.phones], (phone) => phone.replace(/\D/g, ''));
    addList(t('field_emails'), emails, 'email', BOUNDS.contacts, reader);
    addList(t('field_phones'), phones, 'phone', BOUNDS.contacts, reader);
    add(t('field_user_name_liveperson'), profile?.userName, 'identifier');
    return { title: t('panel_section_contact'), fields: list };
}

/** The conversation as Rocket.Chat knows it: the department, the visitor's status, the custom fields. */
export function conversationSection(visitor: VisitorProfile, privacy: Privacy, reader: Reader): DocumentSection {
    const { t } = reader;
    const { list, add } = fields(privacy);
    add(t('field_department'), visitor.departmentName ?? visitor.visitor.departmentId);
    add(t('field_visitor_status'), wordFor('visitorStatus', visitor.visitor.status, reader));
    add(t('field_visitor_since'), formatDateTime(visitor.visitor.createdAt, reader));
    const custom = Object.entries({ ...visitor.visitor.customFields, ...visitor.visitor.livechatData });
    const { shown, more } = capped(custom, BOUNDS.customFields);
    for (const [key, value] of shown) {
        // Free-form: the participant id field is an identifier; an email or a phone is masked as one.
        const kind = key === privacy.participantField ? 'identifier' : kindOfFreeForm(key, value);
        add(cut(key, 64), value, kind, true);
    }
    if (more > 0) list.push({ label: t('field_more_custom_fields'), values: [t('list_and_more', { count: more })] });
    return { title: t('panel_section_conversation'), fields: list };
}

/** Ids an agent rarely needs and an admin does: behind the toggle. */
export function technicalSection(visitor: VisitorProfile, privacy: Privacy, reader: Reader): DocumentSection {
    const { t } = reader;
    const { list, add } = fields(privacy);
    const section = visitor.livePerson;
    add(t('field_visitor_id'), visitor.visitor.id);
    add(t('field_username_rocketchat'), visitor.visitor.username);
    add(t('field_contact_id'), visitor.visitor.contactId);
    add(t('field_visitor_updated'), formatDateTime(visitor.visitor.updatedAt, reader));
    if (section.state === 'loaded' || section.state === 'failed') {
        const ref = section.ref;
        add(t('field_liveperson_product'), t(ref.source === 'chat' ? 'word_product_chat' : 'word_product_messaging'));
        add(
            ref.source === 'chat' ? t('field_participant_id') : t('field_consumer_id'),
            ref.source === 'chat' ? ref.participantId : ref.consumerId,
            'identifier',
        );
        if (ref.source === 'messaging') add(t('field_conversation_id'), ref.conversationId);
        add(t('field_participant_source'), sourceText(section.source, reader));
    } else if (section.state === 'invalidParticipant') {
        add(t('field_participant_source'), sourceText(section.source, reader));
    }
    const profile = section.state === 'loaded' ? section.profile : undefined;
    if (profile?.isUserAuthenticated !== undefined) add(t('field_signed_in'), yesNo(profile.isUserAuthenticated, reader));
    if (visitor.visitor.externalIds) {
        const { shown, more } = capped(visitor.visitor.externalIds, BOUNDS.externalIds);
        const values = shown.map((entry) => {
            const entity = isUnlinkedEntityId(entry.entityId)
                ? t('panel_external_id_unlinked')
                : privacy.maskPii
                  ? maskValue(entry.entityId, 'identifier')
                  : entry.entityId;
            const metadata = capped(Object.entries(entry.metadata ?? {}), BOUNDS.metadataPerExternalId).shown.map(
                ([key, value]) => `${cut(key, 40)}=${cut(privacy.maskPii ? maskValue(value, kindOfMetadata(key, value)) : value, 80)}`,
            );
            return cut([t('field_external_id_app', { appId: cut(entry.appId, 64) }), entity, ...metadata].join(' · '), 400);
        });
        // Masked above, entry by entry: the app id and metadata keys are not personal data.
        if (values.length > 0) list.push({ label: t('field_external_ids'), values: more > 0 ? [...values, t('list_and_more', { count: more })] : values });
    }
    return { title: t('panel_section_technical'), fields: list };
}

function unique(values: Array<string | undefined>, key: (value: string) => string): string[] {
    const seen = new Set<string>();
    return values.filter((value): value is string => {
        if (!value || !value.trim() || seen.has(key(value))) return false;
        seen.add(key(value));
        return true;
    });
}
