import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import type { LayoutBlock } from '@rocket.chat/ui-kit';

import type { HostAccess } from '../hostAccess';

/**
 * An ephemeral message only `user` sees: nothing this app writes is ever posted to the room, where the visitor
 * could read it. With blocks, Rocket.Chat's client shows the blocks and not the text; the text is what a
 * notification or a client without blocks shows: the app's words, with at most an id the user typed or a
 * setting's value for the admin, never a visitor's or LivePerson's data.
 */
export async function notifyPrivately(
    { read, modify }: Pick<Required<HostAccess>, 'read' | 'modify'>,
    user: IUser,
    room: IRoom,
    message: { text: string; blocks?: LayoutBlock[] },
): Promise<void> {
    const builder = modify.getNotifier().getMessageBuilder().setRoom(room).setText(message.text).setGroupable(false);
    if (message.blocks) {
        builder.setBlocks(message.blocks);
    }
    const appUser = await read
        .getUserReader()
        .getAppUser()
        .catch(() => undefined);
    if (appUser) {
        builder.setSender(appUser);
    }
    await modify.getNotifier().notifyUser(user, builder.getMessage());
}
