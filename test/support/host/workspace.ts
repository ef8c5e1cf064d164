/**
 * The Rocket.Chat database as far as the app sees it: users, rooms, omnichannel visitors and departments, the
 * workspace settings it may read, and the app's own persistence collection. The bridges of both engines read
 * and write here; scenarios arrange data here and look at it afterwards. Visitors and rooms are kept as
 * Rocket.Chat stores them, and handed out through its converters' rules (converters.ts).
 */
import type { IDepartment, ILivechatContact, ILivechatRoom, IVisitor } from 'apps-engine-1-62/definition/livechat';
import { OmnichannelSourceType } from 'apps-engine-1-62/definition/livechat/ILivechatRoom';
import type { IRoom } from 'apps-engine-1-62/definition/rooms';
import type { IUser } from 'apps-engine-1-62/definition/users';
import { UserStatusConnection } from 'apps-engine-1-62/definition/users/UserStatusConnection';
import { UserType } from 'apps-engine-1-62/definition/users/UserType';

import { convertRoom, convertVisitor, convertVisitorById, type ConverterLookups, type RoomDocument, type VisitorDocument } from './converters';

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

export interface WorkspaceOptions {
    /** Rocket.Chat 8.4+ maps visitors' `externalIds` to the top level (default true). */
    externalIds?: boolean;
}

/** A visitor to store: `id` becomes `_id`; every other field is stored as Rocket.Chat names it (`ts`, `lastChat`...). */
export type VisitorSeed = { id: string } & Partial<Omit<VisitorDocument, '_id'>>;

/** An omnichannel conversation to store; open unless `closed` says how it ended. */
export interface LivechatRoomSeed {
    id: string;
    visitor: { id?: string };
    servedBy?: IUser;
    department?: IDepartment;
    /** When it started (default 2026-06-05T11:22:30Z). */
    createdAt?: Date;
    lastMessageAt?: Date;
    source?: ILivechatRoom['source'];
    contactId?: string;
    closed?: ClosingInfo;
}

export interface ClosingInfo {
    at: Date;
    /** An agent, or the visitor themselves. */
    by: IUser | 'visitor';
    tags?: string[];
}

const SEEDED_AT = new Date('2026-06-05T11:22:30Z');

export class Workspace {
    readonly users = new Map<string, IUser>();
    /** `rocketchat_room` as stored; `room()` and `rooms` give what the app is handed. */
    readonly roomDocuments = new Map<string, RoomDocument>();
    /** `rocketchat_livechat_visitor` as stored; `visitor()` gives what the app is handed. */
    readonly visitors = new Map<string, VisitorDocument>();
    readonly departments = new Map<string, IDepartment>();
    /** Omnichannel contacts (Rocket.Chat 7+), as the contacts converter hands them over. */
    readonly contacts = new Map<string, ILivechatContact>();
    readonly serverSettings = new Map<string, unknown>();
    /** Settings hidden from apps (`hidden: true`, as the `SETTINGS_HIDDEN` environment variable sets). */
    readonly hiddenSettings = new Set<string>();
    /** The app's persistence collection; shared by every instance of the app, as a cluster's database is. */
    readonly records: PersistedRecord[] = [];
    /** A host method that fails on its next call, with this error message (a database error, say). */
    readonly failures = new Map<string, string>();

