import type { ParticipantRef } from '../liveperson/ParticipantDirectory';
import { isValidParticipantId } from '../liveperson/participantId';
import type { SourceMode } from '../settings/AppConfig';
import { targetOfEntity, type EntityTarget } from './entityIds';
import type { ExternalId, HostVisitor } from './HostVisitor';
import type { LinkRecord } from './linkRecords';

/**
 * How far the agent can trust that a LivePerson profile is this visitor's:
 * - `trusted`: a connector app the admin listed put the id there (it saw the visitor sign in);
 * - `linked`: an agent linked it, after LivePerson confirmed the id exists;
 * - `visitorEditable`: a visitor custom field holds it, and visitors can write those through the widget.
 */
export type Trust = 'trusted' | 'linked' | 'visitorEditable';

export type ParticipantSource =
    { kind: 'connector'; appId: string } | { kind: 'link'; linkedBy?: LinkRecord['linkedBy']; linkedAt?: string } | { kind: 'field'; field: string };

export type ParticipantChoice =
    { kind: 'found'; ref: ParticipantRef; source: ParticipantSource; trust: Trust } | { kind: 'invalid'; source: ParticipantSource } | { kind: 'none' };

export interface ParticipantMapping {
    ownAppId: string;
    accountId: string | undefined;
    participantAppIds: string[];
    participantField: string | undefined;
    sourceMode: SourceMode;
    /** Who linked this visitor, when an agent did (from the app's persistence). */
    link: LinkRecord | undefined;
}

const TRUST_OF: Record<ParticipantSource['kind'], Trust> = { connector: 'trusted', link: 'linked', field: 'visitorEditable' };

interface Candidate {
    target: EntityTarget | undefined;
    conversationId?: string;
    source: ParticipantSource;
}

/**
 * Which LivePerson consumer a visitor is: an agent's link first, then the external ids of the connector apps
 * the admin listed (in that order), then the visitor field if the admin named one. Field names are looked up
 * as own properties only ("constructor" is a field name, not a function), and ids are validated before use.
 */
export function participantChoice(visitor: HostVisitor, mapping: ParticipantMapping): ParticipantChoice {
    const candidates: Candidate[] = [];
    const externalIds = visitor.externalIds ?? [];
    const entity = (entry: ExternalId | { entityId: string; metadata?: Record<string, string> }, source: ParticipantSource): Candidate => ({
        target: targetOfEntity(entry.entityId, mapping.accountId, mapping.sourceMode),
        conversationId: entry.metadata && Object.hasOwn(entry.metadata, 'conversationId') ? entry.metadata.conversationId : undefined,
        source,
    });
    const linkSource: ParticipantSource = { kind: 'link', linkedBy: mapping.link?.linkedBy, linkedAt: mapping.link?.linkedAt };
    const own = externalIds.find((entry) => entry.appId === mapping.ownAppId);
    if (mapping.link) {
        candidates.push(entity({ entityId: mapping.link.entityId }, linkSource));
    } else if (own) {
        candidates.push(entity(own, linkSource));
    }
    for (const appId of mapping.participantAppIds) {
        for (const entry of externalIds.filter((candidate) => candidate.appId === appId && appId !== mapping.ownAppId)) {
            candidates.push(entity(entry, { kind: 'connector', appId }));
        }
    }
    const field = mapping.participantField;
    if (field) {
        const value = ownValue(visitor.livechatData, field) ?? ownValue(visitor.customFields, field);
        candidates.push({
            target: value === undefined ? undefined : { source: mapping.sourceMode === 'messaging' ? 'messaging' : 'chat', id: value },
            source: { kind: 'field', field },
        });
    }

    let invalid: ParticipantSource | undefined;
    for (const candidate of candidates) {
        const id = candidate.target?.id.trim();
        if (!candidate.target || !id) continue;
        const conversationId = candidate.conversationId?.trim();
        if (!isValidParticipantId(id) || (conversationId && !isValidParticipantId(conversationId))) {
            invalid ??= candidate.source;
            continue;
        }
        const ref: ParticipantRef =
            candidate.target.source === 'chat'
                ? { source: 'chat', participantId: id }
                : { source: 'messaging', consumerId: id, ...(conversationId ? { conversationId } : {}) };
        return { kind: 'found', ref, source: candidate.source, trust: TRUST_OF[candidate.source.kind] };
    }
    return invalid ? { kind: 'invalid', source: invalid } : { kind: 'none' };
}

const ownValue = (record: Record<string, string>, key: string): string | undefined =>
    Object.hasOwn(record, key) && typeof record[key] === 'string' ? record[key] : undefined;
