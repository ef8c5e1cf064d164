import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';

import { accessToRoomVisitor } from '../access/visitorAccess';
import type { AppRuntime } from '../AppRuntime';
import type { Translate } from '../i18n/translator';
import { participantIdProblem } from '../liveperson/participantId';
import type { AppConfig } from '../settings/AppConfig';
import type { Accessors } from '../handlers/Accessors';
import { rolesText } from '../handlers/showVisitor';
import { isUnlinkedEntityId, linkedEntityId, unlinkedEntityId } from '../visitor/participantIdFor';
import { readHostVisitor } from '../visitor/readHostVisitor';
import { roomVisitor } from '../visitor/roomVisitor';
import { certainlyLacksExternalIds, updateOwnExternalId, type ExternalIdWrite } from '../visitor/updateOwnExternalId';

export interface LinkRequest {
    user: IUser;
    room: IRoom;
    /** Undefined for unlink. */
    participantId: string | undefined;
    unlink: boolean;
}

/**
 * Stores (or removes) this app's own external id entry on the room's visitor. The entry is namespaced
 * (`lp:<account>:<participant>`) because the host matches entity ids across apps, and its metadata holds
 * no personal data because every `view-l-room` holder can read it.
 */
export async function linkParticipant(runtime: AppRuntime, accessors: Accessors, config: AppConfig, t: Translate, request: LinkRequest): Promise<string> {
    const inRoom = roomVisitor(request.room);
    if (!inRoom?.visitorId) {
        return t('msg_link_needs_room');
    }
    if (accessToRoomVisitor(request.user, inRoom.servedById, config.allowedRoles) === 'denied') {
        return t('msg_not_allowed', { roles: rolesText(config, t) });
    }
    const accountId = config.livePerson?.accountId;
    if (!request.unlink) {
        if (!request.participantId) {
            return t('msg_link_missing_id');
        }
        if (participantIdProblem(request.participantId)) {
            return t('msg_link_invalid_id');
        }
        if (!accountId) {
            return t('msg_link_needs_account');
        }
    }

    const updater = accessors.modify.getUpdater().getLivechatUpdater();
    if (certainlyLacksExternalIds(updater)) {
        return outcomeText('unsupported', t, config, request);
    }
    let entityId: string;
    if (request.unlink) {
        const host = await readHostVisitor(accessors.read, inRoom.visitorId);
        const own = host?.visitor.externalIds?.find((entry) => entry.appId === runtime.appId);
        if (host && (!own || isUnlinkedEntityId(own.entityId))) {
            return t('msg_nothing_to_unlink');
        }
        // The host offers no removal: the entry is replaced by a per-visitor marker the app ignores.
        entityId = unlinkedEntityId(inRoom.visitorId);
    } else {
        entityId = linkedEntityId(accountId as string, request.participantId as string);
    }
    const outcome = await updateOwnExternalId(updater, inRoom.visitorId, {
        entityId,
        metadata: { [request.unlink ? 'unlinkedAt' : 'linkedAt']: new Date().toISOString() },
    });
    return outcomeText(outcome, t, config, request);
}

function outcomeText(outcome: ExternalIdWrite, t: Translate, config: AppConfig, request: LinkRequest): string {
    switch (outcome) {
        case 'stored':
            return request.unlink ? t('msg_unlinked') : t('msg_linked', { participantId: request.participantId ?? '' });
        case 'unsupported':
            return config.participantField ? t('msg_link_unsupported', { field: config.participantField }) : t('msg_link_unsupported_no_field');
        case 'visitorNotFound':
        case 'failed':
            return t('msg_link_failed');
    }
}
