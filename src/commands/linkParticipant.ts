import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';

import type { AppServices } from '../app/AppServices';
import type { HostAccess } from '../hostAccess';
import { BUDGETS, newCall } from '../liveperson/call';
import { isValidParticipantId, refOf } from '../liveperson/model';
import type { AppConfig } from '../settings/AppConfig';
import type { Viewer } from '../ui/formatting';
import { failureText } from '../ui/stateNotice';
import { hasAllowedRole } from '../visitor/access';
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
 * Links the room's visitor to a LivePerson id, once LivePerson confirms the id exists: who linked and when go
 * to the app's persistence, the id itself to this app's own external id entry where the server keeps them
 * (Rocket.Chat 8.4+). The entry is namespaced (`lp:<account>:<id>`) because the host matches entity ids across
 * apps, and holds no personal data because every `view-l-room` holder can read it. Vouching for an identity is
 * a supervisor's act: only the roles the admin allows may link or unlink, not the agent serving the room.
 */
export async function linkParticipant(
    services: AppServices,
    host: Required<HostAccess>,
    config: AppConfig,
    viewer: Viewer,
    request: LinkRequest,
): Promise<string> {
    const { t } = viewer;
    const inRoom = roomVisitor(request.room);
    if (!inRoom?.visitorId) return t('msg_link_needs_room');
    if (!hasAllowedRole(request.user, config.allowedRoles)) return t('msg_link_supervisors_only');
    return request.unlink ? unlink(services, host, viewer, inRoom.visitorId) : link(services, host, config, viewer, request, inRoom.visitorId);
}

async function link(
    services: AppServices,
    host: Required<HostAccess>,
    config: AppConfig,
    viewer: Viewer,
    request: LinkRequest,
    visitorId: string,
): Promise<string> {
    const { t } = viewer;
    const typed = request.participantId;
    if (!typed) return t('msg_link_missing_id');
    if (!config.livePerson) return t('msg_link_needs_account');
    const call = newCall(host, config.livePerson, BUDGETS.background);
    const target = targetOfTypedId(typed, call.settings.sourceMode);
    // The panel would not read a Messaging link while the admin chose chat: none is made.
    if (!target) return t('msg_link_messaging_in_chat');
    if (!isValidParticipantId(target.id)) return t('msg_link_invalid_id');

    // An id nobody checked would be presented as a profile a supervisor vouched for.
    const check = await services.directory.lookup(call, refOf(target), 'refresh');
    if (!check.ok && check.failure.kind === 'notFound') return t('msg_link_not_found', { participantId: target.id });
    if (!check.ok && check.failure.kind !== 'notAuthenticated') {
        return t('msg_link_not_checked', { reason: failureText(check.failure, viewer), reference: check.failure.reference });
    }

    const entityId = linkedEntityId(call.settings.accountId, target);
    const linkedAt = new Date().toISOString();
    await saveLinkRecord(host.persis, {
        visitorId,
        entityId,
        linkedBy: { id: request.user.id, username: request.user.username, ...(request.user.name ? { name: request.user.name } : {}) },
        linkedAt,
    });
    const outcome = await updateOwnExternalId(host.modify.getUpdater().getLivechatUpdater(), visitorId, { entityId, metadata: { linkedAt } });
    if (outcome === 'visitorNotFound' || outcome === 'failed') {
        // A server that keeps external ids but refused this one: the panel reads links from there, so keep none.
        await removeLinkRecord(host.persis, visitorId);
        return t('msg_link_failed');
    }
    return t(outcome === 'stored' ? 'msg_linked' : 'msg_linked_app_only', { participantId: target.id });
}

async function unlink(services: AppServices, host: Required<HostAccess>, viewer: Viewer, visitorId: string): Promise<string> {
    const { t } = viewer;
    const record = await readLinkRecord(host.read.getPersistenceReader(), visitorId);
    const found = await readHostVisitor(host.read, visitorId);
    const own = found?.visitor.externalIds?.find((entry) => entry.appId === services.appId && !isUnlinkedEntityId(entry.entityId));
    if (!record && !own) return t('msg_nothing_to_unlink');
    await removeLinkRecord(host.persis, visitorId);
    if (own) {
        // The host offers no removal: the entry is replaced by a per-visitor marker the app ignores.
        const outcome = await updateOwnExternalId(host.modify.getUpdater().getLivechatUpdater(), visitorId, {
            entityId: unlinkedEntityId(visitorId),
            metadata: { unlinkedAt: new Date().toISOString() },
        });
        if (outcome !== 'stored') return t('msg_link_failed');
    }
    return t('msg_unlinked');
}
