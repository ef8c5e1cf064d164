import type { IUIKitSurfaceViewParam } from '@rocket.chat/apps-engine/definition/accessors';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { UIKitSurfaceType } from '@rocket.chat/apps-engine/definition/uikit/IUIKitSurface';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';

import { accessToRoomVisitor, hasAllowedRole } from '../access/visitorAccess';
import type { AppRuntime } from '../AppRuntime';
import type { MessageKey } from '../i18n/languages';
import { translator, type Translate } from '../i18n/translator';
import { userLanguage } from '../i18n/userLanguage';
import { applySettings } from '../liveperson/applySettings';
import type { CallContext } from '../liveperson/CallContext';
import { createCallContext } from '../liveperson/createCallContext';
import type { LivePersonSection, VisitorProfile } from '../profile/VisitorProfile';
import type { AppConfig } from '../settings/AppConfig';
import { readAppConfig } from '../settings/readAppConfig';
import { buildProfileDocument } from '../ui/buildProfileDocument';
import { renderMessageText } from '../ui/renderMessageText';
import { renderPanelBlocks } from '../ui/renderPanelBlocks';
import { participantIdFor } from '../visitor/participantIdFor';
import { readHostVisitor } from '../visitor/readHostVisitor';
import { roomVisitor } from '../visitor/roomVisitor';
import type { Accessors } from './Accessors';
import { notifyPrivately } from './notifyPrivately';
import { encodePanelTarget } from './panelTarget';

/**
 * Rocket.Chat's web client accepts one surface per trigger, and only within 5 s of the click: the panel is
 * opened once, complete, so LivePerson gets whatever is left of this window (and never more than the
 * admin's time limit). Counted from the handler's start; the second kept back covers the trip from the
 * click to the server, building the view and opening it.
 */
export const PANEL_WINDOW_MS = 4000;

export type VisitorTarget = { kind: 'room'; room: IRoom | undefined } | { kind: 'id'; visitorId: string; room: IRoom | undefined };

export interface ShowVisitorRequest {
    user: IUser;
    target: VisitorTarget;
    /** Without one (some mobile clients) the profile arrives as a private message instead of a panel. */
    triggerId: string | undefined;
    bypassCache: boolean;
    /** `update` redraws an open panel (Refresh); `open` opens it. */
    surface: 'open' | 'update';
    /** Where refusals are said privately when the target has no room (defaults to the target's room). */
    replyRoom?: IRoom;
    /** When the host handed the click to the app (Date.now()): the panel's time window started then. */
    receivedAt: number;
}

type Resolved = { visitorId: string; room: IRoom | undefined } | { refusal: MessageKey; params?: Record<string, string> };

export async function showVisitor(runtime: AppRuntime, accessors: Accessors, request: ShowVisitorRequest): Promise<void> {
    const config = await readAppConfig(accessors.read.getEnvironmentReader().getSettings());
    const t = translator(await userLanguage(request.user, accessors.read));
    const notifyRoom = request.target.room ?? request.replyRoom;
    const say = async (text: string) => {
        if (notifyRoom) {
            await notifyPrivately(accessors, request.user, notifyRoom, text);
        }
    };

    const resolved = resolveTarget(request, config, t);
    if ('refusal' in resolved) {
        return say(t(resolved.refusal, resolved.params));
    }
    const host = await readHostVisitor(accessors.read, resolved.visitorId);
    if (!host) {
        return say(request.target.kind === 'id' ? t('msg_visitor_not_found', { visitorId: resolved.visitorId }) : t('msg_room_without_visitor'));
    }

    const budgetMs = Math.max(0, Math.min(config.timeoutMs, PANEL_WINDOW_MS - (Date.now() - request.receivedAt)));
    const ctx = createCallContext({ http: accessors.http, read: accessors.read, persistence: accessors.persis }, runtime.logger, budgetMs);
    const section = await livePersonSection(runtime, ctx, config, host.visitor, request.bypassCache);
    const profile: VisitorProfile = { ...host, livePerson: section };

    if (!request.triggerId) {
        const document = buildProfileDocument(profile, config, t);
        return say(`${t('msg_no_trigger')}\n\n${renderMessageText(document)}`);
    }
    const view = panelView(runtime.appId, profile, config, t, encodePanelTarget({ visitorId: host.visitor.id, roomId: resolved.room?.id }));
    const ui = accessors.modify.getUiController();
    const interaction = { triggerId: request.triggerId };
    await (request.surface === 'open' ? ui.openSurfaceView(view, interaction, request.user) : ui.updateSurfaceView(view, interaction, request.user));
}

