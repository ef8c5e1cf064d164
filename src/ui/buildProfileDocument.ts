import type { Translate } from '../i18n/translator';
import type { ParticipantInfo } from '../liveperson/ParticipantInfo';
import type { LivePersonSection, VisitorProfile } from '../profile/VisitorProfile';
import { isUnlinkedEntityId } from '../visitor/participantIdFor';
import { formatDateTime, formatNumber } from './formatting';
import { livePersonStateText, sourceText } from './livePersonStateText';
import { maskedIf } from './mask';
import type { DocumentField, DocumentSection, ProfileDocument } from './ProfileDocument';

export interface PrivacyOptions {
    maskPii: boolean;
    showSensitive: boolean;
    /** The visitor field that holds a participant id: an identifier, masked like the others. */
    participantField?: string;
}

const LOOKS_LIKE_EMAIL = /@/;
const LOOKS_LIKE_PHONE = /^\+?[\d\s().-]{7,}$/;

const field = (label: string, ...values: Array<string | undefined>): DocumentField[] => {
    const present = values.filter((value): value is string => value !== undefined && value !== '');
    return present.length > 0 ? [{ label, values: present }] : [];
};

/** Pure: a profile, the admin's privacy choices and the reader's language in, a page out. */
export function buildProfileDocument(profile: VisitorProfile, privacy: PrivacyOptions, t: Translate): ProfileDocument {
    return {
        title: t('panel_title'),
        sections: [rocketChatSection(profile, privacy, t), ...livePersonSections(profile.livePerson, privacy, t)],
        footnotes: privacy.maskPii ? [t('panel_masked_note')] : [],
    };
}

function rocketChatSection(profile: VisitorProfile, privacy: PrivacyOptions, t: Translate): DocumentSection {
    const { visitor } = profile;
    const personal = maskedIf(privacy.maskPii);
    const customFields = { ...visitor.customFields, ...visitor.livechatData };
    const fields: DocumentField[] = [
        ...field(t('field_name'), visitor.name),
        ...field(t('field_username'), visitor.username),
        ...field(t('field_status'), visitor.status),
        ...field(t('field_emails'), ...visitor.emails.map(personal)),
        ...field(t('field_phones'), ...visitor.phones.map(personal)),
        ...field(t('field_department'), profile.departmentName ?? visitor.departmentId),
        ...field(t('field_created'), formatDateTime(visitor.createdAt)),
        ...field(t('field_updated'), formatDateTime(visitor.updatedAt)),
        ...field(t('field_visitor_id'), visitor.id),
        ...field(t('field_contact_id'), visitor.contactId),
        ...field(
            t('field_custom_fields'),
            // Custom fields are free-form: mask the participant id and whatever looks like an email or a phone.
            ...Object.entries(customFields).map(([key, value]) =>
                key === privacy.participantField || LOOKS_LIKE_EMAIL.test(value) || LOOKS_LIKE_PHONE.test(value) ? `${key}: ${personal(value)}` : `${key}: ${value}`,
            ),
        ),
    ];
    if (visitor.externalIds) {
        fields.push(
            ...field(
                t('field_external_ids'),
                ...visitor.externalIds.map((entry) => {
                    const entity = isUnlinkedEntityId(entry.entityId) ? t('panel_external_id_unlinked') : personal(entry.entityId);
                    // Other apps' metadata may name the person (a WhatsApp user name): masked like an identifier.
                    const metadata = Object.entries(entry.metadata ?? {}).map(([key, value]) => `${key}=${personal(value)}`);
                    return [t('field_external_id_app', { appId: entry.appId }), entity, ...metadata].join(' · ');
                }),
            ),
        );
    }
    return { title: t('panel_section_rocketchat'), fields, notes: [] };
}

function livePersonSections(section: LivePersonSection, privacy: PrivacyOptions, t: Translate): DocumentSection[] {
    const title = t('panel_section_liveperson');
    const identifier = maskedIf(privacy.maskPii);
    const participantFields =
        'participantId' in section
            ? [...field(t('field_participant_id'), identifier(section.participantId)), ...field(t('field_participant_source'), sourceText(section.source, t))]
            : [];
    if (section.state !== 'loaded') {
        const notes = [livePersonStateText(section, t) ?? ''];
        if (section.state === 'failed') {
            notes.push(t('panel_reference', { reference: section.failure.correlationId }));
        }
        return [{ title, fields: participantFields, notes }];
    }
    const { info } = section;
    const freshness = section.ageMs < 1000 ? t('panel_fetched_now') : t('panel_cached_ago', { seconds: Math.round(section.ageMs / 1000) });
    return [
        {
            title,
            fields: [
                ...field(t('field_authenticated'), info.isUserAuthenticated === undefined ? undefined : t(info.isUserAuthenticated ? 'panel_yes' : 'panel_no')),
                ...participantFields,
            ],
            notes: [freshness],
        },
        ...customerSection(info, privacy, t),
        ...personalSection(info, privacy, t),
    ];
}

function customerSection(info: ParticipantInfo, privacy: PrivacyOptions, t: Translate): DocumentSection[] {
    const identifier = maskedIf(privacy.maskPii);
    const mask = (value: string | undefined) => (value === undefined ? undefined : identifier(value));
    const fields = [
        ...field(t('field_customer_id'), mask(info.customerId)),
        ...field(t('field_customer_type'), info.customerType),
        ...field(t('field_customer_status'), info.customerStatus),
        ...field(t('field_user_name'), mask(info.userName)),
        ...field(t('field_account_name'), info.accountName),
        ...field(t('field_role'), info.role),
        ...field(t('field_company_size'), formatNumber(info.companySize)),
        ...field(t('field_registration_date'), info.registrationDate),
    ];
    if (privacy.showSensitive) {
        fields.push(
            ...field(t('field_balance'), formatNumber(info.balance)),
            ...field(t('field_last_payment_date'), info.lastPaymentDate),
            ...field(t('field_imei'), mask(info.imei)),
            ...field(t('field_social_id'), mask(info.socialId)),
        );
    }
    return fields.length > 0 ? [{ title: t('panel_section_customer'), fields, notes: [] }] : [];
}

function personalSection(info: ParticipantInfo, privacy: PrivacyOptions, t: Translate): DocumentSection[] {
    const personal = info.personal;
    if (!personal) {
        return [];
    }
    const contact = maskedIf(privacy.maskPii);
    const fields = [
        ...field(t('field_first_name'), personal.name),
        ...field(t('field_surname'), personal.surname),
        ...field(t('field_contact_email'), ...personal.contacts.map((entry) => entry.email).filter(isText).map(contact)),
        ...field(t('field_contact_phone'), ...personal.contacts.map((entry) => entry.phone).filter(isText).map(contact)),
    ];
    return fields.length > 0 ? [{ title: t('panel_section_personal'), fields, notes: [] }] : [];
}

const isText = (value: string | undefined): value is string => typeof value === 'string' && value.length > 0;
