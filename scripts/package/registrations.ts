import type { IConfigurationExtend, IEnvironmentRead, ILogger } from '@rocket.chat/apps-engine/definition/accessors';
import type { App } from '@rocket.chat/apps-engine/definition/App';
import type { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import type { IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import type { ISlashCommand } from '@rocket.chat/apps-engine/definition/slashcommands';
import type { IUIActionButtonDescriptor } from '@rocket.chat/apps-engine/definition/ui';

export interface Registrations {
    methodNames: Set<string>;
    settings: ISetting[];
    commands: ISlashCommand[];
    buttons: IUIActionButtonDescriptor[];
    processors: IProcessor[];
}

const silentLogger = new Proxy({}, { get: () => () => undefined }) as ILogger;

/** Runs the bundled class's configuration step against a recorder: what the zip will really register. */
export async function collectRegistrations(mainJsPath: string, info: IAppInfo): Promise<Registrations> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(mainJsPath) as Record<string, new (...args: unknown[]) => App>;
    const AppClass = Object.values(exported)[0];
    const found: Registrations = { methodNames: new Set(), settings: [], commands: [], buttons: [], processors: [] };
    for (let proto = AppClass.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
        Object.getOwnPropertyNames(proto).forEach((name) => found.methodNames.add(name));
    }
    const app = new AppClass(info, silentLogger, undefined);
    const configuration = {
        settings: { provideSetting: async (setting: ISetting) => void found.settings.push(setting) },
        slashCommands: { provideSlashCommand: async (command: ISlashCommand) => void found.commands.push(command) },
        ui: { registerButton: (button: IUIActionButtonDescriptor) => void found.buttons.push(button) },
        scheduler: { registerProcessors: async (processors: IProcessor[] = []) => void found.processors.push(...processors) },
    } as unknown as IConfigurationExtend;
    await app.initialize(configuration, {} as IEnvironmentRead);
    return found;
}

/** The i18n keys the host looks up for what the app registers. */
export function hostI18nKeys(found: Registrations): string[] {
    const keys = new Set<string>();
    for (const setting of found.settings) {
        [setting.i18nLabel, setting.i18nDescription, setting.i18nAlert, setting.i18nPlaceholder, setting.section].forEach((key) => key && keys.add(key));
        setting.values?.forEach((value) => keys.add(value.i18nLabel));
    }
    for (const command of found.commands) {
        keys.add(command.i18nDescription);
        keys.add(command.i18nParamsExample);
    }
    found.buttons.forEach((button) => keys.add(button.labelI18n));
    return [...keys];
}
