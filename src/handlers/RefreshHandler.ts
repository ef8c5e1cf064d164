import type { UIKitBlockInteractionContext } from '@rocket.chat/apps-engine/definition/uikit';
import type { IUIKitResponse } from '@rocket.chat/apps-engine/definition/uikit/IUIKitInteractionType';

import type { AppRuntime } from '../AppRuntime';
import type { Accessors } from './Accessors';
import { REFRESH_ACTION_ID } from './ids';
import { decodePanelTarget } from './panelTarget';
import { reportUnexpected } from './reportUnexpected';
import { showVisitor } from './showVisitor';

/** The panel's Refresh button: fetch again past every cache and redraw the same panel. */
export async function handleBlockAction(runtime: AppRuntime, accessors: Accessors, context: UIKitBlockInteractionContext): Promise<IUIKitResponse> {
    const receivedAt = Date.now();
    const { actionId, value, user, room, triggerId } = context.getInteractionData();
    const target = decodePanelTarget(value);
    if (actionId !== REFRESH_ACTION_ID || !target) {
        return context.getInteractionResponder().successResponse();
    }
    try {
        // The room comes from the host, not from the button: the button only names it.
        const panelRoom = target.roomId ? await accessors.read.getRoomReader().getById(target.roomId) : undefined;
        await showVisitor(runtime, accessors, {
            user,
            target: target.roomId ? { kind: 'room', room: panelRoom } : { kind: 'id', visitorId: target.visitorId, room },
            triggerId,
            bypassCache: true,
            surface: 'update',
            replyRoom: room,
            receivedAt,
        });
    } catch (error) {
        await reportUnexpected(runtime, accessors, user, room, error);
    }
    return context.getInteractionResponder().successResponse();
}
