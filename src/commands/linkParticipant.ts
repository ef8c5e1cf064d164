import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';

import { accessToRoomVisitor } from '../access/visitorAccess';
import type { Accessors } from '../app/Accessors';
import type { AppServices } from '../app/AppServices';
import { livePersonCall } from '../app/calls';
import type { Translate } from '../i18n/translator';
import type { ParticipantRef } from '../liveperson/ParticipantDirectory';
import { participantIdProblem } from '../liveperson/participantId';
import { TIMES } from '../liveperson/sessionPolicy';
import type { AppConfig } from '../settings/AppConfig';
import { failureText } from '../ui/stateNotice';
import type { Reader } from '../ui/formatting';
import { isUnlinkedEntityId, linkedEntityId, targetOfTypedId, unlinkedEntityId } from '../visitor/entityIds';
import { readLinkRecord, removeLinkRecord, saveLinkRecord } from '../visitor/linkRecords';
import { readHostVisitor } from '../visitor/readHostVisitor';
import { roomVisitor } from '../visitor/roomVisitor';
import { updateOwnExternalId } from '../visitor/updateOwnExternalId';

export interface LinkRequest {
    user: IUser;
    room: IRoom;
    /** Undefined for unlink. */
    participantId: string | undefined;
    unlink: boolean;
}

/**
 * Links the room's visitor to a LivePerson id an agent gives, once LivePerson confirms the id exists: who linked
 * and when go to the app's persistence, the id itself to this app's own external id entry where the server keeps
 * them (Rocket.Chat 8.4+). The entry is namespaced (`lp:<account>:<id>`) because the host matches entity ids
 * across apps, and holds no personal data because every `view-l-room` holder can read it.
 */
export async function linkParticipant(services: AppServices, accessors: Accessors, config: AppConfig, reader: Reader, request: LinkRequest): Promise<string> {
    const { t } = reader;
    const inRoom = roomVisitor(request.room);
    if (!inRoom?.visitorId) return t('msg_link_needs_room');
    if (accessToRoomVisitor(request.user, inRoom.servedById, config.allowedRoles) === 'denied') return t('msg_not_allowed');
    const visitorId = inRoom.visitorId;
    return request.unlink ? unlink(services, accessors, t, visitorId) : link(services, accessors, config, reader, request, visitorId);
}

async function link(services: AppServices, accessors: Accessors, config: AppConfig, reader: Reader, request: LinkRequest, visitorId: string): Promise<string> {
    const { t } = reader;
    const typed = request.participantId;
    if (!typed) return t('msg_link_missing_id');
    const call = livePersonCall(accessors, config, TIMES.backgroundBudget);
    if (!call) return t('msg_link_needs_account');
    const target = targetOfTypedId(typed, call.settings.sourceMode);
    if (participantIdProblem(target.id)) return t('msg_link_invalid_id');

    // An id nobody checked would be presented as a profile an agent vouched for.
    const ref: ParticipantRef = target.source === 'chat' ? { source: 'chat', participantId: target.id } : { source: 'messaging', consumerId: target.id };
    const check = await services.directory.lookup(call, ref, { bypassCache: true });
    if (!check.ok && check.failure.kind === 'notFound') return t('msg_link_not_found', { participantId: target.id });
    if (!check.ok && check.failure.kind !== 'notAuthenticated') {
        return t('msg_link_not_checked', { reason: failureText(check.failure, reader), reference: check.failure.correlationId });
    }

    const entityId = linkedEntityId(call.settings.accountId, target);
    await saveLinkRecord(accessors.persis, {
        visitorId,
        entityId,
        linkedBy: { id: request.user.id, username: request.user.username, ...(request.user.name ? { name: request.user.name } : {}) },
        linkedAt: new Date().toISOString(),
    });
    const outcome = await updateOwnExternalId(accessors.modify.getUpdater().getLivechatUpdater(), visitorId, {
        entityId,
        metadata: { linkedAt: new Date().toISOString() },
    });
    if (outcome === 'visitorNotFound' || outcome === 'failed') {
        // A server that keeps external ids but refused this one: the panel reads links from there, so keep none.
        await removeLinkRecord(accessors.persis, visitorId);
        return t('msg_link_failed');
    }
    return outcome === 'stored' ? t('msg_linked', { participantId: target.id }) : t('msg_linked_app_only', { participantId: target.id });
}

async function unlink(services: AppServices, accessors: Accessors, t: Translate, visitorId: string): Promise<string> {
    const record = await readLinkRecord(accessors.read.getPersistenceReader(), visitorId);
    const host = await readHostVisitor(accessors.read, visitorId);
    const own = host?.visitor.externalIds?.find((entry) => entry.appId === services.appId && !isUnlinkedEntityId(entry.entityId));
    if (!record && !own) return t('msg_nothing_to_unlink');
    await removeLinkRecord(accessors.persis, visitorId);
    if (own) {
        // The host offers no removal: the entry is replaced by a per-visitor marker the app ignores.
        const outcome = await updateOwnExternalId(accessors.modify.getUpdater().getLivechatUpdater(), visitorId, {
            entityId: unlinkedEntityId(visitorId),
            metadata: { unlinkedAt: new Date().toISOString() },
        });
        if (outcome !== 'stored') return t('msg_link_failed');
    }
    return t('msg_unlinked');
}
