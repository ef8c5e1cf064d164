import type { App } from '@rocket.chat/apps-engine/definition/App';
import { AppStatus, AppStatusUtils } from '@rocket.chat/apps-engine/definition/AppStatus';
import type {
  IAppAccessors,
  IConfigurationExtend,
  IConfigurationModify,
  IHttp,
  ILogger,
  IModify,
  IPersistence,
  IRead,
} from '@rocket.chat/apps-engine/definition/accessors';
import type { IDepartment, ILivechatRoom, IVisitor } from '@rocket.chat/apps-engine/definition/livechat';
import type { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import type { IUIKitResponse, IUIKitSurface } from '@rocket.chat/apps-engine/definition/uikit';
import type { IUIActionButtonDescriptor } from '@rocket.chat/apps-engine/definition/ui';
import { UserType } from '@rocket.chat/apps-engine/definition/users';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import { assembleAccessors, type AppAccessorSet } from './accessors';
import { copyOf } from './clone';
import { AppRegistrations, createConfigurationExtend, createConfigurationModify } from './configuration';
import { HostDirectory } from './directory';
import { makeDepartment, makeLivechatRoom, makeRoom, makeUser, makeVisitor, type LivechatRoomParts } from './factories';
import { HostHttpExtend } from './http';
import {
  InteractionRunner,
  type ActionButtonClick,
  type BlockActionClick,
  type InteractiveApp,
  type SlashCommandRun,
  type ViewClose,
  type ViewSubmit,
} from './interactions';
import { AppMethodContext, HostLogger } from './logger';
import { PersistenceStore } from './persistence';
import { PermissionGuard, type PermissionFailureMode } from './permissions';
import { HostRecords } from './records';
import { HostScheduler, type ScheduledJob } from './scheduler';
import { AppSettingsStore, ServerSettingsReader } from './settings';
import { WebClientModel } from './web-client';

export interface HostOptions {
  /** The zip's app.json; its `permissions` are enforced. */
  appInfo: IAppInfo;
  /** Host name (or `*.domain`) -> loopback base URL, e.g. `{ 'api.liveperson.net': 'http://127.0.0.1:4321' }`. */
  routes?: Record<string, string>;
  /** Share one store between two hosts to model two Rocket.Chat instances on one database. */
  persistence?: PersistenceStore;
  /** Rocket.Chat's own settings, e.g. `{ Language: 'pt-BR' }`. */
  serverSettings?: Record<string, unknown>;
  /** `externalIds: false` models a host before Rocket.Chat 8.4 (no visitor externalIds, no updateVisitorExternalId). */
  features?: { externalIds?: boolean };
  /** false (default): jobs run only when the test asks; true: with timers (for the playground). */
  realTimeScheduler?: boolean;
  /** The clock for triggerId expiry, job times and record timestamps (default Date.now). */
  now?: () => number;
  /** `throw` (default) or `like-host` (log and resolve undefined, as the real bridges do). */
  permissionFailure?: PermissionFailureMode;
}

/** What the host constructs: `new AppClass(info, logger, accessors)`, as the engine does (a subclass of App). */
export type AppConstructor = new (info: IAppInfo, logger: ILogger, accessors: IAppAccessors) => App;

export interface InstallOptions {
  /** The admin installing the app, passed to `onInstall` (default: the app user). */
  installer?: IUser;
}

/** The in-memory Rocket.Chat host: one app, its data, its accessors, and records of everything it did. */
export class InMemoryHost {
  readonly appInfo: IAppInfo;
  readonly persistence: PersistenceStore;
  readonly read: IRead;
  readonly modify: IModify;
  readonly http: IHttp;
  readonly persis: IPersistence;

  private readonly now: () => number;
  private readonly records = new HostRecords();
  private readonly directory: HostDirectory;
  private readonly methods = new AppMethodContext();
  private readonly settings: AppSettingsStore;
  private readonly registrations = new AppRegistrations();
  private readonly scheduler: HostScheduler;
  private readonly client: WebClientModel;
  private readonly accessors: AppAccessorSet;
  private readonly configurationExtend: IConfigurationExtend;
  private readonly configurationModify: IConfigurationModify;
  private readonly interactions: InteractionRunner;
  private readonly logger: HostLogger;
  private installed: InteractiveApp | undefined;
  private appStatus: AppStatus = AppStatus.UNKNOWN;

  constructor(options: HostOptions) {
    this.appInfo = copyOf(options.appInfo);
    this.now = options.now ?? Date.now;
    this.persistence = options.persistence ?? new PersistenceStore();
    const externalIds = options.features?.externalIds ?? true;
    const appId = this.appInfo.id;
    const guard = new PermissionGuard(
      this.appInfo,
      (violation) => this.records.permissionViolations.push({ ...violation, at: this.now() }),
      options.permissionFailure ?? 'throw',
    );
    this.directory = new HostDirectory(externalIds);
    this.settings = new AppSettingsStore(this.now);
    this.client = new WebClientModel(this.now, this.records);
    this.logger = new HostLogger((record) => this.records.logs.push({ ...record, at: this.now() }), this.methods);
    this.scheduler = new HostScheduler({
      appId,
      guard,
      now: this.now,
      realTime: options.realTimeScheduler ?? false,
      isEnabled: () => this.isEnabled(),
      runProcessor: (processor, jobContext) =>
        this.methods.run('jobProcessor', async () => {
          try {
            await processor.processor(jobContext, this.read, this.modify, this.http, this.persis);
          } catch (error) {
            // Like AppSchedulerManager.wrapProcessor: the failure lands in the app's log, then propagates.
            this.logger.error(error);
            throw error;
          }
        }),
      onRealTimeError: () => undefined,
    });
    const httpExtend = new HostHttpExtend();
    this.accessors = assembleAccessors({
      appId,
      guard,
      directory: this.directory,
      records: this.records,
      now: this.now,
      settings: this.settings,
      serverSettings: new ServerSettingsReader(copyOf(options.serverSettings ?? {}), guard),
      persistence: this.persistence,
      scheduler: this.scheduler,
      client: this.client,
      httpExtend,
      routes: { ...(options.routes ?? {}) },
      externalIds,
    });
    ({ read: this.read, modify: this.modify, http: this.http, persis: this.persis } = this.accessors);
    const configuration = {
      guard,
      settings: this.settings,
      registrations: this.registrations,
      scheduler: this.scheduler,
      httpExtend,
    };
    this.configurationExtend = createConfigurationExtend(configuration);
    this.configurationModify = createConfigurationModify(configuration);
    this.interactions = new InteractionRunner({
      appId,
      registrations: this.registrations,
      client: this.client,
      directory: this.directory,
      accessors: this.accessors,
      methods: this.methods,
      enabledApp: () => this.enabledApp(),
    });
  }

  // ---- records -------------------------------------------------------------------------------------------------

  get notifications() {
    return this.records.notifications;
  }

  get surfaces() {
    return this.records.surfaces;
  }

  get roomMessages() {
    return this.records.roomMessages;
  }

  get logs() {
    return this.records.logs;
  }

  get httpRequests() {
    return this.records.httpRequests;
  }

  get permissionViolations() {
    return this.records.permissionViolations;
  }

  clearRecords(): void {
    this.records.clear();
  }

  // ---- data ----------------------------------------------------------------------------------------------------

  addUser(user: IUser): IUser {
    this.directory.addUser(user);
    return copyOf(user);
  }

  addVisitor(visitor: IVisitor): IVisitor {
    this.directory.addVisitor(visitor);
    return copyOf(visitor);
  }

  addDepartment(department: IDepartment): IDepartment {
    this.directory.addDepartment(department);
    return copyOf(department);
  }

  addRoom<T extends IRoom | ILivechatRoom>(room: T): T {
    this.directory.addRoom(room);
    return copyOf(room);
  }

  makeUser(partial: Partial<IUser> = {}): IUser {
    return makeUser(partial, this.now());
  }

  makeVisitor(partial: Partial<IVisitor> = {}): IVisitor {
    return makeVisitor(partial, this.now());
  }

  makeDepartment(partial: Partial<IDepartment> = {}): IDepartment {
    return makeDepartment(partial, this.now());
  }

  makeRoom(partial: Partial<IRoom> = {}): IRoom {
    return makeRoom(partial, this.now());
  }

  makeLivechatRoom(parts: LivechatRoomParts): ILivechatRoom {
    return makeLivechatRoom(parts, this.now());
  }

  /** The stored visitor, `externalIds` included whatever the feature flag (for assertions). */
  storedVisitor(id: string): IVisitor | undefined {
    return this.directory.storedVisitor(id);
  }

  // ---- lifecycle -----------------------------------------------------------------------------------------------

  get app(): App {
    if (!this.installed) {
      throw new Error('no app is installed: call installApp first');
    }
    return this.installed;
  }

  get status(): AppStatus {
    return this.appStatus;
  }

  isEnabled(): boolean {
    return this.installed !== undefined && AppStatusUtils.isEnabled(this.appStatus);
  }

  /**
   * Installs like AppManager.add: app user, constructor, `onInstall`, `initialize` (settings stored with their
   * packageValue), processors' startup jobs scheduled, then `onEnable`. Returns the app instance; `isEnabled()`
   * tells what onEnable decided.
   */
  async installApp(AppClass: AppConstructor, options: InstallOptions = {}): Promise<App> {
    if (this.installed) {
      throw new Error('an app is already installed in this host');
    }
    const appUser = this.addUser(
      makeUser(
        {
          id: `app-user-${this.appInfo.id}`,
          username: `${this.appInfo.nameSlug}.bot`,
          name: this.appInfo.name,
          roles: ['app'],
          type: UserType.APP,
          appId: this.appInfo.id,
        },
        this.now(),
      ),
    );
    const app = this.methods.run('constructor', () => new AppClass(copyOf(this.appInfo), this.logger, this.accessors.appAccessors));
    this.installed = app as InteractiveApp;
    await this.setAppStatus(AppStatus.CONSTRUCTED);
    const { read, http, persis, modify } = this.accessors;
    await this.methods.run('onInstall', () => app.onInstall({ user: options.installer ?? appUser }, read, http, persis, modify));
    await this.initialize();
    await this.enable(AppStatus.AUTO_ENABLED);
    return app;
  }

  /** `onDisable`, then commands and buttons are dropped; scheduled jobs are kept but do not run (AppManager.disable). */
  async disableApp(): Promise<void> {
    const app = this.app;
    try {
      if (this.isEnabled()) {
        await this.methods.run('onDisable', () => app.onDisable(this.configurationModify));
      }
    } finally {
      this.registrations.clearOnDisable();
      await this.setAppStatus(AppStatus.MANUALLY_DISABLED);
    }
  }

  /** Like AppManager.enable: `initialize` runs again (registrations come back), then `onEnable`. */
  async enableApp(): Promise<boolean> {
    if (this.isEnabled()) {
      return true;
    }
    await this.initialize();
    return this.enable(AppStatus.MANUALLY_ENABLED);
  }

  // ---- settings ------------------------------------------------------------------------------------------------

  /** The admin saves one setting: `onPreSettingUpdate`, store, then `onSettingUpdated` (awaited). */
  async setSetting(id: string, value: unknown): Promise<void> {
    const app = this.app;
    const oldSetting = await this.settings.getById(id);
    if (!oldSetting) {
      throw new Error(`No setting found for the App by the provided id: "${id}".`);
    }
    const { read, http } = this.accessors;
    const newSetting: ISetting = { ...oldSetting, value: copyOf(value) };
    const decorated =
      (await this.methods.run('onPreSettingUpdate', () =>
        app.onPreSettingUpdate({ oldSetting, newSetting }, this.configurationModify, read, http),
      )) ?? newSetting;
    this.settings.replace({ ...decorated, updatedAt: new Date(this.now()) });
    const stored = await this.settings.getById(id);
    await this.methods.run('onSettingUpdated', () => app.onSettingUpdated(stored, this.configurationModify, read, http));
  }

  /**
   * The admin page's save of several settings: one update per changed id, in order, started without waiting for
   * the previous one (the real burst), then all awaited. Returns the ids that changed.
   */
  async setSettings(values: Record<string, unknown>): Promise<string[]> {
    const current = new Map(this.settings.all().map((setting) => [setting.id, setting.value]));
    const changed = Object.keys(values).filter((id) => JSON.stringify(current.get(id)) !== JSON.stringify(values[id]));
    await Promise.all(changed.map((id) => this.setSetting(id, values[id])));
    return changed;
  }

  /** The app's settings as stored (values included). */
  appSettings(): ISetting[] {
    return this.settings.all();
  }

  // ---- what the app registered ---------------------------------------------------------------------------------

  slashCommands(): Array<{ command: string; enabled: boolean; i18nDescription: string; i18nParamsExample: string }> {
    return [...this.registrations.commands.values()].map(({ command, enabled }) => ({
      command: command.command,
      enabled,
      i18nDescription: command.i18nDescription,
      i18nParamsExample: command.i18nParamsExample,
    }));
  }

  actionButtons(): IUIActionButtonDescriptor[] {
    return [...this.registrations.buttons.values()].map(copyOf);
  }

  // ---- running the app -----------------------------------------------------------------------------------------

  runSlashCommand(run: SlashCommandRun): Promise<{ triggerId: string }> {
    return this.interactions.runSlashCommand(run);
  }

  clickActionButton(click: ActionButtonClick): Promise<IUIKitResponse> {
    return this.interactions.clickActionButton(click);
  }

  clickBlockAction(click: BlockActionClick): Promise<IUIKitResponse> {
    return this.interactions.clickBlockAction(click);
  }

  submitView(submit: ViewSubmit): Promise<IUIKitResponse | undefined> {
    return this.interactions.submitView(submit);
  }

  closeView(close: ViewClose): Promise<IUIKitResponse | undefined> {
    return this.interactions.closeView(close);
  }

  /** A triggerId as the user's client issues it now (to age it with the clock, or hand it to another user). */
  issueTriggerId(user: IUser): string {
    return this.client.issueTrigger(user);
  }

  /** The view as last rendered in the client, or undefined (never sent, dropped, closed). */
  renderedView(viewId: string): IUIKitSurface | undefined {
    return this.client.view(viewId);
  }

  // ---- jobs ----------------------------------------------------------------------------------------------------

  runJob(processorId: string, data?: object): Promise<void> {
    return this.scheduler.runNow(processorId, data);
  }

  scheduledJobs(): ScheduledJob[] {
    return this.scheduler.list();
  }

  runDueJobs(): Promise<ScheduledJob[]> {
    return this.scheduler.runDue();
  }

  /** Stops real-time scheduler timers. */
  shutdown(): void {
    this.scheduler.stopTimers();
  }

  // ---- internals -----------------------------------------------------------------------------------------------

  private enabledApp(): InteractiveApp {
    const app = this.app as InteractiveApp;
    if (!this.isEnabled()) {
      throw new Error(`the app is not enabled (status: ${this.appStatus})`);
    }
    return app;
  }

  /** A failing initialize leaves the app ERROR_DISABLED with its configuration purged (AppManager.initializeApp). */
  private async initialize(): Promise<void> {
    const app = this.app;
    try {
      await this.methods.run('initialize', () => app.initialize(this.configurationExtend, this.accessors.environmentRead));
    } catch (error) {
      await this.purge(AppStatus.ERROR_DISABLED);
      throw error;
    }
    await this.setAppStatus(AppStatus.INITIALIZED);
  }

  private async purge(status: AppStatus): Promise<void> {
    this.registrations.clearOnDisable();
    this.scheduler.purge();
    await this.setAppStatus(status);
  }

  /** onEnable decides; a false or a throw leaves the app disabled with its configuration and jobs purged. */
  private async enable(enabledStatus: AppStatus): Promise<boolean> {
    const app = this.app;
    let enabled = false;
    try {
      enabled = await this.methods.run('onEnable', () =>
        app.onEnable(this.accessors.environmentRead, this.configurationModify),
      );
    } catch (error) {
      await this.purge(AppStatus.ERROR_DISABLED);
      throw error;
    }
    if (enabled) {
      await this.setAppStatus(enabledStatus);
    } else {
      await this.purge(AppStatus.DISABLED);
    }
    return enabled;
  }

  /** The engine tells the app its status through the protected `setStatus`. */
  private async setAppStatus(status: AppStatus): Promise<void> {
    this.appStatus = status;
    const app = this.installed as unknown as { setStatus?: (status: AppStatus) => Promise<void> } | undefined;
    await this.methods.run('setStatus', async () => app?.setStatus?.(status));
  }
}

export function createInMemoryHost(options: HostOptions): InMemoryHost {
  return new InMemoryHost(options);
}
