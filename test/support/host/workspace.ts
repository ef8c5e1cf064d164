/**
 * The Rocket.Chat database as far as the app sees it: users, rooms, omnichannel visitors and departments, the
 * workspace settings it may read, and the app's own persistence collection. The bridges of both engines read
 * and write here; scenarios arrange data here and look at it afterwards.
 */
import type { IDepartment, ILivechatRoom, IVisitor } from 'apps-engine-1-62/definition/livechat';
import { OmnichannelSourceType } from 'apps-engine-1-62/definition/livechat/ILivechatRoom';
import type { IRoom } from 'apps-engine-1-62/definition/rooms';
import { RoomType } from 'apps-engine-1-62/definition/rooms/RoomType';
import type { IUser } from 'apps-engine-1-62/definition/users';
import { UserStatusConnection } from 'apps-engine-1-62/definition/users/UserStatusConnection';
import { UserType } from 'apps-engine-1-62/definition/users/UserType';

export interface PersistedRecord {
    id: string;
    appId: string;
    data: object;
    /** `<model>:<id>` of each association. */
    associations: string[];
}

/**
 * What Rocket.Chat would store and hand back: a deep copy, never the object the caller holds. Written by hand
 * because structuredClone makes Dates of Node's own realm, which jest's sandboxed modules (the engine's msgpack
 * encoder among them) do not recognise as Dates.
 */
export function stored<T>(value: T): T {
    if (value instanceof Date || (typeof value === 'object' && value !== null && typeof (value as { getTime?: unknown }).getTime === 'function')) {
        return new Date((value as unknown as Date).getTime()) as T;
    }
    if (Array.isArray(value)) return value.map((item) => stored(item)) as T;
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, stored(item)])) as T;
    }
    return value;
}

let counter = 0;
/** 17-character ids like Rocket.Chat's Random.id(). */
export const randomId = (): string =>
    `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2)}`.slice(0, 17).padEnd(17, '0');

export class Workspace {
    readonly users = new Map<string, IUser>();
    readonly rooms = new Map<string, IRoom>();
    readonly visitors = new Map<string, IVisitor>();
    readonly departments = new Map<string, IDepartment>();
    readonly serverSettings = new Map<string, unknown>();
    /** The app's persistence collection; shared by every instance of the app, as a cluster's database is. */
    readonly records: PersistedRecord[] = [];
    /** A host method that fails on its next call, with this error message (a database error, say). */
    readonly failures = new Map<string, string>();

    /** Throws the failure planned for `method`, once. */
    failIfPlanned(method: string): void {
        const message = this.failures.get(method);
        if (message !== undefined) {
            this.failures.delete(method);
            throw new Error(message);
        }
    }

    /** Empties every collection in place: the bridges keep their reference to this workspace. */
    clear(): void {
        for (const map of [this.users, this.rooms, this.visitors, this.departments, this.serverSettings, this.failures]) map.clear();
        this.records.length = 0;
    }

    addUser(partial: Partial<IUser> & { id: string; username: string }): IUser {
        const at = new Date('2026-01-05T09:00:00Z');
        const user: IUser = {
            name: partial.username,
            emails: [],
            type: UserType.USER,
            isEnabled: true,
            roles: ['user'],
            status: 'online',
            statusConnection: UserStatusConnection.ONLINE,
            utcOffset: 0,
            createdAt: at,
            updatedAt: at,
            lastLoginAt: at,
            ...partial,
        };
        this.users.set(user.id, user);
        return stored(user);
    }

    addVisitor(partial: Partial<IVisitor> & { id: string }): IVisitor & { id: string } {
        const visitor: IVisitor = {
            token: `token-${randomId()}`,
            username: `guest-${partial.id.slice(0, 6)}`,
            name: partial.username ?? partial.id,
            ...partial,
        } as IVisitor;
        this.visitors.set(partial.id, visitor);
        return stored(visitor) as IVisitor & { id: string };
    }

    /** Replaces what is stored for an existing visitor (a custom field set by the widget, an app's external id). */
    updateVisitor(id: string, change: (visitor: IVisitor) => IVisitor): IVisitor {
        const current = this.visitors.get(id);
        if (!current) throw new Error(`no visitor ${id}`);
        const next = change(stored(current));
        this.visitors.set(id, next);
        return stored(next);
    }

    addDepartment(department: Partial<IDepartment> & { id: string; name: string }): IDepartment {
        const full: IDepartment = {
            enabled: true,
            numberOfAgents: 1,
            showOnOfflineForm: false,
            showOnRegistration: true,
            updatedAt: new Date('2026-01-05T09:00:00Z'),
            ...department,
        };
        this.departments.set(full.id, full);
        return stored(full);
    }

    /** An open omnichannel room with the visitor, served by `servedBy`. */
    addLivechatRoom(parts: Partial<Omit<ILivechatRoom, 'visitor'>> & { id: string; visitor: IVisitor }): ILivechatRoom {
        const { visitor, servedBy } = parts;
        const at = new Date('2026-06-05T11:22:30Z');
        const room: ILivechatRoom = {
            type: RoomType.LIVE_CHAT,
            slugifiedName: parts.id,
            displayName: visitor.name,
            creator: servedBy ?? (this.users.values().next().value as IUser),
            usernames: servedBy ? [servedBy.username] : [],
            userIds: servedBy ? [servedBy.id] : [],
            isWaitingResponse: false,
            isOpen: true,
            // Required by the type; Rocket.Chat fills it in when the room closes.
            closer: 'user',
            source: { type: OmnichannelSourceType.WIDGET },
            createdAt: at,
            updatedAt: at,
            ...parts,
            visitor: { id: visitor.id, token: visitor.token, username: visitor.username, name: visitor.name } as IVisitor,
        };
        this.rooms.set(room.id, room);
        return stored(room);
    }

    addChannel(parts: { id: string; name: string; creator: IUser }): IRoom {
        const at = new Date('2026-01-05T09:00:00Z');
        const room: IRoom = {
            id: parts.id,
            type: RoomType.CHANNEL,
            slugifiedName: parts.name,
            displayName: parts.name,
            creator: parts.creator,
            usernames: [],
            createdAt: at,
            updatedAt: at,
        };
        this.rooms.set(room.id, room);
        return stored(room);
    }

    room<T extends IRoom = IRoom>(id: string): T {
        const room = this.rooms.get(id);
        if (!room) throw new Error(`no room ${id}`);
        return stored(room as T);
    }

    /** Every record the app stored, as stored. */
    recordsOf(appId: string): Array<{ associations: string[]; data: object }> {
        return this.records.filter((record) => record.appId === appId).map(({ associations, data }) => ({ associations, data: stored(data) }));
    }
}
