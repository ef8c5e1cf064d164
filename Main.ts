import type {
    IAppAccessors,
    IConfigurationExtend,
    IConfigurationModify,
    IEnvironmentRead,
    IHttp,
    ILogger,
    IModify,
    IPersistence,
    IRead,
} from '@rocket.chat/apps-engine/definition/accessors';
import { App } from '@rocket.chat/apps-engine/definition/App';
import type { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { RoomTypeFilter, UIActionButtonContext } from '@rocket.chat/apps-engine/definition/ui';
import type { IUIKitInteractionHandler, IUIKitResponse, UIKitActionButtonInteractionContext, UIKitBlockInteractionContext } from '@rocket.chat/apps-engine/definition/uikit';

import type { AppRuntime } from './src/AppRuntime';
import { currentLogger } from './src/currentLogger';
import { VisitorInfoCommand } from './src/commands/VisitorInfoCommand';
import { ROOM_ACTION_ID } from './src/handlers/ids';
import { handleBlockAction } from './src/handlers/RefreshHandler';
import { handleRoomAction } from './src/handlers/RoomActionHandler';
import { jobProcessors, PREWARM_JOB } from './src/lifecycle/jobs';
import { handleSettingUpdated } from './src/lifecycle/onSettingUpdated';
import { PrewarmScheduler } from './src/lifecycle/PrewarmScheduler';
import { LivePersonClient } from './src/liveperson/LivePersonClient';
import { createCallContext } from './src/liveperson/createCallContext';
import { SETTINGS } from './src/settings/settingDefinitions';

/** Registers and delegates; every behaviour lives in src/. */
export class LivePersonVisitorInfoApp extends App implements IUIKitInteractionHandler {
    private readonly runtime: AppRuntime;

    constructor(info: IAppInfo, logger: ILogger, accessors: IAppAccessors) {
        super(info, logger, accessors);
        this.runtime = { appId: info.id, logger: currentLogger(() => this.getLogger()), client: new LivePersonClient(), prewarm: new PrewarmScheduler() };
    }

    protected override async extendConfiguration(configuration: IConfigurationExtend): Promise<void> {
        await Promise.all(SETTINGS.map((setting) => configuration.settings.provideSetting(setting)));
        await configuration.slashCommands.provideSlashCommand(new VisitorInfoCommand(this.runtime));
        configuration.ui.registerButton({
            actionId: ROOM_ACTION_ID,
            labelI18n: 'room_action_label',
            context: UIActionButtonContext.ROOM_ACTION,
            when: { roomTypes: [RoomTypeFilter.LIVE_CHAT], hasOnePermission: ['view-l-room'] },
        });
        await configuration.scheduler.registerProcessors(jobProcessors(this.runtime));
    }

    public override async onEnable(_environment: IEnvironmentRead, configurationModify: IConfigurationModify): Promise<boolean> {
        await this.runtime.prewarm.schedule(configurationModify, this.runtime.logger, 0);
        return true;
    }

    public override async onDisable(configurationModify: IConfigurationModify): Promise<void> {
        await configurationModify.scheduler.cancelJob(PREWARM_JOB);
        const { http, reader } = this.getAccessors();
        await this.runtime.client.logout(createCallContext({ http, read: reader }, this.runtime.logger, 5000)).catch(() => undefined);
    }

    public override async onSettingUpdated(setting: ISetting, configurationModify: IConfigurationModify, read: IRead, http: IHttp): Promise<void> {
        await handleSettingUpdated(this.runtime, setting, configurationModify, read, http);
    }

    public async executeActionButtonHandler(context: UIKitActionButtonInteractionContext, read: IRead, http: IHttp, persis: IPersistence, modify: IModify): Promise<IUIKitResponse> {
        return handleRoomAction(this.runtime, { read, http, persis, modify }, context);
    }

    public async executeBlockActionHandler(context: UIKitBlockInteractionContext, read: IRead, http: IHttp, persis: IPersistence, modify: IModify): Promise<IUIKitResponse> {
        return handleBlockAction(this.runtime, { read, http, persis, modify }, context);
    }
}
