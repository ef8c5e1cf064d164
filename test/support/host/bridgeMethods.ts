/**
 * The host side of every bridge the app and the engine reach, written once for both engines (1.62 and 1.42 agree
 * on these methods). Each entry is what Rocket.Chat implements behind a bridge's protected abstract method; the
 * engine's own `do*` wrapper in front of it checks the app's permissions first. A method missing here fails the
 * scenario loudly (see hostBridge.ts).
 */
import { generateKeyPairSync } from 'node:crypto';

import type { IVisitor, IVisitorExternalIdentifier } from 'apps-engine-1-62/definition/livechat';
import type { IMessage } from 'apps-engine-1-62/definition/messages';
import type { RocketChatAssociationRecord } from 'apps-engine-1-62/definition/metadata';
import type { IOnetimeSchedule, IProcessor, IRecurringSchedule } from 'apps-engine-1-62/definition/scheduler';
import type { ISetting } from 'apps-engine-1-62/definition/settings';
import type { ISlashCommand } from 'apps-engine-1-62/definition/slashcommands';
import type { IUIKitInteraction } from 'apps-engine-1-62/definition/uikit';
import type { IUIKitSurface } from 'apps-engine-1-62/definition/uikit/IUIKitSurface';
import type { IUser } from 'apps-engine-1-62/definition/users';
import { UserType } from 'apps-engine-1-62/definition/users/UserType';

import type { JobScheduler } from './jobScheduler';
import type { Loopback } from './loopbackHttp';
import { messageSummary, type HostRecorder } from './recorder';
import { randomId, stored, type PersistedRecord, type Workspace } from './workspace';

export type BridgeName =
    | 'activation'
    | 'detailChanges'
    | 'command'
    | 'http'
    | 'livechat'
    | 'message'
    | 'persistence'
    | 'room'
    | 'serverSetting'
    | 'user'
    | 'uiInteraction'
    | 'scheduler'
    | 'internal'
    | 'federation';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Methods = Record<string, (...args: any[]) => unknown>;

export interface HostOptions {
    workspace: Workspace;
    recorder: HostRecorder;
    http: Loopback;
    /** Rocket.Chat 8.4 added `updateVisitorExternalId`; a host before it has no such method. */
    externalIdWrites: boolean;
    /** The cluster's scheduler (one job collection), and which instance of the cluster these bridges serve. */
    scheduler: JobScheduler;
    instance: number;
}

/** Objects that come from the app (vm2 proxies in 1.42, msgpack-decoded in 1.62) are kept as plain JSON. */
const fromApp = <T>(value: T): T => (value === undefined || value === null ? value : (JSON.parse(JSON.stringify(value)) as T));

/**
 * Rocket.Chat stores the association objects themselves (`{ model, id }`) and matches them with `$all`. From the
 * Deno runtime they arrive as plain objects, from 1.42 as class instances: both carry the two fields.
 */
const associationKey = (association: RocketChatAssociationRecord): string => {
    const { model, id } = association as unknown as { model: string; id: string };
    return `${model}:${id}`;
};

/** A record matches when it carries every association asked for (Rocket.Chat's `$all`). */
const matching = (records: PersistedRecord[], associations: RocketChatAssociationRecord[], appId: string) => {
    const wanted = associations.map(associationKey);
    return records.filter((record) => record.appId === appId && wanted.every((key) => record.associations.includes(key)));
};

const keys = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

/** bridges/settings.ts `getOneById`: an unknown setting, or (7.5+) a hidden one its permission does not name, throws. */
const notReadable = (id: string) => new Error(`The setting "${id}" is not readable.`);