function resolveTarget(request: ShowVisitorRequest, config: AppConfig, t: Translate): Resolved {
    const roles = rolesText(config, t);
    if (request.target.kind === 'id') {
        if (!hasAllowedRole(request.user, config.allowedRoles)) {
            return { refusal: 'msg_not_allowed_by_id', params: { roles } };
        }
        return { visitorId: request.target.visitorId, room: request.target.room };
    }
    const inRoom = roomVisitor(request.target.room);
    if (!inRoom) {
        return { refusal: 'msg_not_livechat' };
    }
    if (accessToRoomVisitor(request.user, inRoom.servedById, config.allowedRoles) === 'denied') {
        return { refusal: 'msg_not_allowed', params: { roles } };
    }
    return inRoom.visitorId ? { visitorId: inRoom.visitorId, room: inRoom.room } : { refusal: 'msg_room_without_visitor' };
}

/** Never rejects, and settles within the context's deadline: every failure becomes a state the agent can read. */
async function livePersonSection(runtime: AppRuntime, ctx: CallContext, config: AppConfig, visitor: VisitorProfile['visitor'], bypassCache: boolean): Promise<LivePersonSection> {
    if (!applySettings(runtime.client, config, ctx)) {
        return { state: config.readiness === 'notConfigured' ? 'notConfigured' : 'misconfigured' };
    }
    const choice = participantIdFor(visitor, {
        ownAppId: runtime.appId,
        accountId: config.livePerson?.accountId,
        participantAppIds: config.participantAppIds,
        participantField: config.participantField,
    });
    if (choice.kind === 'none') {
        return { state: 'noParticipant' };
    }
    if (choice.kind === 'invalid') {
        return { state: 'invalidParticipant', source: choice.source };
    }
    const { participantId, source } = choice;
    try {
        const result = await runtime.client.lookupParticipant(ctx, participantId, { bypassCache });
        return result.ok
            ? { state: 'loaded', participantId, source, info: result.value.info, ageMs: result.value.ageMs }
            : { state: 'failed', participantId, source, failure: result.failure };
    } catch {
        runtime.logger.error(`LivePerson lookup crashed [${ctx.correlationId}]`);
        const failure = { kind: 'invalidResponse' as const, step: 'participantInfo' as const, message: 'unexpected error', correlationId: ctx.correlationId };
        return { state: 'failed', participantId, source, failure };
    }
}

function panelView(appId: string, profile: VisitorProfile, config: AppConfig, t: Translate, refreshValue: string): IUIKitSurfaceViewParam {
    const document = buildProfileDocument(profile, config, t);
    return {
        id: panelViewId(profile.visitor.id),
        type: UIKitSurfaceType.CONTEXTUAL_BAR,
        title: { type: 'plain_text', text: document.title },
        blocks: renderPanelBlocks(document, { appId, refreshLabel: t('panel_refresh'), refreshValue }),
    };
}

/** The roles named in a refusal, or a plain "(no role set)" when the admin allowed none. */
export const rolesText = (config: AppConfig, t: Translate): string => (config.allowedRoles.length > 0 ? config.allowedRoles.join(', ') : t('msg_no_roles'));

export const panelViewId = (visitorId: string): string => `lpvi-panel-${visitorId}`;
