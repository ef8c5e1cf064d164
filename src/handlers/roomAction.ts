import type { UIKitActionButtonInteractionContext } from '@rocket.chat/apps-engine/definition/uikit';
import type { IUIKitResponse } from '@rocket.chat/apps-engine/definition/uikit/IUIKitInteractionType';

import type { AppServices } from '../app/AppServices';
import type { HostAccess } from '../hostAccess';
import { ROOM_ACTION_ID } from '../ids';
import { reportUnexpected } from './reportUnexpected';
import { CLOSED_PANEL, showVisitor } from './showVisitor';

/** The room's kebab-menu action: the same panel as `/visitorinfo`, access checked again here. */
export async function handleRoomAction(
    services: AppServices,
    host: Required<HostAccess>,
    context: UIKitActionButtonInteractionContext,
): Promise<IUIKitResponse> {
    const receivedAt = Date.now();
    const { actionId, user, room, triggerId } = context.getInteractionData();
    if (actionId === ROOM_ACTION_ID) {
        try {
            await showVisitor(services, host, {
                user,
                target: { kind: 'room', room },
                replyRoom: room,
                triggerId,
                mode: 'cached',
                surface: 'open',
                parts: CLOSED_PANEL,
                receivedAt,
            });
        } catch (error) {
            await reportUnexpected(host, user, room, error);
        }
    }
    return context.getInteractionResponder().successResponse();
}
