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

export function bridgeMethods({ workspace, recorder, http, externalIdWrites }: HostOptions): Record<BridgeName, Methods> {
    const { commands } = recorder;
    const livechat: Methods = {
        findVisitorById: async (id: string) => {
            workspace.failIfPlanned('findVisitorById');
            return stored(workspace.visitors.get(id));
        },
        findDepartmentByIdOrName: async (value: string) =>
            stored(workspace.departments.get(value) ?? [...workspace.departments.values()].find((department) => department.name === value)),
        findRooms: async (visitor: IVisitor, departmentId: string | null) =>
            [...workspace.rooms.values()]
                .filter(
                    (room) =>
                        (room as { visitor?: IVisitor }).visitor?.id === visitor.id &&
                        (departmentId === null || (room as { department?: { id: string } }).department?.id === departmentId),
                )
                .map(stored),
    };
    if (externalIdWrites) {
        // As Rocket.Chat 8.4+: the app's own entry is replaced; other apps' entries are kept.
        livechat.updateVisitorExternalId = async (visitorId: string, externalId: Omit<IVisitorExternalIdentifier, 'appId'>, appId: string) => {
            workspace.failIfPlanned('updateVisitorExternalId');
            if (!workspace.visitors.has(visitorId)) return undefined;
            return workspace.updateVisitor(visitorId, (visitor) => ({
                ...visitor,
                externalIds: [...(visitor.externalIds ?? []).filter((entry) => entry.appId !== appId), { ...fromApp(externalId), appId }],
            }));
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
            notifyUser: async (user: IUser, message: IMessage) => void recorder.notices.push({ userId: user.id, ...messageSummary(fromApp(message)) }),
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
            getById: async (roomId: string) => stored(workspace.rooms.get(roomId)),
        },
        serverSetting: {
            // Rocket.Chat answers an unknown id with undefined; the engine's reader turns that into an error.
            getOneById: async (id: string) =>
                workspace.serverSettings.has(id)
                    ? {
                          id,
                          type: 'string',
                          packageValue: workspace.serverSettings.get(id),
                          value: workspace.serverSettings.get(id),
                          required: false,
                          public: true,
                          i18nLabel: id,
                      }
                    : undefined,
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
        scheduler: {
            registerProcessors: async (processors: IProcessor[]) => {
                for (const processor of processors) {
                    recorder.processors.set(processor.id, processor);
                    if (processor.startupSetting?.type === 'recurring') {
                        recorder.jobs.push({ kind: 'recurring', id: processor.id, interval: processor.startupSetting.interval, fromStartup: true });
                    }
                }
                return processors.map((processor) => processor.id);
            },
            scheduleOnce: async (job: IOnetimeSchedule) => {
                recorder.jobs.push({ kind: 'once', id: job.id, when: new Date(job.when) });
                return job.id;
            },
            scheduleRecurring: async (job: IRecurringSchedule) => {
                recorder.jobs.push({ kind: 'recurring', id: job.id, interval: job.interval, fromStartup: false });
                return job.id;
            },
            cancelJob: async (jobId: string) => {
                recorder.cancelledJobs.push(jobId);
                for (let index = recorder.jobs.length - 1; index >= 0; index--) if (recorder.jobs[index].id === jobId) recorder.jobs.splice(index, 1);
            },
            cancelAllJobs: async (appId: string) => {
                recorder.cancelledJobs.push(`*${appId}`);
                recorder.jobs.length = 0;
            },
        },
        internal: {},
        // The engine signs every installed app with these keys and checks the signature on each enable.
        federation: {
            getPrivateKey: async () => keys.privateKey,
            getPublicKey: async () => keys.publicKey,
        },
    };
}
