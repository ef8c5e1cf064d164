import type { IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';

import type { LivePersonCall } from '../liveperson/call';
import type { Directory, LookupMode } from '../liveperson/Directory';
import type { AppConfig } from '../settings/AppConfig';
import type { HostVisitor } from '../visitor/HostVisitor';
import { readLinkRecord } from '../visitor/linkRecords';
import { participantChoice, type ParticipantChoice } from '../visitor/participantChoice';
import type { LivePersonSection } from './VisitorProfile';

/**
 * Which LivePerson consumer the visitor is, with how far that can be trusted. The link record is read only
 * where a link can exist: this app's own external id is there, or the server keeps no external ids at all.
 */
export async function identityOf(appId: string, persistence: IPersistenceRead, config: AppConfig, visitor: HostVisitor): Promise<ParticipantChoice> {
    const ownEntry = visitor.externalIds?.some((entry) => entry.appId === appId);
    const link = ownEntry || visitor.externalIds === undefined ? await readLinkRecord(persistence, visitor.id) : undefined;
    return participantChoice(visitor, {
        ownAppId: appId,
        accountId: config.livePerson?.accountId,
        participantAppIds: config.participantAppIds,
        participantField: config.participantField,
        signingSecret: config.signingSecret,
        sourceMode: config.livePerson?.sourceMode ?? 'auto',
        link,
        nowMs: Date.now(),
    });
}

/** Never rejects, and settles within the call's time: every failure becomes a state the agent can read. */
export async function livePersonSection(
    directory: Directory,
    call: LivePersonCall | undefined,
    config: AppConfig,
    choice: ParticipantChoice,
    mode: LookupMode,
): Promise<LivePersonSection> {
    if (!call) return { state: config.readiness === 'notConfigured' ? 'notConfigured' : 'misconfigured' };
    if (choice.kind === 'none') return { state: 'noParticipant' };
    if (choice.kind === 'invalid') return { state: 'invalidParticipant', source: choice.source };
    const identity = { ref: choice.ref, source: choice.source, trust: choice.trust };
    const lookup = await directory.lookup(call, choice.ref, mode);
    return lookup.ok
        ? { state: 'loaded', ...identity, answer: lookup.answer, ageMs: lookup.ageMs }
        : { state: 'failed', ...identity, failure: lookup.failure, ...(lookup.lastKnown ? { lastKnown: lookup.lastKnown } : {}) };
}
