import type { IServerSettingRead, ISettingRead } from '@rocket.chat/apps-engine/definition/accessors';
import { SettingType } from '@rocket.chat/apps-engine/definition/settings';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { copyOf } from './clone';
import { Permission, type PermissionGuard } from './permissions';

/**
 * The app's own settings (what the admin edits on the app's page). Reading them needs no permission.
 * Values follow the engine's SettingRead: a setting without a value falls back to its packageValue.
 */
export class AppSettingsStore implements ISettingRead {
  private readonly settings = new Map<string, ISetting>();

  constructor(private readonly now: () => number) {}

  /** `settings.provideSetting`: a re-provided setting (initialize runs again on enable) keeps its stored value. */
  provide(setting: ISetting): void {
    const previous = this.settings.get(setting.id);
    const at = new Date(this.now());
    this.settings.set(setting.id, {
      ...copyOf(setting),
      value: previous ? previous.value : (setting.value ?? setting.packageValue),
      createdAt: previous?.createdAt ?? at,
      updatedAt: at,
    });
  }

  has(id: string): boolean {
    return this.settings.has(id);
  }

  /** Stores a new value (the admin's save) and returns the stored setting. */
  update(id: string, value: unknown): ISetting {
    const setting = this.settings.get(id);
    if (!setting) {
      throw new Error(`No setting found for the App by the provided id: "${id}".`);
    }
    const updated = { ...setting, value, updatedAt: new Date(this.now()) };
    this.settings.set(id, updated);
    return copyOf(updated);
  }

  /** Replaces a setting with the one `onPreSettingUpdate` returned. */
  replace(setting: ISetting): void {
    this.settings.set(setting.id, copyOf(setting));
  }

  all(): ISetting[] {
    return [...this.settings.values()].map(copyOf);
  }

  async getById(id: string): Promise<ISetting> {
    return copyOf(this.settings.get(id)) as ISetting;
  }

  async getValueById(id: string): Promise<unknown> {
    const setting = this.settings.get(id);
    if (!setting) {
      throw new Error(`Setting "${id}" does not exist.`);
    }
    return copyOf(setting.value ?? setting.packageValue);
  }
}

function typeOf(value: unknown): SettingType {
  switch (typeof value) {
    case 'boolean':
      return SettingType.BOOLEAN;
    case 'number':
      return SettingType.NUMBER;
    default:
      return SettingType.STRING;
  }
}

/** Rocket.Chat's own settings (`Language`, `Site_Url`, ...): `server-setting.read` (ServerSettingBridge). */
export class ServerSettingsReader implements IServerSettingRead {
  constructor(
    private readonly values: Record<string, unknown>,
    private readonly guard: PermissionGuard,
  ) {}

  async getOneById(id: string): Promise<ISetting> {
    if (!this.guard.allows(Permission.serverSettingRead, 'IServerSettingRead.getOneById')) {
      return undefined as unknown as ISetting;
    }
    return this.settingFor(id) as ISetting;
  }

  async getValueById(id: string): Promise<unknown> {
    if (!this.guard.allows(Permission.serverSettingRead, 'IServerSettingRead.getValueById')) {
      return undefined;
    }
    const setting = this.settingFor(id);
    if (!setting) {
      throw new Error(`No Server Setting found, or it is unaccessible, by the id of "${id}".`);
    }
    return setting.value ?? setting.packageValue;
  }

  async getAll(): Promise<IterableIterator<ISetting>> {
    if (!this.guard.allows(Permission.serverSettingRead, 'IServerSettingRead.getAll')) {
      return [][Symbol.iterator]();
    }
    const settings = Object.keys(this.values).map((id) => this.settingFor(id) as ISetting);
    return settings[Symbol.iterator]();
  }

  async isReadableById(id: string): Promise<boolean> {
    if (!this.guard.allows(Permission.serverSettingRead, 'IServerSettingRead.isReadableById')) {
      return false;
    }
    return Object.prototype.hasOwnProperty.call(this.values, id);
  }

  private settingFor(id: string): ISetting | undefined {
    if (!Object.prototype.hasOwnProperty.call(this.values, id)) {
      return undefined;
    }
    const value = copyOf(this.values[id]);
    return { id, type: typeOf(value), packageValue: value, value, required: false, public: true, i18nLabel: id };
  }
}