export function bridgeMethods({ workspace, recorder, http, externalIdWrites, scheduler, instance }: HostOptions): Record<BridgeName, Methods> {
    const { commands } = recorder;
    const livechat: Methods = {
        // bridges/livechat.ts → converters/visitors.ts `convertById`: converted; a disabled visitor is undefined.
        findVisitorById: async (id: string) => {
            workspace.failIfPlanned('findVisitorById');
            return workspace.visitor(id);
        },
        findDepartmentByIdOrName: async (value: string) =>
            stored(workspace.departments.get(value) ?? [...workspace.departments.values()].find((department) => department.name === value)),
        // bridges/livechat.ts `findRooms`: open rooms only, by the visitor's token (and department), unsorted, no limit.
        findRooms: async (visitor: IVisitor | null, departmentId: string | null | undefined) =>
            visitor
                ? [...workspace.roomDocuments.values()]
                      .filter(
                          (room) =>
                              room.t === 'l' && room.open === true && room.v?.token === visitor.token && (!departmentId || room.departmentId === departmentId),
                      )
                      .map((room) => workspace.room(room._id))
                : [],
    };
    if (externalIdWrites) {
        // As Rocket.Chat 8.4+: the app's own entry is replaced; other apps' entries are kept.
        livechat.updateVisitorExternalId = async (visitorId: string, externalId: Omit<IVisitorExternalIdentifier, 'appId'>, appId: string) => {
            workspace.failIfPlanned('updateVisitorExternalId');
            if (!workspace.visitors.has(visitorId)) return undefined;
            workspace.updateVisitor(visitorId, (visitor) => ({
                ...visitor,
                externalIds: [...(visitor.externalIds ?? []).filter((entry) => entry.appId !== appId), { ...fromApp(externalId), appId }],
            }));
            return workspace.visitor(visitorId);
        };
    }

    return {
        activation: {
            appAdded: async () => undefined,
            appUpdated: async () => undefined,
            appRemoved: async () => undefined,
            appStatusChanged: async () => undefined,
            actionsChanged: async () => undefined,
        },
        detailChanges: {
            // Ids only: some values are secrets.
            onAppSettingsChange: (_appId: string, setting: ISetting) => void recorder.settingChanges.push(setting.id),
        },
        command: {
            doesCommandExist: async (command: string) => commands.has(command),
            // What Rocket.Chat keeps of a command: its words, not the app object behind it.
            registerCommand: async ({ command, i18nDescription, i18nParamsExample, permission, providesPreview }: ISlashCommand, appId: string) =>
                void commands.set(command, { appId, command: { command, i18nDescription, i18nParamsExample, permission, providesPreview } as ISlashCommand }),
            unregisterCommand: async (command: string) => void commands.delete(command),
            enableCommand: async () => undefined,
            disableCommand: async () => undefined,
            modifyCommand: async () => undefined,
        },
        http: { call: (info: Parameters<Loopback['call']>[0]) => http.call(info, recorder.http) },
        livechat,
        message: {
            create: async (message: IMessage) => {
                recorder.posted.push(messageSummary(fromApp(message)));
                return randomId();
            },
            // bridges/messages.ts: an ephemeral message to the user's clients, shown in that room only if it is open there.
            notifyUser: async (user: IUser, message: IMessage) => {
                const summary = messageSummary(fromApp(message));
                recorder.notices.push({ userId: user.id, ...summary, seen: summary.roomId !== undefined && recorder.web.openRoom(user.id) === summary.roomId });
            },
            // Shown to every member of the room: as public as a post.
            notifyRoom: async (_room: unknown, message: IMessage) => void recorder.posted.push(messageSummary(fromApp(message))),
        },
        persistence: {
            readByAssociations: async (associations: RocketChatAssociationRecord[], appId: string) =>
                matching(workspace.records, associations, appId).map((record) => stored(record.data)),
            updateByAssociations: async (associations: RocketChatAssociationRecord[], data: object, upsert: boolean, appId: string) => {
                const found = matching(workspace.records, associations, appId);
                if (found.length === 0) {
                    if (!upsert) throw new Error('no record to update for these associations');
                    const record = { id: randomId(), appId, data: fromApp(data), associations: associations.map(associationKey) };
                    workspace.records.push(record);
                    return record.id;
                }
                found.forEach((record) => (record.data = fromApp(data)));
                return found[0].id;
            },
            removeByAssociations: async (associations: RocketChatAssociationRecord[], appId: string) => {
                const found = matching(workspace.records, associations, appId);
                found.forEach((record) => workspace.records.splice(workspace.records.indexOf(record), 1));
                return found.length > 0 ? found.map((record) => record.data) : undefined;
            },
            purge: async (appId: string) => {
                for (let index = workspace.records.length - 1; index >= 0; index--) {
                    if (workspace.records[index].appId === appId) workspace.records.splice(index, 1);
                }
            },
        },
        room: {
            // bridges/rooms.ts → converters/rooms.ts `convertById`.
            getById: async (roomId: string) => workspace.findRoom(roomId),
        },
        serverSetting: {
            // The app names no hidden setting in its server-setting.read permission (hiddenSettings).
            getOneById: async (id: string) => {
                if (!workspace.serverSettings.has(id) || workspace.hiddenSettings.has(id)) throw notReadable(id);
                const value = workspace.serverSettings.get(id);
                return { id, type: 'string', packageValue: value, value, required: false, public: true, hidden: false, i18nLabel: id };
            },
        },
        user: {
            getById: async (id: string) => stored(workspace.users.get(id)),
            getByUsername: async (username: string) => stored([...workspace.users.values()].find((user) => user.username === username)),
            getAppUser: async (appId?: string) => stored([...workspace.users.values()].find((user) => user.appId !== undefined && user.appId === appId)),
            // The engine creates the app's bot user on install (`<nameSlug>.bot`).
            create: async (data: Partial<IUser>, appId: string) => {
                const id = `app-user-${appId}`;
                workspace.addUser({ id, username: data.username ?? id, name: data.name ?? id, type: UserType.APP, roles: data.roles ?? ['app'], appId });
                return id;
            },
            // Uninstalling removes the app's bot user.
            remove: async (user: IUser) => workspace.users.delete(user.id),
            deleteUsersCreatedByApp: async (appId: string) => {
                for (const [id, user] of workspace.users) if (user.appId === appId) workspace.users.delete(id);
                return true;
            },
        },
        uiInteraction: {
            notifyUser: async (user: IUser, interaction: IUIKitInteraction) =>
                recorder.web.receive(user.id, fromApp(interaction as IUIKitInteraction & { view?: IUIKitSurface })),
        },
        // bridges/scheduler.ts, over Agenda: see jobScheduler.ts. Ids returned are Agenda's document ids.
        scheduler: {
            registerProcessors: async (processors: IProcessor[]) => scheduler.define(instance, processors),
            scheduleOnce: async (job: IOnetimeSchedule) => scheduler.scheduleOnce(fromApp(job)),
            scheduleRecurring: async (job: IRecurringSchedule) => scheduler.scheduleRecurring(fromApp(job)),
            cancelJob: async (jobId: string) => scheduler.cancel(jobId),
            cancelAllJobs: async (appId: string) => scheduler.cancelAll(appId),
        },
        internal: {},
        // The engine signs every installed app with these keys and checks the signature on each enable.
        federation: {
            getPrivateKey: async () => keys.privateKey,
            getPublicKey: async () => keys.publicKey,
        },
    };
}
