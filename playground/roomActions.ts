/** What Rocket.Chat's client checks before it lists an app's room action or runs a slash command for a user. */
import type { IRoom } from 'apps-engine-1-62/definition/rooms';
import { RoomTypeFilter, UIActionButtonContext, type IUIActionButton } from 'apps-engine-1-62/definition/ui';
import type { IUser } from 'apps-engine-1-62/definition/users';

/** Rocket.Chat's default roles for the permissions the app names (`view-l-room` for the command and the button). */
const PERMISSION_ROLES: Record<string, readonly string[]> = {
    'view-l-room': ['livechat-agent', 'livechat-manager', 'livechat-monitor', 'admin'],
};

const ROOM_TYPE_FILTERS: Record<string, RoomTypeFilter> = { l: RoomTypeFilter.LIVE_CHAT, c: RoomTypeFilter.PUBLIC_CHANNEL, p: RoomTypeFilter.PRIVATE_CHANNEL };

export function hasPermission(user: IUser, permission: string): boolean {
    const roles = PERMISSION_ROLES[permission] ?? ['admin'];
    return user.roles.some((role) => roles.includes(role));
}

/** The room actions the kebab menu lists in this room for this user (the buttons' `when` filters). */
export function visibleRoomActions(buttons: IUIActionButton[], user: IUser, room: IRoom): IUIActionButton[] {
    const filter = ROOM_TYPE_FILTERS[room.type];
    return buttons.filter((button) => {
        if (button.context !== UIActionButtonContext.ROOM_ACTION) return false;
        const when = button.when ?? {};
        if (when.roomTypes?.length && (filter === undefined || !when.roomTypes.includes(filter))) return false;
        if (when.hasOnePermission?.length && !when.hasOnePermission.some((permission) => hasPermission(user, permission))) return false;
        if (when.hasAllPermissions?.length && !when.hasAllPermissions.every((permission) => hasPermission(user, permission))) return false;
        if (when.hasOneRole?.length && !when.hasOneRole.some((role) => user.roles.includes(role))) return false;
        if (when.hasAllRoles?.length && !when.hasAllRoles.every((role) => user.roles.includes(role))) return false;
        return true;
    });
}
