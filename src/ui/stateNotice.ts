import type { MessageKey } from '../i18n/languages';
import type { LivePersonFailure } from '../liveperson/failures';
import type { LivePersonSection } from '../profile/VisitorProfile';
import type { ParticipantSource } from '../visitor/participantChoice';
import { formatAge, formatDateTime, type Viewer } from './formatting';
import type { DocumentNotice } from './ProfileDocument';

/**
 * The first callout: how far the LivePerson identity can be trusted, at a severity an agent reads at a glance
 * (verified is a success, a supervisor's link information, anything to doubt a warning). It depends on where
 * the id came from, not on whether LivePerson answered: a failure is a second callout beneath it.
 */
export function stateNotice(section: LivePersonSection, viewer: Viewer, badges: string[]): DocumentNotice {
    const { t } = viewer;
    // The customer's type and status first ("VIP · Cancelled"), then the sentence about where the id came from.
    const text = (sentence: string) => [badges.join(' · '), sentence].filter(Boolean).join('. ');
    switch (section.state) {
        case 'notConfigured':
            return { severity: 'warning', title: t('state_title_not_set_up'), text: t('state_not_configured') };
        case 'misconfigured':
            return { severity: 'warning', title: t('state_title_not_set_up'), text: t('state_misconfigured') };
        case 'noParticipant':
            return { severity: 'info', title: t('state_title_not_linked'), text: t('state_no_participant') };
        case 'invalidParticipant':
            return {
                severity: 'warning',
                title: t('state_title_unusable_id'),
                text: t('state_invalid_participant', { source: sourceText(section.source, viewer) }),
            };
    }
    switch (section.trust) {
        case 'trusted':
            return { severity: 'success', title: t('state_title_verified'), text: text(t('state_verified')) };
        case 'signed':
            return { severity: 'success', title: t('state_title_signed'), text: text(t('state_signed')) };
        case 'linked':
            return { severity: 'info', title: t('state_title_linked'), text: text(linkedByText(section.source, viewer)) };
        case 'visitorEditable':
            return { severity: 'warning', title: t('state_title_visitor_editable'), text: text(t('state_visitor_editable')) };
    }
}

/** The second callout when LivePerson gave no answer this time: what happened, and what the agent can do. */
export function failureNotice(failure: LivePersonFailure, viewer: Viewer): DocumentNotice {
    const { t } = viewer;
    const messaging = failure.step === 'messagingHistory';
    if (failure.kind === 'notAuthenticated')
        return { severity: 'warning', title: t('state_title_not_signed_in'), text: t(messaging ? 'state_no_sdes' : 'state_not_authenticated') };
    if (failure.kind === 'notFound')
        return { severity: 'warning', title: t('state_title_not_found'), text: t(messaging ? 'state_no_conversation' : 'state_not_found') };
    // Only real failures carry a reference: the one in the app's log line.
    return { severity: 'danger', title: t('state_title_unavailable'), text: failureText(failure, viewer), reference: failure.reference };
}

/** The one sentence for a failure, for the agent who reads it: what happened and what they can do now. */
export function failureText(failure: LivePersonFailure, viewer: Viewer): string {
    const { t } = viewer;
    const seconds = Math.max(1, failure.retryAfterSeconds ?? 1);
    const key: MessageKey = {
        misconfigured: 'state_misconfigured_agent',
        auth: 'state_auth',
        heldBack: 'state_held_back',
        forbidden: 'state_forbidden',
        notFound: 'state_not_found',
        notAuthenticated: 'state_not_authenticated',
        rateLimited: 'state_rate_limited',
        timeout: 'state_timeout',
        unavailable: 'state_unavailable',
        paused: failure.cause === 'rateLimited' ? 'state_rate_limited' : 'state_unavailable_paused',
        invalidResponse: 'state_invalid_response',
    }[failure.kind] as MessageKey;
    return t(key, { seconds, minutes: Math.ceil(seconds / 60) });
}

export function sourceText(source: ParticipantSource, viewer: Viewer): string {
    const { t } = viewer;
    switch (source.kind) {
        case 'link':
            return t('source_link');
        case 'connector':
            return t('source_connector', { appId: source.appId });
        case 'signedField':
            return t('source_signed_field', { field: source.field });
        case 'field':
            return source.signature
                ? `${t('source_field', { field: source.field })}: ${t(`signature_${source.signature}` as MessageKey)}`
                : t('source_field', { field: source.field });
    }
}

function linkedByText(source: ParticipantSource, viewer: Viewer): string {
    if (source.kind !== 'link' || !source.linkedBy) return viewer.t('state_linked_unknown');
    const who = source.linkedBy.name || source.linkedBy.username;
    const when = formatDateTime(source.linkedAt, viewer);
    return when ? viewer.t('state_linked_by_at', { who, when }) : viewer.t('state_linked_by', { who });
}

/** "From LivePerson just now", "From LivePerson 3 minutes ago". */
export const freshnessText = (ageMs: number, viewer: Viewer): string => viewer.t('panel_freshness', { age: formatAge(ageMs, viewer) });
