import type { IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';

import type { AppServices } from '../app/AppServices';
import type { LivePersonCall } from '../liveperson/LivePersonCall';
import type { LivePersonSection } from '../profile/VisitorProfile';
import type { AppConfig } from '../settings/AppConfig';
import type { HostVisitor } from '../visitor/HostVisitor';
import { readLinkRecord } from '../visitor/linkRecords';
import { participantChoice, type ParticipantChoice } from '../visitor/participantChoice';

/**
 * Which LivePerson consumer the visitor is, with how far that can be trusted. The link record is read only
 * where a link can exist: this app's own external id is there, or the server keeps no external ids at all.
 */
export async function identityOf(services: AppServices, persistence: IPersistenceRead, config: AppConfig, visitor: HostVisitor): Promise<ParticipantChoice> {
    const ownEntry = visitor.externalIds?.some((entry) => entry.appId === services.appId);
    const link = ownEntry || visitor.externalIds === undefined ? await readLinkRecord(persistence, visitor.id) : undefined;
    return participantChoice(visitor, {
        ownAppId: services.appId,
        accountId: config.livePerson?.accountId,
        participantAppIds: config.participantAppIds,
        participantField: config.participantField,
        sourceMode: config.livePerson?.sourceMode ?? 'auto',
        link,
    });
}

/** Never rejects, and settles within the call's deadline: every failure becomes a state the agent can read. */
export async function livePersonSection(
    services: AppServices,
    call: LivePersonCall | undefined,
    config: AppConfig,
    choice: ParticipantChoice,
    bypassCache: boolean,
): Promise<LivePersonSection> {
    if (!call) {
        return { state: config.readiness === 'notConfigured' ? 'notConfigured' : 'misconfigured' };
    }
    if (choice.kind === 'none') return { state: 'noParticipant' };
    if (choice.kind === 'invalid') return { state: 'invalidParticipant', source: choice.source };
    const identity = { ref: choice.ref, source: choice.source, trust: choice.trust };
    const lookup = await services.directory.lookup(call, choice.ref, { bypassCache });
    return lookup.ok
        ? { state: 'loaded', ...identity, profile: lookup.profile, ageMs: lookup.ageMs }
        : { state: 'failed', ...identity, failure: lookup.failure, ...(lookup.lastKnown ? { lastKnown: lookup.lastKnown } : {}) };
}
