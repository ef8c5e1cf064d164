import type { UIKitActionButtonInteractionContext } from '@rocket.chat/apps-engine/definition/uikit';
import type { IUIKitResponse } from '@rocket.chat/apps-engine/definition/uikit/IUIKitInteractionType';

import type { Accessors } from '../app/Accessors';
import type { AppServices } from '../app/AppServices';
import { ROOM_ACTION_ID } from '../ids';
import { reportUnexpected } from './reportUnexpected';
import { showVisitor } from './showVisitor';

/** The room's kebab-menu action: the same panel as `/visitorinfo`, access checked again here. */
export async function handleRoomAction(services: AppServices, accessors: Accessors, context: UIKitActionButtonInteractionContext): Promise<IUIKitResponse> {
    const receivedAt = Date.now();
    const { actionId, user, room, triggerId } = context.getInteractionData();
    if (actionId === ROOM_ACTION_ID) {
        try {
            await showVisitor(services, accessors, {
                user,
                target: { kind: 'room', room },
                replyRoom: room,
                triggerId,
                bypassCache: false,
                surface: 'open',
                details: false,
                receivedAt,
            });
        } catch (error) {
            await reportUnexpected(accessors, user, room, error);
        }
    }
    return context.getInteractionResponder().successResponse();
}
