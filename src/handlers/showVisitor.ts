import type { IUIKitSurfaceViewParam } from '@rocket.chat/apps-engine/definition/accessors';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { UIKitSurfaceType } from '@rocket.chat/apps-engine/definition/uikit/IUIKitSurface';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';

import { accessToRoomVisitor, hasAllowedRole } from '../access/visitorAccess';
import type { Accessors } from '../app/Accessors';
import type { AppServices } from '../app/AppServices';
import { livePersonCall } from '../app/calls';
import type { MessageKey } from '../i18n/languages';
import { readerFor } from '../i18n/readerFor';
import { panelViewId } from '../ids';
import type { VisitorProfile } from '../profile/VisitorProfile';
import type { AppConfig } from '../settings/AppConfig';
import { buildProfileDocument } from '../ui/buildProfileDocument';
import { messageOf, profileMessage } from '../ui/messageBlocks';
import { panelBlocks } from '../ui/panelBlocks';
import { readHostVisitor } from '../visitor/readHostVisitor';
import { roomVisitor } from '../visitor/roomVisitor';
import { notifyPrivately } from './notifyPrivately';
import { encodePanelTarget, type PanelTarget } from './panelTarget';
import { identityOf, livePersonSection } from './profileLookup';

/**
 * Rocket.Chat's web client accepts one surface per trigger, and only within 5 s of the click: the panel is
 * opened once, complete, so LivePerson gets whatever is left of this window (and never more than the
 * admin's time limit). Counted from the handler's start; the second kept back covers the trip from the
 * click to the server, building the view and opening it.
 */
const PANEL_WINDOW_MS = 4000;

type VisitorTarget = { kind: 'room'; room: IRoom | undefined } | { kind: 'id'; visitorId: string };

export interface ShowVisitorRequest {
    user: IUser;
    target: VisitorTarget;
    /** Where refusals and the no-panel fallback are said privately. */
    replyRoom: IRoom | undefined;
    /** Without one (some mobile clients) the profile arrives as a private message instead of a panel. */
    triggerId: string | undefined;
    bypassCache: boolean;
    surface: 'open' | 'update';
    /** The technical details open (the toggle's state). */
    details: boolean;
    /** When the host handed the click to the app (Date.now()): the panel's time window started then. */
    receivedAt: number;
}

type Resolved = { visitorId: string; roomId?: string } | { refusal: MessageKey };

export async function showVisitor(services: AppServices, accessors: Accessors, request: ShowVisitorRequest): Promise<void> {
    const config = await services.config.current(accessors.read.getEnvironmentReader().getSettings());
    const reader = await readerFor(request.user, accessors.read, services.config);
    const say = async (text: string) => {
        if (request.replyRoom) await notifyPrivately(accessors, request.user, request.replyRoom, messageOf(text));
    };

    const resolved = resolveTarget(request, config);
    if ('refusal' in resolved) {
        return say(reader.t(resolved.refusal));
    }
    const host = await readHostVisitor(accessors.read, resolved.visitorId);
    if (!host) {
        return say(request.target.kind === 'id' ? reader.t('msg_visitor_not_found', { visitorId: resolved.visitorId }) : reader.t('msg_room_without_visitor'));
    }
    const choice = await identityOf(services, accessors.read.getPersistenceReader(), config, host.visitor);
    const budgetMs = Math.max(0, Math.min(config.timeoutMs, PANEL_WINDOW_MS - (Date.now() - request.receivedAt)));
    const call = livePersonCall(accessors, config, budgetMs);
    const profile: VisitorProfile = { ...host, livePerson: await livePersonSection(services, call, config, choice, request.bypassCache) };
    const document = buildProfileDocument(profile, config, reader);
    const referenceLabel = (reference: string) => reader.t('panel_reference', { reference });

    if (!request.triggerId) {
        return request.replyRoom
            ? notifyPrivately(accessors, request.user, request.replyRoom, profileMessage(document, reader.t('msg_no_trigger'), referenceLabel))
            : undefined;
    }
    const target: PanelTarget = resolved.roomId
        ? { by: 'room', roomId: resolved.roomId, visitorId: host.visitor.id, details: request.details }
        : { by: 'id', visitorId: host.visitor.id, details: request.details };
    const view: IUIKitSurfaceViewParam = {
        id: panelViewId(host.visitor.id),
        type: UIKitSurfaceType.CONTEXTUAL_BAR,
        title: { type: 'plain_text', text: document.title },
        blocks: panelBlocks(document, {
            appId: services.appId,
            refreshLabel: reader.t('panel_refresh'),
            detailsLabel: reader.t(request.details ? 'panel_hide_details' : 'panel_show_details'),
            refreshValue: encodePanelTarget(target),
            detailsValue: encodePanelTarget({ ...target, details: !request.details }),
            detailsOpen: request.details,
            referenceLabel,
        }),
    };
    const ui = accessors.modify.getUiController();
    const interaction = { triggerId: request.triggerId };
    await (request.surface === 'open' ? ui.openSurfaceView(view, interaction, request.user) : ui.updateSurfaceView(view, interaction, request.user));
}

/** Access is decided on the server, every time: a button's `when` filter runs only in the client. */
function resolveTarget(request: ShowVisitorRequest, config: AppConfig): Resolved {
    if (request.target.kind === 'id') {
        return hasAllowedRole(request.user, config.allowedRoles) ? { visitorId: request.target.visitorId } : { refusal: 'msg_not_allowed_by_id' };
    }
    const inRoom = roomVisitor(request.target.room);
    if (!inRoom) {
        return { refusal: 'msg_not_livechat' };
    }
    if (accessToRoomVisitor(request.user, inRoom.servedById, config.allowedRoles) === 'denied') {
        return { refusal: 'msg_not_allowed' };
    }
    return inRoom.visitorId ? { visitorId: inRoom.visitorId, roomId: inRoom.room.id } : { refusal: 'msg_room_without_visitor' };
}
