import type { LivePersonFailure } from '../liveperson/failures';
import type { LivePersonSection } from '../profile/VisitorProfile';
import type { ParticipantSource } from '../visitor/participantChoice';
import { formatAge, formatDateTime, type Reader } from './formatting';
import type { DocumentNotice } from './ProfileDocument';

/** Failures that are about the consumer, not about LivePerson or the app: no reference to look up. */
const NOT_A_FAILURE = new Set<LivePersonFailure['kind']>(['notFound', 'notAuthenticated']);

/**
 * The header's state: how far the profile can be trusted or why there is none, at a severity an agent reads
 * at a glance (a verified profile is a success, anything the agent should doubt a warning, a failure danger).
 */
export function stateNotice(section: LivePersonSection, reader: Reader, badges: string[]): DocumentNotice {
    const { t } = reader;
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
                text: t('state_invalid_participant', { source: sourceText(section.source, reader) }),
            };
        case 'loaded':
            return trustNotice(section, reader, badges);
        case 'failed':
            if (section.lastKnown) {
                return trustNotice({ ...section, state: 'loaded', profile: section.lastKnown.profile, ageMs: section.lastKnown.ageMs }, reader, badges);
            }
            return failureNotice(section.failure, reader);
    }
}

function trustNotice(section: Extract<LivePersonSection, { state: 'loaded' }>, reader: Reader, badges: string[]): DocumentNotice {
    const { t } = reader;
    // The customer's type and status first ("VIP · Cancelled"), then the sentence about where the id came from.
    const text = (sentence?: string) => [badges.join(' · '), sentence].filter(Boolean).join('. ');
    switch (section.trust) {
        case 'trusted':
            return { severity: 'success', title: t('state_title_verified'), text: text() || t('state_verified') };
        case 'linked':
            return { severity: 'info', title: t('state_title_linked'), text: text(linkedByText(section.source, reader)) };
        case 'visitorEditable':
            return { severity: 'warning', title: t('state_title_visitor_editable'), text: text(t('state_visitor_editable')) };
    }
}

function failureNotice(failure: LivePersonFailure, reader: Reader): DocumentNotice {
    const { t } = reader;
    const reference = NOT_A_FAILURE.has(failure.kind) ? undefined : failure.correlationId;
    switch (failure.kind) {
        case 'notAuthenticated':
            return {
                severity: 'warning',
                title: t('state_title_not_signed_in'),
                text: failure.step === 'messagingHistory' ? t('state_no_sdes') : t('state_not_authenticated'),
            };
        case 'notFound':
            return {
                severity: 'warning',
                title: t('state_title_not_found'),
                text: failure.step === 'messagingHistory' ? t('state_no_conversation') : t('state_not_found'),
            };
        default:
            return { severity: 'danger', title: t('state_title_unavailable'), text: failureText(failure, reader), reference };
    }
}

/** The one sentence for a failure: what happened and what to do. */
export function failureText(failure: LivePersonFailure, reader: Reader): string {
    const { t } = reader;
    const seconds = Math.max(1, failure.retryAfterSeconds ?? 1);
    switch (failure.kind) {
        case 'misconfigured':
            return t('state_misconfigured');
        case 'auth':
            return failure.notSent && failure.retryAfterSeconds ? t('state_auth_held_back', { minutes: Math.ceil(seconds / 60) }) : t('state_auth');
        case 'forbidden':
            return t('state_forbidden');
        case 'notFound':
            return t('state_not_found');
        case 'notAuthenticated':
            return t('state_not_authenticated');
        case 'rateLimited':
            return t('state_rate_limited', { seconds });
        case 'timeout':
            return t('state_timeout');
        case 'unavailable':
            return failure.retryAfterSeconds ? t('state_unavailable_paused', { seconds }) : t('state_unavailable');
        case 'invalidResponse':
            return t('state_invalid_response');
    }
}

export function sourceText(source: ParticipantSource, reader: Reader): string {
    const { t } = reader;
    switch (source.kind) {
        case 'link':
            return t('source_link');
        case 'connector':
            return t('source_connector', { appId: source.appId });
        case 'field':
            return t('source_field', { field: source.field });
    }
}

function linkedByText(source: ParticipantSource, reader: Reader): string {
    if (source.kind !== 'link' || !source.linkedBy) return reader.t('state_linked_unknown');
    const who = source.linkedBy.name || source.linkedBy.username;
    const when = formatDateTime(source.linkedAt, reader);
    return when ? reader.t('state_linked_by_at', { who, when }) : reader.t('state_linked_by', { who });
}

/** "From LivePerson just now", "From LivePerson 3 minutes ago". */
export const freshnessText = (ageMs: number, reader: Reader): string => reader.t('panel_freshness', { age: formatAge(ageMs, reader) });
