import type { SourceMode } from '../settings/AppConfig';

/**
 * How LivePerson ids are written into visitors' external ids. Rocket.Chat matches an entity id written by any
 * app, so this app namespaces what it writes: `lp:<account>:<participantId>` for a chat participant,
 * `lp:<account>:msg:<consumerId>` for a messaging consumer. Other apps may write raw ids.
 */
const NAMESPACE = 'lp';
const MESSAGING = 'msg';
/** What `/visitorinfo unlink` leaves behind: the host offers no removal, and an entity id must stay unique. */
const UNLINKED = `${NAMESPACE}:unlinked:`;

export type EntityTarget = { source: 'chat'; id: string } | { source: 'messaging'; id: string };

export const linkedEntityId = (accountId: string, target: EntityTarget): string =>
    target.source === 'chat' ? `${NAMESPACE}:${accountId}:${target.id}` : `${NAMESPACE}:${accountId}:${MESSAGING}:${target.id}`;

export const unlinkedEntityId = (visitorId: string): string => `${UNLINKED}${visitorId}`;
export const isUnlinkedEntityId = (entityId: string): boolean => entityId.startsWith(UNLINKED);

/**
 * What an entity id points at: a namespaced id of this account, or a raw id (a messaging consumer when the
 * admin says LivePerson is Messaging, else a chat participant). Another account's entry, a marker, or a
 * messaging id while the admin chose chat point at nothing.
 */
export function targetOfEntity(entityId: string, accountId: string | undefined, mode: SourceMode): EntityTarget | undefined {
    if (isUnlinkedEntityId(entityId)) return undefined;
    if (!entityId.startsWith(`${NAMESPACE}:`)) return { source: mode === 'messaging' ? 'messaging' : 'chat', id: entityId };
    const match = /^lp:(\d+):(?:(msg):)?(.+)$/.exec(entityId);
    if (!match || match[1] !== accountId) return undefined;
    if (match[2] === MESSAGING) return mode === 'chat' ? undefined : { source: 'messaging', id: match[3] };
    return { source: 'chat', id: match[3] };
}

/**
 * An id a person or a website wrote (`/visitorinfo link`, a signed id's subject): `msg:<consumerId>` is a
 * messaging consumer, anything else as the mode says. A messaging id while the admin chose chat points at
 * nothing, as it does in an external id.
 */
export function targetOfTypedId(typed: string, mode: SourceMode): EntityTarget | undefined {
    const messaging = /^msg:(.+)$/i.exec(typed);
    if (messaging) return mode === 'chat' ? undefined : { source: 'messaging', id: messaging[1] };
    return { source: mode === 'messaging' ? 'messaging' : 'chat', id: typed };
}
