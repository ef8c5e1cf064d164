import { isValidParticipantId } from '../liveperson/participantId';
import type { HostVisitor } from './HostVisitor';

export type ParticipantSource = { kind: 'link' } | { kind: 'externalId'; appId: string } | { kind: 'field'; field: string };

export type ParticipantChoice =
    | { kind: 'found'; participantId: string; source: ParticipantSource }
    | { kind: 'invalid'; source: ParticipantSource }
    | { kind: 'none' };

export interface ParticipantMapping {
    ownAppId: string;
    accountId: string | undefined;
    participantAppIds: string[];
    participantField: string | undefined;
}

const NAMESPACE = 'lp';
/** What `/visitorinfo unlink` leaves behind: the host offers no removal, and an entity id must stay unique. */
const UNLINKED = `${NAMESPACE}:unlinked:`;

export const linkedEntityId = (accountId: string, participantId: string): string => `${NAMESPACE}:${accountId}:${participantId}`;
export const unlinkedEntityId = (visitorId: string): string => `${UNLINKED}${visitorId}`;
export const isUnlinkedEntityId = (entityId: string): boolean => entityId.startsWith(UNLINKED);

/** An entity id is a raw participant id or `lp:<accountId>:<participantId>`; another account's entry is not ours. */
export function participantIdFromEntity(entityId: string, accountId: string | undefined): string | undefined {
    if (isUnlinkedEntityId(entityId)) {
        return undefined;
    }
    if (!entityId.startsWith(`${NAMESPACE}:`)) {
        return entityId;
    }
    const match = /^lp:(\d+):(.+)$/.exec(entityId);
    return match && match[1] === accountId ? match[2] : undefined;
}

/**
 * Which LivePerson participant a visitor is: this app's own link first, then the external ids of the apps
 * the admin listed (in that order), then the visitor field. Values a visitor could have typed are validated.
 */
export function participantIdFor(visitor: HostVisitor, mapping: ParticipantMapping): ParticipantChoice {
    const candidates: Array<{ value: string | undefined; source: ParticipantSource }> = [];
    const externalIds = visitor.externalIds ?? [];
    const own = externalIds.find((entry) => entry.appId === mapping.ownAppId);
    if (own) {
        candidates.push({ value: participantIdFromEntity(own.entityId, mapping.accountId), source: { kind: 'link' } });
    }
    for (const appId of mapping.participantAppIds) {
        for (const entry of externalIds.filter((candidate) => candidate.appId === appId && appId !== mapping.ownAppId)) {
            candidates.push({ value: participantIdFromEntity(entry.entityId, mapping.accountId), source: { kind: 'externalId', appId } });
        }
    }
    if (mapping.participantField) {
        const field = mapping.participantField;
        candidates.push({ value: visitor.livechatData[field] ?? visitor.customFields[field], source: { kind: 'field', field } });
    }

    let invalid: ParticipantSource | undefined;
    for (const candidate of candidates) {
        const value = candidate.value?.trim();
        if (!value) {
            continue;
        }
        if (isValidParticipantId(value)) {
            return { kind: 'found', participantId: value, source: candidate.source };
        }
        invalid ??= candidate.source;
    }
    return invalid ? { kind: 'invalid', source: invalid } : { kind: 'none' };
}
