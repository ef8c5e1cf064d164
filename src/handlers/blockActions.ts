import type { UIKitBlockInteractionContext } from '@rocket.chat/apps-engine/definition/uikit';
import type { IUIKitResponse } from '@rocket.chat/apps-engine/definition/uikit/IUIKitInteractionType';

import type { AppServices } from '../app/AppServices';
import type { HostAccess } from '../hostAccess';
import { PANEL_ACTIONS } from '../ids';
import { decodePanelTarget } from './panelTarget';
import { reportUnexpected } from './reportUnexpected';
import { PANEL_BUTTONS, showVisitor } from './showVisitor';

/**
 * The panel's buttons redraw the same visitor, whose panel it is: Refresh past the cache (but never twice within
 * a few seconds), a toggle from the last answer as it was. The button names a visitor and a room; the room
 * itself, and who may see it, come from the host.
 */
export async function handleBlockAction(services: AppServices, host: Required<HostAccess>, context: UIKitBlockInteractionContext): Promise<IUIKitResponse> {
    const receivedAt = Date.now();
    const { actionId, value, user, room, triggerId } = context.getInteractionData();
    const target = decodePanelTarget(value);
    if (!PANEL_BUTTONS.includes(actionId) || !target) return context.getInteractionResponder().successResponse();
    try {
        const panelRoom = target.roomId ? await host.read.getRoomReader().getById(target.roomId) : undefined;
        await showVisitor(services, host, {
            user,
            target: target.roomId ? { kind: 'room', room: panelRoom } : { kind: 'id', visitorId: target.visitorId },
            replyRoom: room ?? panelRoom,
            triggerId,
            mode: actionId === PANEL_ACTIONS.refresh ? 'refresh' : 'redraw',
            surface: 'update',
            parts: { details: target.details, hostFields: target.hostFields, unverified: target.unverified },
            receivedAt,
        });
    } catch (error) {
        await reportUnexpected(host, user, room, error);
    }
    return context.getInteractionResponder().successResponse();
}
