import type { IUser } from '@rocket.chat/apps-engine/definition/users';

export type Access = 'servingAgent' | 'role' | 'denied';

/**
 * The agent serving the room sees its visitor; users holding one of the admin's roles see any visitor.
 * Checked on the server for every command and click: a button's `when` filter runs only in the client.
 */
export function accessToRoomVisitor(user: IUser, servedById: string | undefined, allowedRoles: string[]): Access {
    if (servedById !== undefined && servedById === user.id) {
        return 'servingAgent';
    }
    return hasAllowedRole(user, allowedRoles) ? 'role' : 'denied';
}

export const hasAllowedRole = (user: IUser, allowedRoles: string[]): boolean => (user.roles ?? []).some((role) => allowedRoles.includes(role));

export const isAdmin = (user: IUser): boolean => (user.roles ?? []).includes('admin');
