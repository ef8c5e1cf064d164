import type { Translate } from '../i18n/translator';
import type { LivePersonFailure } from '../liveperson/LivePersonFailure';
import type { LivePersonSection } from '../profile/VisitorProfile';
import type { ParticipantSource } from '../visitor/participantIdFor';

/** The one sentence an agent reads when LivePerson has nothing to show: what happened and what to do. */
export function livePersonStateText(section: LivePersonSection, t: Translate): string | undefined {
    switch (section.state) {
        case 'notConfigured':
            return t('state_not_configured');
        case 'misconfigured':
            return t('state_misconfigured');
        case 'noParticipant':
            return t('state_no_participant');
        case 'invalidParticipant':
            return t('state_invalid_participant', { source: sourceText(section.source, t) });
        case 'failed':
            return failureText(section.failure, t);
        case 'loaded':
            return undefined;
    }
}

export function failureText(failure: LivePersonFailure, t: Translate): string {
    switch (failure.kind) {
        case 'misconfigured':
            return t('state_misconfigured');
        case 'auth':
            return t('state_auth');
        case 'forbidden':
            return t('state_forbidden');
        case 'notFound':
            return t('state_not_found');
        case 'notAuthenticated':
            return t('state_not_authenticated');
        case 'rateLimited':
            return t('state_rate_limited', { seconds: Math.max(1, failure.retryAfterSeconds ?? 1) });
        case 'timeout':
            return t('state_timeout');
        case 'unavailable':
            return failure.retryAfterSeconds ? t('state_unavailable_paused', { seconds: failure.retryAfterSeconds }) : t('state_unavailable');
        case 'invalidResponse':
            return t('state_invalid_response');
    }
}

export function sourceText(source: ParticipantSource, t: Translate): string {
    switch (source.kind) {
        case 'link':
            return t('source_link');
        case 'externalId':
            return t('source_external_id', { appId: source.appId });
        case 'field':
            return t('source_field', { field: source.field });
    }
}