    constructor(private readonly options: WorkspaceOptions = {}) {}

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
        for (const map of [this.users, this.roomDocuments, this.visitors, this.departments, this.contacts, this.serverSettings, this.failures]) map.clear();
        this.hiddenSettings.clear();
        this.records.length = 0;
    }

    /** What the converters read while converting. */
    get lookups(): ConverterLookups {
        return {
            visitor: (id) => this.visitors.get(id),
            user: (id) => stored(this.users.get(id)),
            department: (id) => stored(this.departments.get(id)),
            contact: (id) => stored(this.contacts.get(id)),
            externalIds: this.options.externalIds ?? true,
        };
    }

    /** A visitor as `getLivechatVisitorById` hands it over: undefined when unknown or disabled. */
    visitor(id: string): IVisitor | undefined {
        return stored(convertVisitorById(id, this.lookups));
    }

    /** A room as the engine hands it to the app (converted now, from what is stored now). */
    findRoom(id: string): IRoom | undefined {
        const document = this.roomDocuments.get(id);
        return document ? stored(convertRoom(document, this.lookups)) : undefined;
    }

    room<T extends IRoom = IRoom>(id: string): T {
        const room = this.findRoom(id);
        if (!room) throw new Error(`no room ${id}`);
        return room as T;
    }

    /** Every room as the app would be handed it. */
    get rooms(): ReadonlyMap<string, IRoom> {
        return new Map([...this.roomDocuments.keys()].map((id) => [id, this.room(id)]));
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

    /** Stores a visitor; returns it as the converter hands it over (even if disabled: a disabled one is never handed over). */
    addVisitor({ id, ...fields }: VisitorSeed): IVisitor & { id: string } {
        const document: VisitorDocument = {
            _id: id,
            token: `token-${randomId()}`,
            username: `guest-${id.slice(0, 6)}`,
            name: fields.username ?? id,
            ts: SEEDED_AT,
            _updatedAt: SEEDED_AT,
            status: 'online',
            ...fields,
        };
        this.visitors.set(id, document);
        return stored(convertVisitor(document, this.lookups)) as IVisitor & { id: string };
    }

    /** Replaces what is stored for an existing visitor (a custom field set by the widget, an app's external id). */
    updateVisitor(id: string, change: (visitor: VisitorDocument) => VisitorDocument): VisitorDocument {
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

    /** Stores an omnichannel room as Rocket.Chat does, and records it as the visitor's last chat. */
    addLivechatRoom(seed: LivechatRoomSeed): ILivechatRoom {
        const visitor = this.visitors.get(seed.visitor.id ?? '');
        if (!visitor) throw new Error(`no visitor ${seed.visitor.id}`);
        const createdAt = seed.createdAt ?? SEEDED_AT;
        const { servedBy } = seed;
        const document: RoomDocument = {
            _id: seed.id,
            t: 'l',
            fname: visitor.name ?? visitor.username,
            ts: createdAt,
            _updatedAt: createdAt,
            lm: seed.lastMessageAt ?? createdAt,
            msgs: 0,
            v: { _id: visitor._id, username: visitor.username, token: visitor.token, status: visitor.status },
            ...(servedBy ? { servedBy: { _id: servedBy.id, username: servedBy.username, ts: createdAt } } : {}),
            ...(seed.department ? { departmentId: seed.department.id } : {}),
            ...(seed.contactId ? { contactId: seed.contactId } : {}),
            open: true,
            waitingResponse: false,
            source: seed.source ?? { type: OmnichannelSourceType.WIDGET },
        };
        this.roomDocuments.set(seed.id, document);
        if (!visitor.lastChat || visitor.lastChat.ts <= createdAt) visitor.lastChat = { _id: seed.id, ts: createdAt };
        if (seed.closed) this.closeRoom(seed.id, seed.closed);
        return this.room<ILivechatRoom>(seed.id);
    }

    /** Changes a stored room (a transfer, say). */
    updateRoom(id: string, change: (room: RoomDocument) => RoomDocument): void {
        const current = this.roomDocuments.get(id);
        if (!current) throw new Error(`no room ${id}`);
        this.roomDocuments.set(id, change(stored(current)));
    }

    /** Closes a conversation as Rocket.Chat's `closeRoomById` does: `open` is unset, the closing fields set. */
    closeRoom(id: string, { at, by, tags }: ClosingInfo): void {
        this.updateRoom(id, ({ open: _open, ...room }) => ({
            ...room,
            closedAt: at,
            closer: by === 'visitor' ? 'visitor' : 'user',
            closedBy: by === 'visitor' ? { _id: room.v?._id ?? '', username: room.v?.username ?? '' } : { _id: by.id, username: by.username },
            ...(room.v ? { v: { ...room.v, status: 'offline' } } : {}),
            ...(tags ? { tags } : {}),
        }));
    }

    addChannel(parts: { id: string; name: string; creator: IUser }): IRoom {
        const at = new Date('2026-01-05T09:00:00Z');
        this.roomDocuments.set(parts.id, {
            _id: parts.id,
            t: 'c',
            name: parts.name,
            fname: parts.name,
            u: { _id: parts.creator.id, username: parts.creator.username },
            ts: at,
            _updatedAt: at,
            msgs: 0,
        });
        return this.room(parts.id);
    }

    /** Every record the app stored, as stored. */
    recordsOf(appId: string): Array<{ associations: string[]; data: object }> {
        return this.records.filter((record) => record.appId === appId).map(({ associations, data }) => ({ associations, data: stored(data) }));
    }
}
