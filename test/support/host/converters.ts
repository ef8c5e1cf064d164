/**
 * What Rocket.Chat stores, and what its converters make of it for an app. The workspace keeps visitors and rooms
 * as Rocket.Chat's database does; the bridges hand the app only what these functions return, as Rocket.Chat's
 * `apps/meteor/app/apps/server/converters/` do (written here from their rules, not their code).
 */
import type { IDepartment, ILivechatRoom, IVisitor } from 'apps-engine-1-62/definition/livechat';
import type { IRoom } from 'apps-engine-1-62/definition/rooms';
import { RoomType } from 'apps-engine-1-62/definition/rooms/RoomType';
import type { IUser } from 'apps-engine-1-62/definition/users';

/** A document of `rocketchat_livechat_visitor` (`ILivechatVisitor`). */
export interface VisitorDocument {
    _id: string;
    token: string;
    username: string;
    name?: string;
    /** When the visitor first came. */
    ts?: Date;
    _updatedAt?: Date;
    department?: string;
    phone?: Array<{ phoneNumber: string }>;
    visitorEmails?: Array<{ address: string }>;
    livechatData?: Record<string, unknown>;
    status?: string;
    activity?: string[];
    /** Written by apps from Rocket.Chat 8.4. */
    externalIds?: IVisitor['externalIds'];
    /** Set when the visitor is removed (privacy): the converter then finds no visitor. */
    disabled?: boolean;
    lastChat?: { _id: string; ts: Date };
    contactManager?: { username: string };
    contactId?: string;
    ip?: string;
}

/** A user as rooms keep it (`{ _id, username }`). */
type UserRef = { _id: string; username: string; ts?: Date };

/** A document of `rocketchat_room`, livechat fields included (`IOmnichannelRoom`). */
export interface RoomDocument {
    _id: string;
    t: 'l' | 'c' | 'p' | 'd';
    ts: Date;
    _updatedAt: Date;
    name?: string;
    fname?: string;
    msgs?: number;
    /** Time of the last message. */
    lm?: Date;
    u?: UserRef;
    /** The visitor as the room keeps it, with the channel they wrote from. */
    v?: { _id: string; username: string; token: string; status?: string; phone?: string; lastMessageTs?: Date };
    servedBy?: UserRef;
    responseBy?: UserRef;
    departmentId?: string;
    /** Absent once closed: closing unsets it. */
    open?: true;
    waitingResponse?: boolean;
    source?: ILivechatRoom['source'];
    closedAt?: Date;
    closer?: 'user' | 'visitor' | 'bot';
    closedBy?: UserRef;
    tags?: string[];
    contactId?: string;
    livechatData?: Record<string, unknown>;
    customFields?: Record<string, unknown>;
    default?: boolean;
    ro?: boolean;
    sysMes?: boolean;
}

/** The records a converter looks up while converting (Rocket.Chat reads its models). */
export interface ConverterLookups {
    visitor(id: string): VisitorDocument | undefined;
    user(id: string): IUser | undefined;
    department(id: string): IDepartment | undefined;
    contact(id: string): object | undefined;
    /** Rocket.Chat 8.4+ maps `externalIds` to the top level; before, it is one more unmapped field. */
    externalIds: boolean;
}

type Converted<T> = T & { _unmappedProperties_: Record<string, unknown> };

/**
 * Renames the fields `map` names (target ← source), skips undefined values, and leaves every other field of the
 * document under `_unmappedProperties_` (converters/transformMappedData.ts).
 */
function mapFields(document: object, map: Record<string, string>, consumed: readonly string[] = []): Converted<Record<string, unknown>> {
    const rest: Record<string, unknown> = { ...document };
    const result: Record<string, unknown> = {};
    for (const [target, source] of Object.entries(map)) {
        if (rest[source] !== undefined) result[target] = rest[source];
        delete rest[source];
    }
    for (const field of consumed) delete rest[field];
    return { ...result, _unmappedProperties_: rest };
}

