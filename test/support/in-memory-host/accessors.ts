import type {
  IAppAccessors,
  IEnvironmentRead,
  IHttp,
  ILivechatUpdater,
  IModify,
  IModifyUpdater,
  IPersistence,
  IRead,
} from '@rocket.chat/apps-engine/definition/accessors';
import type { HostDirectory } from './directory';
import { HostHttp, type HostHttpExtend } from './http';
import { LegacyLivechatUpdater, LivechatReader, LivechatUpdater } from './livechat';
import { HostModifyCreator } from './message-creator';
import { notImplemented, unsupportedAccessor } from './not-implemented';
import { HostNotifier } from './notifier';
import { AppPersistence, AppPersistenceRead, type PersistenceStore } from './persistence';
import type { PermissionGuard } from './permissions';
import type { HostRecords } from './records';
import { RoomReader, UserReader } from './rooms-users';
import type { HostScheduler } from './scheduler';
import type { AppSettingsStore, ServerSettingsReader } from './settings';
import { HostUIController } from './ui-controller';
import type { WebClientModel } from './web-client';

export interface AccessorParts {
  appId: string;
  guard: PermissionGuard;
  directory: HostDirectory;
  records: HostRecords;
  now: () => number;
  settings: AppSettingsStore;
  serverSettings: ServerSettingsReader;
  persistence: PersistenceStore;
  scheduler: HostScheduler;
  client: WebClientModel;
  httpExtend: HostHttpExtend;
  routes: Record<string, string>;
  externalIds: boolean;
}

/** The accessors the host hands the app; one set per app, like the engine's AppAccessorManager. */
export interface AppAccessorSet {
  read: IRead;
  modify: IModify;
  http: IHttp;
  persis: IPersistence;
  environmentRead: IEnvironmentRead;
  appAccessors: IAppAccessors;
}

export function assembleAccessors(parts: AccessorParts): AppAccessorSet {
  const { appId, guard, directory, records, now } = parts;

  const environmentRead: IEnvironmentRead = {
    getSettings: () => parts.settings,
    getServerSettings: () => parts.serverSettings,
    getEnvironmentVariables: () => unsupportedAccessor('IEnvironmentalVariableRead'),
  };

  const notifier = new HostNotifier({ guard, directory, records, now });
  const persis = new AppPersistence(parts.persistence, appId, guard);
  const persistenceRead = new AppPersistenceRead(parts.persistence, appId, guard);
  const roomReader = new RoomReader(directory, guard);
  const userReader = new UserReader(directory, guard, appId);
  const livechatReader = new LivechatReader(directory, guard);

  const read: IRead = {
    getEnvironmentReader: () => environmentRead,
    getPersistenceReader: () => persistenceRead,
    getRoomReader: () => roomReader,
    getUserReader: () => userReader,
    getNotifier: () => notifier,
    getLivechatReader: () => livechatReader,
    getThreadReader: () => unsupportedAccessor('IThreadRead'),
    getMessageReader: () => unsupportedAccessor('IMessageRead'),
    getUploadReader: () => unsupportedAccessor('IUploadRead'),
    getCloudWorkspaceReader: () => unsupportedAccessor('ICloudWorkspaceRead'),
    getVideoConferenceReader: () => unsupportedAccessor('IVideoConferenceRead'),
    getOAuthAppsReader: () => unsupportedAccessor('IOAuthAppsReader'),
    getRoleReader: () => unsupportedAccessor('IRoleRead'),
    getContactReader: () => unsupportedAccessor('IContactRead'),
    getExperimentalReader: () => unsupportedAccessor('IExperimentalRead'),
  };

  const http = new HostHttp({
    guard,
    records,
    now,
    extend: parts.httpExtend,
    routes: parts.routes,
    accessors: () => ({ read, persis }),
  });

  // A host before Rocket.Chat 8.4 has no updateVisitorExternalId at all, although the (newer) type declares it:
  // the app must feature-detect it.
  const livechatUpdater: ILivechatUpdater = parts.externalIds
    ? new LivechatUpdater(directory, guard, appId)
    : (new LegacyLivechatUpdater(directory, guard, appId) as unknown as ILivechatUpdater);

  const updater: IModifyUpdater = {
    getLivechatUpdater: () => livechatUpdater,
    getUserUpdater: () => unsupportedAccessor('IUserUpdater'),
    getMessageUpdater: () => unsupportedAccessor('IMessageUpdater'),
    message: async () => notImplemented('IModifyUpdater.message'),
    room: async () => notImplemented('IModifyUpdater.room'),
    finish: async () => notImplemented('IModifyUpdater.finish'),
  };

  const creator = new HostModifyCreator(appId, { guard, directory, records, now });
  const uiController = new HostUIController(appId, guard, parts.client);

  const modify: IModify = {
    getCreator: () => creator,
    getUpdater: () => updater,
    getNotifier: () => notifier,
    getUiController: () => uiController,
    getScheduler: () => parts.scheduler.modify,
    getDeleter: () => unsupportedAccessor('IModifyDeleter'),
    getExtender: () => unsupportedAccessor('IModifyExtender'),
    getOAuthAppsModifier: () => unsupportedAccessor('IOAuthAppsModify'),
    getModerationModifier: () => unsupportedAccessor('IModerationModify'),
  };

  const appAccessors: IAppAccessors = {
    environmentReader: environmentRead,
    environmentWriter: {
      getSettings: () => unsupportedAccessor('ISettingUpdater'),
      getServerSettings: () => unsupportedAccessor('IServerSettingUpdater'),
    },
    reader: read,
    http,
    providedApiEndpoints: [],
  };

  return { read, modify, http, persis, environmentRead, appAccessors };
}
