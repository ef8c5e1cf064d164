import { livePersonName, type LivePersonProfile } from '../profile/LivePersonProfile';
import type { LivePersonSection, VisitorProfile } from '../profile/VisitorProfile';
import { cut } from './bounds';
import { customerSection, contactSection, conversationSection, technicalSection, type Privacy } from './detailSections';
import { formatAge, type Reader } from './formatting';
import { maskValue } from './mask';
import type { DocumentField, DocumentNotice, ProfileDocument } from './ProfileDocument';
import { failureText, freshnessText, stateNotice } from './stateNotice';
import { wordFor } from './vocabulary';

export type { Privacy } from './detailSections';

/** What LivePerson says about the visitor now, or said before it failed: what the page shows of LivePerson. */
function shownProfile(section: LivePersonSection): { profile: LivePersonProfile; ageMs: number } | undefined {
    if (section.state === 'loaded') return { profile: section.profile, ageMs: section.ageMs };
    return section.state === 'failed' ? section.lastKnown : undefined;
}

/**
 * Pure: a profile, the admin's privacy choices and the reader in, a page out. The header answers "who is this,
 * and is it verified?"; the details follow, grouped by what an agent uses; technical ids come last.
 */
export function buildProfileDocument(profile: VisitorProfile, privacy: Privacy, reader: Reader): ProfileDocument {
    const { t } = reader;
    const shown = shownProfile(profile.livePerson);
    const badges = shown
        ? [wordFor('customerType', shown.profile.customerType, reader), wordFor('customerStatus', shown.profile.customerStatus, reader)].filter(
              (badge): badge is string => Boolean(badge),
          )
        : [];
    return {
        title: t('panel_title'),
        header: {
            ...names(profile, shown?.profile),
            state: boundNotice(
                stateNotice(
                    profile.livePerson,
                    reader,
                    badges.map((badge) => cut(badge, 60)),
                ),
            ),
            reach: reach(profile, shown?.profile, privacy, reader),
        },
        notices: notices(profile.livePerson, reader),
        sections: [
            customerSection(shown?.profile, privacy, reader),
            contactSection(profile, shown?.profile, privacy, reader),
            conversationSection(profile, privacy, reader),
        ].filter((section) => section.fields.length > 0),
        technical: technicalSection(profile, privacy, reader),
        footnotes: [shown ? freshnessText(shown.ageMs, reader) : undefined, privacy.maskPii ? t('panel_masked_note') : undefined].filter(
            (note): note is string => Boolean(note),
        ),
    };
}

/**
 * LivePerson's name when LivePerson vouches for the id (a connector app or an agent's link), else the name the
 * visitor gave Rocket.Chat; the other one, when it differs, as "also known as".
 */
function names(profile: VisitorProfile, livePerson: LivePersonProfile | undefined): { name: string; alsoKnownAs?: string } {
    const rocketChat = profile.visitor.name?.trim() || profile.visitor.username || profile.visitor.id;
    const verified = livePerson ? livePersonName(livePerson) : undefined;
    const section = profile.livePerson;
    const trusted = (section.state === 'loaded' || section.state === 'failed') && section.trust !== 'visitorEditable';
    const [name, other] = trusted && verified ? [verified, rocketChat] : [rocketChat, verified];
    const alsoKnownAs = other && other.toLowerCase() !== name.toLowerCase() ? cut(other, 100) : undefined;
    return { name: cut(name, 100), ...(alsoKnownAs ? { alsoKnownAs } : {}) };
}

/** Email and phone from both sources, one of each in the header (the Contact section lists them all). */
function reach(profile: VisitorProfile, livePerson: LivePersonProfile | undefined, privacy: Privacy, reader: Reader): DocumentField[] {
    const contacts = livePerson?.personal?.contacts ?? [];
    const email = [...contacts.map((contact) => contact.email), ...profile.visitor.emails].find(Boolean);
    const phone = [...contacts.map((contact) => contact.phone), ...profile.visitor.phones].find(Boolean);
    const shown = (value: string, kind: 'email' | 'phone') => cut(privacy.maskPii ? maskValue(value, kind) : value);
    return [
        ...(email ? [{ label: reader.t('field_email'), values: [shown(email, 'email')] }] : []),
        ...(phone ? [{ label: reader.t('field_phone'), values: [shown(phone, 'phone')] }] : []),
    ];
}

function notices(section: LivePersonSection, reader: Reader): DocumentNotice[] {
    const { t } = reader;
    const found: DocumentNotice[] = [];
    if (section.state === 'failed' && section.lastKnown) {
        const text = t('notice_not_refreshed', { reason: failureText(section.failure, reader), age: formatAge(section.lastKnown.ageMs, reader) });
        found.push(boundNotice({ severity: 'warning', title: t('notice_title_not_refreshed'), text, reference: section.failure.correlationId }));
    }
    const profile = shownProfile(section)?.profile;
    if (profile?.partial) {
        found.push({ severity: 'info', title: t('notice_title_partial'), text: t('notice_partial') });
    }
    return found;
}

const boundNotice = (notice: DocumentNotice): DocumentNotice => ({ ...notice, text: cut(notice.text, 600) });