// converters/visitors.ts: these fields, and `externalIds` from 8.4 (PR #39535); everything else stays unmapped.
const VISITOR_FIELDS = {
    id: '_id',
    username: 'username',
    name: 'name',
    department: 'department',
    updatedAt: '_updatedAt',
    token: 'token',
    phone: 'phone',
    visitorEmails: 'visitorEmails',
    livechatData: 'livechatData',
    status: 'status',
    activity: 'activity',
};

export function convertVisitor(document: VisitorDocument, lookups: Pick<ConverterLookups, 'externalIds'>): Converted<IVisitor> {
    const map = lookups.externalIds ? { ...VISITOR_FIELDS, externalIds: 'externalIds' } : VISITOR_FIELDS;
    return mapFields(document, map) as unknown as Converted<IVisitor>;
}

/** converters/visitors.ts `convertById` reads `findOneEnabledById`: a disabled visitor is no visitor. */
export function convertVisitorById(id: string, lookups: ConverterLookups): Converted<IVisitor> | undefined {
    const document = lookups.visitor(id);
    return document && !document.disabled ? convertVisitor(document, lookups) : undefined;
}

const ROOM_TYPES: Record<RoomDocument['t'], RoomType> = {
    l: RoomType.LIVE_CHAT,
    c: RoomType.CHANNEL,
    p: RoomType.PRIVATE_GROUP,
    d: RoomType.DIRECT_MESSAGE,
};

// converters/rooms.ts `convertRoom`: these fields are renamed as they are.
const ROOM_FIELDS = {
    id: '_id',
    displayName: 'fname',
    slugifiedName: 'name',
    members: 'members',
    userIds: 'uids',
    messageCount: 'msgs',
    createdAt: 'ts',
    updatedAt: '_updatedAt',
    closedAt: 'closedAt',
    lastModifiedAt: 'lm',
    customFields: 'customFields',
    livechatData: 'livechatData',
    isWaitingResponse: 'waitingResponse',
    isOpen: 'open',
    description: 'description',
    source: 'source',
    closer: 'closer',
    teamId: 'teamId',
    isTeamMain: 'teamMain',
};

/**
 * converters/rooms.ts `convertRoom`: people and departments become the full records of their own converters
 * (a visitor the converter cannot find, or a disabled one, is left out); `v` and `contactId` stay among the
 * unmapped fields, as there; `departmentId`, `servedBy`, `closedBy`, `responseBy`, `u` are consumed.
 */
export function convertRoom(document: RoomDocument, lookups: ConverterLookups): Converted<IRoom> {
    const { u, v, servedBy, responseBy, closedBy, departmentId, contactId } = document;
    const mapped = mapFields(document, ROOM_FIELDS, ['t', 'u', 'servedBy', 'responseBy', 'closedBy', 'departmentId', 'default', 'ro', 'sysMes']);
    const user = (ref: UserRef | undefined) => (ref ? lookups.user(ref._id) : undefined);
    const people = {
        type: ROOM_TYPES[document.t],
        creator: user(u),
        visitor: v ? convertVisitorById(v._id, lookups) : undefined,
        visitorChannelInfo: v ? { ...(v.phone ? { phone: v.phone } : {}), ...(v.lastMessageTs ? { lastMessageTs: v.lastMessageTs } : {}) } : undefined,
        contact: contactId ? lookups.contact(contactId) : undefined,
        department: departmentId ? lookups.department(departmentId) : undefined,
        // Whoever closed it: a user, or the visitor when the visitor did.
        closedBy: closedBy ? (document.closer === 'user' ? lookups.user(closedBy._id) : convertVisitorById(closedBy._id, lookups)) : undefined,
        servedBy: user(servedBy),
        responseBy: user(responseBy),
        isDefault: document.default === true,
        isReadOnly: document.ro === true,
        displaySystemMessages: document.sysMes === undefined ? true : document.sysMes,
    };
    const defined = Object.fromEntries(Object.entries(people).filter(([, value]) => value !== undefined));
    return { ...mapped, ...defined } as unknown as Converted<IRoom>;
}
