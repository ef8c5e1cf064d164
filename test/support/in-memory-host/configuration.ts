import type {
  IConfigurationExtend,
  IConfigurationModify,
  ISlashCommandsModify,
} from '@rocket.chat/apps-engine/definition/accessors';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import type { ISlashCommand } from '@rocket.chat/apps-engine/definition/slashcommands';
import type { IUIActionButtonDescriptor } from '@rocket.chat/apps-engine/definition/ui';
import { copyOf } from './clone';
import type { HostHttpExtend } from './http';
import { unsupportedAccessor } from './not-implemented';
import { Permission, type PermissionGuard } from './permissions';
import type { HostScheduler } from './scheduler';
import type { AppSettingsStore } from './settings';

export interface RegisteredCommand {
  command: ISlashCommand;
  enabled: boolean;
}

/** What the app registered at initialize. Disabling the app drops commands and buttons (AppManager.purgeAppConfig). */
export class AppRegistrations {
  readonly commands = new Map<string, RegisteredCommand>();
  readonly buttons = new Map<string, IUIActionButtonDescriptor>();

  clearOnDisable(): void {
    this.commands.clear();
    this.buttons.clear();
  }
}

export interface ConfigurationDependencies {
  guard: PermissionGuard;
  settings: AppSettingsStore;
  registrations: AppRegistrations;
  scheduler: HostScheduler;
  httpExtend: HostHttpExtend;
}

/**
 * IConfigurationExtend. Checks: `slashcommand` to provide a command (CommandBridge), `ui.registerButtons` to
 * register a button (UIActionButtonManager), `scheduler` to register processors (SchedulerBridge); settings need
 * none. APIs, external components, video-conference and outbound providers are not modelled.
 */
export function createConfigurationExtend(deps: ConfigurationDependencies): IConfigurationExtend {
  const { guard, settings, registrations } = deps;
  return {
    http: deps.httpExtend,
    settings: {
      provideSetting: async (setting: ISetting) => settings.provide(setting),
    },
    slashCommands: {
      provideSlashCommand: async (command: ISlashCommand) => {
        if (guard.allows(Permission.slashCommand, 'ISlashCommandsExtend.provideSlashCommand')) {
          registrations.commands.set(command.command.toLowerCase(), { command, enabled: true });
        }
      },
    },
    ui: {
      registerButton: (button: IUIActionButtonDescriptor) => {
        if (guard.allows(Permission.registerButtons, 'IUIExtend.registerButton')) {
          registrations.buttons.set(button.actionId, copyOf(button));
        }
      },
    },
    scheduler: deps.scheduler.extend,
    api: unsupportedAccessor('IApiExtend'),
    externalComponents: unsupportedAccessor('IExternalComponentsExtend'),
    videoConfProviders: unsupportedAccessor('IVideoConfProvidersExtend'),
    outboundCommunication: unsupportedAccessor('IOutboundCommunicationProviderExtend'),
  };
}

/** IConfigurationModify: slash commands (`slashcommand`, CommandBridge) and the scheduler; server settings are not modelled. */
export function createConfigurationModify(deps: ConfigurationDependencies): IConfigurationModify {
  const { guard, registrations } = deps;
  const registered = (command: string): RegisteredCommand => {
    const entry = registrations.commands.get(command.toLowerCase());
    if (!entry) {
      throw new Error(`Command does not exist: "${command}".`);
    }
    return entry;
  };
  const slashCommands: ISlashCommandsModify = {
    modifySlashCommand: async (command) => {
      if (guard.allows(Permission.slashCommand, 'ISlashCommandsModify.modifySlashCommand')) {
        registered(command.command).command = command;
      }
    },
    disableSlashCommand: async (command) => {
      if (guard.allows(Permission.slashCommand, 'ISlashCommandsModify.disableSlashCommand')) {
        registered(command).enabled = false;
      }
    },
    enableSlashCommand: async (command) => {
      if (guard.allows(Permission.slashCommand, 'ISlashCommandsModify.enableSlashCommand')) {
        registered(command).enabled = true;
      }
    },
  };
  return {
    slashCommands,
    scheduler: deps.scheduler.modify,
    serverSettings: unsupportedAccessor('IServerSettingsModify'),
  };
}
