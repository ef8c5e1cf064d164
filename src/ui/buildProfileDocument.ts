import { cut } from '../bounded';
import { isNoProfile } from '../liveperson/failures';
import { livePersonName, type LivePersonAnswer } from '../liveperson/model';
import type { LivePersonSection, VisitorProfile } from '../profile/VisitorProfile';
import { formatAge, type Viewer } from './formatting';
import { maskValue } from './mask';
import type { DocumentField, DocumentNotice, ProfileDocument } from './ProfileDocument';
import { activitySection, customerSection, hostFieldsSection, technicalSection, timelineSection, type Privacy } from './sections';
import { failureNotice, failureText, freshnessText, stateNotice } from './stateNotice';
import { wordFor } from './vocabulary';

export type { Privacy } from './sections';

/** What LivePerson says about the visitor now, or said before it failed. */
function shownAnswer(section: LivePersonSection): { answer: LivePersonAnswer; ageMs: number } | undefined {
    if (section.state === 'loaded') return { answer: section.answer, ageMs: section.ageMs };
    return section.state === 'failed' ? section.lastKnown : undefined;
}

/**
 * Pure: a profile, the admin's privacy choices and the viewer in, a page out. The top answers "who is this, and
 * is it verified?"; every value appears once. A visitor-editable id's LivePerson data is held back until the
 * agent asks for it (`showUnverified`), since it may be someone else's.
 */
export function buildProfileDocument(profile: VisitorProfile, privacy: Privacy, viewer: Viewer, showUnverified: boolean): ProfileDocument {
    const { t } = viewer;
    const section = profile.livePerson;
    const editable = (section.state === 'loaded' || section.state === 'failed') && section.trust === 'visitorEditable';
    const found = shownAnswer(section);
    const unverified = editable && found ? (showUnverified ? 'shown' : 'hidden') : 'none';
    const usable = unverified === 'hidden' ? undefined : found;
    const person = usable?.answer.profile;
    const badges = [wordFor('customerType', person?.customerType, viewer), wordFor('customerStatus', person?.customerStatus, viewer)].flatMap((badge) =>
        badge ? [cut(badge, 60)] : [],
    );

    const rocketChatName = profile.visitor.name?.trim() || profile.visitor.username || profile.visitor.id;
    const livePersonNamed = person ? livePersonName(person) : undefined;
    // LivePerson's name when the id is vouched for, else the name the visitor gave Rocket.Chat.
    const [name, other] = !editable && livePersonNamed ? [livePersonNamed, rocketChatName] : [rocketChatName, livePersonNamed];
    const email = [...(person?.personal?.contacts ?? []).map((contact) => contact.email), ...profile.visitor.emails].find(Boolean);
    const phone = [...(person?.personal?.contacts ?? []).map((contact) => contact.phone), ...profile.visitor.phones].find(Boolean);
    const masked = (value: string, kind: 'email' | 'phone') => cut(privacy.maskPii ? maskValue(value, kind) : value, 200);
    const reach: DocumentField[] = [
        ...(other && other.toLowerCase() !== name.toLowerCase()
            ? [{ label: t(name === rocketChatName ? 'field_name_liveperson' : 'field_name_rocketchat'), values: [cut(other, 100)] }]
            : []),
        ...(email ? [{ label: t('field_email'), values: [masked(email, 'email')] }] : []),
        ...(phone ? [{ label: t('field_phone'), values: [masked(phone, 'phone')] }] : []),
    ];

    const answer = usable?.answer;
    return {
        name: cut(name, 100),
        state: bounded(noProfileNotice(section, viewer) ?? stateNotice(section, viewer, badges)),
        notices: notices(section, unverified === 'hidden' ? undefined : found?.answer, viewer),
        reach,
        unverified,
        sections: [
            customerSection(person, { email, phone }, privacy, viewer),
            activitySection(answer?.activity ?? [], privacy, viewer),
            timelineSection(
                answer,
                profile.earlier,
                section.state === 'loaded' || section.state === 'failed' ? section.ref.source : undefined,
                privacy,
                viewer,
            ),
        ].filter((part) => part.fields.length > 0 || (part.entries?.length ?? 0) > 0),
        hostFields: hostFieldsSection(profile, privacy, viewer),
        technical: technicalSection(profile, person, privacy, viewer),
        footnote: [usable ? freshnessText(usable.ageMs, viewer) : undefined, privacy.maskPii ? t('panel_masked_note') : undefined].filter(Boolean).join(' '),
    };
}

/**
 * LivePerson answered that it holds no verified profile (no such participant, not signed in): that answer is the
 * first callout, since a green "verified" above it would read as a contradiction. The id's route stays in the
 * technical details.
 */
function noProfileNotice(section: LivePersonSection, viewer: Viewer): DocumentNotice | undefined {
    if (section.state === 'failed' && !section.lastKnown && isNoProfile(section.failure)) {
        return failureNotice(section.failure, viewer);
    }
    if (section.state === 'loaded' && !section.answer.profile && section.ref.source === 'messaging') {
        return { severity: 'warning', title: viewer.t('state_title_not_signed_in'), text: viewer.t('state_no_sdes') };
    }
    return undefined;
}

/** LivePerson failed now (shown under the trust state, which stays), a profile LivePerson sent in part. */
function notices(section: LivePersonSection, answer: LivePersonAnswer | undefined, viewer: Viewer): DocumentNotice[] {
    const { t } = viewer;
    const found: DocumentNotice[] = [];
    if (section.state === 'failed' && section.lastKnown) {
        const text = t('notice_not_refreshed', { reason: failureText(section.failure, viewer), age: formatAge(section.lastKnown.ageMs, viewer) });
        found.push(bounded({ severity: 'warning', title: t('notice_title_not_refreshed'), text, reference: section.failure.reference }));
    } else if (section.state === 'failed' && !noProfileNotice(section, viewer)) {
        found.push(bounded(failureNotice(section.failure, viewer)));
    }
    if (answer?.profile?.partial) found.push({ severity: 'info', title: t('notice_title_partial'), text: t('notice_partial') });
    return found;
}

const bounded = (notice: DocumentNotice): DocumentNotice => ({ ...notice, text: cut(notice.text, 600) });
