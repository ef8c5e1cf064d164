import type { IUIKitSurfaceViewParam } from '@rocket.chat/apps-engine/definition/accessors';
import type { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { UIKitSurfaceType } from '@rocket.chat/apps-engine/definition/uikit/IUIKitSurface';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';

import type { AppServices } from '../app/AppServices';
import type { HostAccess } from '../hostAccess';
import type { MessageKey } from '../i18n/languages';
import { viewerFor } from '../i18n/viewerFor';
import { panelViewId, PANEL_ACTIONS } from '../ids';
import { newCall } from '../liveperson/call';
import type { LookupMode } from '../liveperson/Directory';
import { identityOf, livePersonSection } from '../profile/lookup';
import type { VisitorProfile } from '../profile/VisitorProfile';
import type { AppConfig } from '../settings/AppConfig';
import { buildProfileDocument } from '../ui/buildProfileDocument';
import { messageOf, profileMessage } from '../ui/messageBlocks';
import { panelBlocks } from '../ui/panelBlocks';
import { accessToRoomVisitor, hasAllowedRole } from '../visitor/access';
import { readConversationLog } from '../visitor/conversationLog';
import { readHostVisitor } from '../visitor/readHostVisitor';
import { roomVisitor } from '../visitor/roomVisitor';
import { notifyPrivately } from './notifyPrivately';
import { encodePanelTarget, type PanelTarget } from './panelTarget';

/**
 * Rocket.Chat's web client accepts one surface per trigger, and only within 5 s of the click: the panel is
 * opened once, complete, so LivePerson gets whatever is left of this window (and never more than the
 * admin's time limit). Counted from the handler's start; the second kept back covers the trip from the
 * click to the server, building the view and opening it.
 */
const PANEL_WINDOW_MS = 4000;

type VisitorTarget = { kind: 'room'; room: IRoom | undefined } | { kind: 'id'; visitorId: string };

/** Which parts of the panel are open. */
export type PanelParts = Pick<PanelTarget, 'details' | 'hostFields' | 'unverified'>;

export const CLOSED_PANEL: PanelParts = { details: false, hostFields: false, unverified: false };

export interface ShowVisitorRequest {
    user: IUser;
    target: VisitorTarget;
    /** Where refusals and the no-panel fallback are said privately. */
    replyRoom: IRoom | undefined;
    /** Without one (some mobile clients) the profile arrives as a private message instead of a panel. */
    triggerId: string | undefined;
    /** The cache (a click), past it (Refresh), or the last answer as it was (a toggle redraws it). */
    mode: LookupMode;
    surface: 'open' | 'update';
    parts: PanelParts;
    /** When the host handed the click to the app (Date.now()): the panel's time window started then. */
    receivedAt: number;
}

type Resolved = { visitorId: string; room?: ILivechatRoom } | { refusal: MessageKey };

export async function showVisitor(services: AppServices, host: Required<HostAccess>, request: ShowVisitorRequest): Promise<void> {
    const config = await services.config.current(host.read.getEnvironmentReader().getSettings());
    const viewer = await viewerFor(request.user, host.read, services.config);
    const say = async (text: string) => {
        if (request.replyRoom) await notifyPrivately(host, request.user, request.replyRoom, messageOf(text));
    };

    const resolved = resolveTarget(request, config);
    if ('refusal' in resolved) return say(viewer.t(resolved.refusal));
    const found = await readHostVisitor(host.read, resolved.visitorId, resolved.room?.department);
    if (!found)
        return say(request.target.kind === 'id' ? viewer.t('msg_visitor_not_found', { visitorId: resolved.visitorId }) : viewer.t('msg_room_without_visitor'));
    const choice = await identityOf(services.appId, host.read.getPersistenceReader(), config, found.visitor);
    const budgetMs = Math.max(0, Math.min(config.timeoutMs, PANEL_WINDOW_MS - (Date.now() - request.receivedAt)));
    const call = config.livePerson && newCall(host, config.livePerson, budgetMs);
    const [livePerson, earlier] = await Promise.all([
        livePersonSection(services.directory, call, config, choice, request.mode),
        config.historyCount > 0 ? readConversationLog(host.read.getPersistenceReader(), found.visitor.id) : Promise.resolve([]),
    ]);
    const profile: VisitorProfile = { ...found, earlier: earlier.filter((entry) => entry.roomId !== resolved.room?.id), livePerson };
    const document = buildProfileDocument(profile, config, viewer, request.parts.unverified);
    const referenceLabel = (reference: string) => viewer.t('panel_reference', { reference });

    if (!request.triggerId) {
        return request.replyRoom
            ? notifyPrivately(
                  host,
                  request.user,
                  request.replyRoom,
                  profileMessage(document, viewer.t('msg_no_trigger'), viewer.t('panel_title'), referenceLabel),
              )
            : undefined;
    }
    const target: PanelTarget = { visitorId: found.visitor.id, ...(resolved.room ? { roomId: resolved.room.id } : {}), ...request.parts };
    const toggled = (part: keyof PanelParts) => encodePanelTarget({ ...target, [part]: !target[part] });
    const view: IUIKitSurfaceViewParam = {
        id: panelViewId(found.visitor.id),
        type: UIKitSurfaceType.CONTEXTUAL_BAR,
        // The visitor's name is the panel's title: the strongest text UIKit offers for data.
        title: { type: 'plain_text', text: document.name },
        blocks: panelBlocks(document, {
            appId: services.appId,
            refresh: { label: viewer.t('panel_refresh'), value: encodePanelTarget(target) },
            ...(document.unverified === 'hidden' ? { unverified: { label: viewer.t('panel_show_unverified'), value: toggled('unverified') } } : {}),
            hostFields: {
                label: viewer.t(target.hostFields ? 'panel_hide_rocketchat' : 'panel_show_rocketchat'),
                value: toggled('hostFields'),
                open: target.hostFields,
            },
            technical: { label: viewer.t(target.details ? 'panel_hide_details' : 'panel_show_details'), value: toggled('details'), open: target.details },
            referenceLabel,
        }),
    };
    const ui = host.modify.getUiController();
    const interaction = { triggerId: request.triggerId };
    await (request.surface === 'open' ? ui.openSurfaceView(view, interaction, request.user) : ui.updateSurfaceView(view, interaction, request.user));
}

/** Access is decided on the server, every time: a button's `when` filter runs only in the client. */
function resolveTarget(request: ShowVisitorRequest, config: AppConfig): Resolved {
    if (request.target.kind === 'id') {
        return hasAllowedRole(request.user, config.allowedRoles) ? { visitorId: request.target.visitorId } : { refusal: 'msg_not_allowed_by_id' };
    }
    const inRoom = roomVisitor(request.target.room);
    if (!inRoom) return { refusal: 'msg_not_livechat' };
    if (accessToRoomVisitor(request.user, inRoom.servedById, config.allowedRoles) === 'denied') return { refusal: 'msg_not_allowed' };
    return inRoom.visitorId ? { visitorId: inRoom.visitorId, room: inRoom.room } : { refusal: 'msg_room_without_visitor' };
}

/** The buttons of the panel that redraw it. */
export const PANEL_BUTTONS: readonly string[] = Object.values(PANEL_ACTIONS);
