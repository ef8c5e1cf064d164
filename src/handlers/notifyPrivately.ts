import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';

import type { Accessors } from './Accessors';

/**
 * An ephemeral message only `user` sees: nothing this app writes is ever posted to the room, where the
 * visitor could read it.
 */
export async function notifyPrivately({ read, modify }: Accessors, user: IUser, room: IRoom, text: string): Promise<void> {
    const builder = modify.getNotifier().getMessageBuilder().setRoom(room).setText(text).setGroupable(false);
    const appUser = await read
        .getUserReader()
        .getAppUser()
        .catch(() => undefined);
    if (appUser) {
        builder.setSender(appUser);
    }
    await modify.getNotifier().notifyUser(user, builder.getMessage());
}
