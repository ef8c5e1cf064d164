import type { UIKitBlockInteractionContext } from '@rocket.chat/apps-engine/definition/uikit';
import type { IUIKitResponse } from '@rocket.chat/apps-engine/definition/uikit/IUIKitInteractionType';

import type { Accessors } from '../app/Accessors';
import type { AppServices } from '../app/AppServices';
import { PANEL_ACTIONS } from '../ids';
import { decodePanelTarget } from './panelTarget';
import { reportUnexpected } from './reportUnexpected';
import { showVisitor } from './showVisitor';

/**
 * The panel's buttons redraw the same visitor, whose panel it is: Refresh past every cache, the details toggle
 * from the cache. The button names a visitor and a room; the room itself, and who may see it, come from the host.
 */
export async function handleBlockAction(services: AppServices, accessors: Accessors, context: UIKitBlockInteractionContext): Promise<IUIKitResponse> {
    const receivedAt = Date.now();
    const { actionId, value, user, room, triggerId } = context.getInteractionData();
    const target = decodePanelTarget(value);
    if ((actionId !== PANEL_ACTIONS.refresh && actionId !== PANEL_ACTIONS.details) || !target) {
        return context.getInteractionResponder().successResponse();
    }
    try {
        const panelRoom = target.by === 'room' ? await accessors.read.getRoomReader().getById(target.roomId) : undefined;
        await showVisitor(services, accessors, {
            user,
            target: target.by === 'room' ? { kind: 'room', room: panelRoom } : { kind: 'id', visitorId: target.visitorId },
            replyRoom: room ?? panelRoom,
            triggerId,
            bypassCache: actionId === PANEL_ACTIONS.refresh,
            surface: 'update',
            details: target.details,
            receivedAt,
        });
    } catch (error) {
        await reportUnexpected(accessors, user, room, error);
    }
    return context.getInteractionResponder().successResponse();
}
