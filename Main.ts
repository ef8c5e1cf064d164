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
import type {
    ILivechatEventContext,
    ILivechatRoom,
    ILivechatTransferEventContext,
    IPostLivechatAgentAssigned,
    IPostLivechatRoomClosed,
    IPostLivechatRoomStarted,
    IPostLivechatRoomTransferred,
} from '@rocket.chat/apps-engine/definition/livechat';
import type { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import type {
    IUIKitInteractionHandler,
    IUIKitResponse,
    UIKitActionButtonInteractionContext,
    UIKitBlockInteractionContext,
} from '@rocket.chat/apps-engine/definition/uikit';

import type { AppServices } from './src/app/AppServices';
import { createServices } from './src/app/createServices';
import { registerEverything } from './src/app/registerEverything';
import { handleBlockAction } from './src/handlers/blockActions';
import { handleRoomAction } from './src/handlers/roomAction';
import { handleDisable, handleEnable, handleRoomClosed, handleSettingUpdated } from './src/lifecycle/appLifecycle';

/**
 * Registers and delegates; every behaviour lives in src/. Each hook passes on `this.getLogger()`: the host
 * hands the app a logger per call (the subprocess runtime through the `this` it calls the hook on), and only
 * that logger's lines reach the app's log.
 */
export class LivePersonVisitorInfoApp
    extends App
    implements IUIKitInteractionHandler, IPostLivechatAgentAssigned, IPostLivechatRoomStarted, IPostLivechatRoomTransferred, IPostLivechatRoomClosed
{
    private readonly services: AppServices;

    constructor(info: IAppInfo, logger: ILogger, accessors: IAppAccessors) {
        super(info, logger, accessors);
        this.services = createServices(info.id);
    }

    protected override async extendConfiguration(configuration: IConfigurationExtend): Promise<void> {
        await registerEverything(this, this.services, configuration);
    }

    public override async onEnable(_environment: IEnvironmentRead, configurationModify: IConfigurationModify): Promise<boolean> {
        await handleEnable(this.services, configurationModify, this.getLogger());
        return true;
    }

    public override async onDisable(configurationModify: IConfigurationModify): Promise<void> {
        const { http, reader } = this.getAccessors();
        await handleDisable(this.services, configurationModify, { read: reader, http, logger: this.getLogger() });
    }

    public override async onSettingUpdated(setting: ISetting, configurationModify: IConfigurationModify, read: IRead, http: IHttp): Promise<void> {
        await handleSettingUpdated(this.services, setting, configurationModify, { read, http, logger: this.getLogger() });
    }

    public async executeActionButtonHandler(
        context: UIKitActionButtonInteractionContext,
        read: IRead,
        http: IHttp,
        persis: IPersistence,
        modify: IModify,
    ): Promise<IUIKitResponse> {
        return handleRoomAction(this.services, { read, http, persis, modify, logger: this.getLogger() }, context);
    }

    public async executeBlockActionHandler(
        context: UIKitBlockInteractionContext,
        read: IRead,
        http: IHttp,
        persis: IPersistence,
        modify: IModify,
    ): Promise<IUIKitResponse> {
        return handleBlockAction(this.services, { read, http, persis, modify, logger: this.getLogger() }, context);
    }

    public async executePostLivechatAgentAssigned(context: ILivechatEventContext, read: IRead, http: IHttp, persis: IPersistence): Promise<void> {
        await this.services.prefetch.assigned({ read, http, persis, logger: this.getLogger() }, context.room);
    }

    public async executePostLivechatRoomStarted(room: ILivechatRoom, read: IRead, http: IHttp, persis: IPersistence): Promise<void> {
        if (room.servedBy) await this.services.prefetch.assigned({ read, http, persis, logger: this.getLogger() }, room);
    }

    /**
     * The room as it is after the transfer. Only `room` is read: `from` and `to` are users or departments by the
     * transfer's type, and `from` is undefined for a room that had no agent or no department. A room forwarded to a
     * department may be back in the queue, with no agent yet: its assignment will come as its own event.
     */
    public async executePostLivechatRoomTransferred(context: ILivechatTransferEventContext, read: IRead, http: IHttp, persis: IPersistence): Promise<void> {
        // The definitions type the room loosely here; it is the omnichannel room that was transferred.
        const room = context.room as ILivechatRoom;
        if (room.servedBy) await this.services.prefetch.assigned({ read, http, persis, logger: this.getLogger() }, room);
    }

    public async executePostLivechatRoomClosed(room: ILivechatRoom, read: IRead, http: IHttp, persis: IPersistence): Promise<void> {
        await handleRoomClosed(this.services, { read, http, persis, logger: this.getLogger() }, room);
    }
}
