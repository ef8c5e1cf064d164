import type { UIKitActionButtonInteractionContext } from '@rocket.chat/apps-engine/definition/uikit';
import type { IUIKitResponse } from '@rocket.chat/apps-engine/definition/uikit/IUIKitInteractionType';

import type { AppRuntime } from '../AppRuntime';
import type { Accessors } from './Accessors';
import { ROOM_ACTION_ID } from './ids';
import { reportUnexpected } from './reportUnexpected';
import { showVisitor } from './showVisitor';

/** The room's kebab-menu action: the same panel as `/visitorinfo`, access checked again here. */
export async function handleRoomAction(runtime: AppRuntime, accessors: Accessors, context: UIKitActionButtonInteractionContext): Promise<IUIKitResponse> {
    const receivedAt = Date.now();
    const { actionId, user, room, triggerId } = context.getInteractionData();
    if (actionId === ROOM_ACTION_ID) {
        try {
            await showVisitor(runtime, accessors, { user, target: { kind: 'room', room }, triggerId, bypassCache: false, surface: 'open', receivedAt });
        } catch (error) {
            await reportUnexpected(runtime, accessors, user, room, error);
        }
    }
    return context.getInteractionResponder().successResponse();
}
