/**
 * Bridges for host features this app never touches. Every method throws, naming itself: an app change that
 * starts using one fails here first instead of passing on a silent fake.
 */
import type { IOAuthApp, IOAuthAppParams } from 'apps-engine-1-42/definition/accessors/IOAuthApp';
import type { IWorkspaceToken } from 'apps-engine-1-42/definition/cloud/IWorkspaceToken';
import type { IMessage } from 'apps-engine-1-42/definition/messages';
import type { AppInterface } from 'apps-engine-1-42/definition/metadata';
import type { IRole } from 'apps-engine-1-42/definition/roles';
import type { IRoom } from 'apps-engine-1-42/definition/rooms';
import type { ISetting } from 'apps-engine-1-42/definition/settings';
import type { UIKitIncomingInteraction } from 'apps-engine-1-42/definition/uikit';
import type { IUpload } from 'apps-engine-1-42/definition/uploads';
import type { IUploadDetails } from 'apps-engine-1-42/definition/uploads/IUploadDetails';
import type { AppVideoConference } from 'apps-engine-1-42/definition/videoConferences/AppVideoConference';
import type { VideoConference } from 'apps-engine-1-42/definition/videoConferences/IVideoConference';
import type { IVideoConfProvider } from 'apps-engine-1-42/definition/videoConfProviders';
import { ApiBridge, CloudWorkspaceBridge, EnvironmentalVariableBridge, ModerationBridge, RoleBridge, UploadBridge, VideoConferenceBridge } from 'apps-engine-1-42/server/bridges';
import type { IListenerBridge } from 'apps-engine-1-42/server/bridges';
import { InternalBridge } from 'apps-engine-1-42/server/bridges/InternalBridge';
import { OAuthAppsBridge } from 'apps-engine-1-42/server/bridges/OAuthAppsBridge';
import { ThreadBridge } from 'apps-engine-1-42/server/bridges/ThreadBridge';
import type { AppApi } from 'apps-engine-1-42/server/managers/AppApi';

import { notImplemented } from './not-implemented';

export class UnusedApiBridge extends ApiBridge {
    protected registerApi(api: AppApi, _appId: string): Promise<void> {
        return notImplemented(`ApiBridge.registerApi(${api.computedPath})`);
    }

    protected unregisterApis(_appId: string): Promise<void> {
        return notImplemented('ApiBridge.unregisterApis');
    }
}

/**
 * The host's event entry point (`AppBridges.getListenerBridge()` is typed by this interface, whose methods the
 * abstract ListenerBridge keeps protected). The scenarios drive the engine's listener manager directly.
 */
export class UnusedListenerBridge implements IListenerBridge {
    public messageEvent(int: AppInterface, _message: IMessage): Promise<void | boolean | IMessage> {
        return notImplemented(`ListenerBridge.messageEvent(${int})`);
    }

    public roomEvent(int: AppInterface, _room: IRoom): Promise<void | boolean | IRoom> {
        return notImplemented(`ListenerBridge.roomEvent(${int})`);
    }

    public uiKitInteractionEvent(int: AppInterface, _action: UIKitIncomingInteraction): Promise<void | boolean> {
        return notImplemented(`ListenerBridge.uiKitInteractionEvent(${int})`);
    }
}

export class UnusedInternalBridge extends InternalBridge {
    protected getUsernamesOfRoomById(roomId: string): Promise<string[]> {
        return notImplemented(`InternalBridge.getUsernamesOfRoomById(${roomId})`);
    }

    protected getUsernamesOfRoomByIdSync(roomId: string): string[] {
        return notImplemented(`InternalBridge.getUsernamesOfRoomByIdSync(${roomId})`);
    }

    protected getWorkspacePublicKey(): Promise<ISetting> {
        return notImplemented('InternalBridge.getWorkspacePublicKey');
    }
}

export class UnusedCloudWorkspaceBridge extends CloudWorkspaceBridge {
    protected getWorkspaceToken(scope: string, _appId: string): Promise<IWorkspaceToken> {
        return notImplemented(`CloudWorkspaceBridge.getWorkspaceToken(${scope})`);
    }
}

export class UnusedEnvironmentalVariableBridge extends EnvironmentalVariableBridge {
    protected getValueByName(name: string, _appId: string): Promise<string | undefined> {
        return notImplemented(`EnvironmentalVariableBridge.getValueByName(${name})`);
    }

    protected isReadable(name: string, _appId: string): Promise<boolean> {
        return notImplemented(`EnvironmentalVariableBridge.isReadable(${name})`);
    }

    protected isSet(name: string, _appId: string): Promise<boolean> {
        return notImplemented(`EnvironmentalVariableBridge.isSet(${name})`);
    }
}

export class UnusedThreadBridge extends ThreadBridge {
    protected getById(messageId: string, _appId: string): Promise<IMessage[]> {
        return notImplemented(`ThreadBridge.getById(${messageId})`);
    }
}

export class UnusedUploadBridge extends UploadBridge {
    protected getById(id: string, _appId: string): Promise<IUpload> {
        return notImplemented(`UploadBridge.getById(${id})`);
    }

    protected getBuffer(upload: IUpload, _appId: string): Promise<Buffer> {
        return notImplemented(`UploadBridge.getBuffer(${upload.id})`);
    }

    protected createUpload(details: IUploadDetails, _buffer: Buffer, _appId: string): Promise<IUpload> {
        return notImplemented(`UploadBridge.createUpload(${details.name})`);
    }
}

export class UnusedModerationBridge extends ModerationBridge {
    protected report(messageId: string, _description: string, _userId: string, _appId: string): Promise<void> {
        return notImplemented(`ModerationBridge.report(${messageId})`);
    }

    protected dismissReportsByMessageId(messageId: string, _reason: string, _action: string, _appId: string): Promise<void> {
        return notImplemented(`ModerationBridge.dismissReportsByMessageId(${messageId})`);
    }

    protected dismissReportsByUserId(userId: string, _reason: string, _action: string, _appId: string): Promise<void> {
        return notImplemented(`ModerationBridge.dismissReportsByUserId(${userId})`);
    }
}

export class UnusedRoleBridge extends RoleBridge {
    protected getOneByIdOrName(idOrName: string, _appId: string): Promise<IRole | null> {
        return notImplemented(`RoleBridge.getOneByIdOrName(${idOrName})`);
    }

    protected getCustomRoles(_appId: string): Promise<IRole[]> {
        return notImplemented('RoleBridge.getCustomRoles');
    }
}

export class UnusedVideoConferenceBridge extends VideoConferenceBridge {
    protected create(_call: AppVideoConference, _appId: string): Promise<string> {
        return notImplemented('VideoConferenceBridge.create');
    }

    protected getById(callId: string, _appId: string): Promise<VideoConference> {
        return notImplemented(`VideoConferenceBridge.getById(${callId})`);
    }

    protected update(call: VideoConference, _appId: string): Promise<void> {
        return notImplemented(`VideoConferenceBridge.update(${call._id})`);
    }

    protected registerProvider(info: IVideoConfProvider, _appId: string): Promise<void> {
        return notImplemented(`VideoConferenceBridge.registerProvider(${info.name})`);
    }

    protected unRegisterProvider(info: IVideoConfProvider, _appId: string): Promise<void> {
        return notImplemented(`VideoConferenceBridge.unRegisterProvider(${info.name})`);
    }
}

export class UnusedOAuthAppsBridge extends OAuthAppsBridge {
    protected create(oAuthApp: IOAuthAppParams, _appId: string): Promise<string | null> {
        return notImplemented(`OAuthAppsBridge.create(${oAuthApp.name})`);
    }

    protected getById(id: string, _appId: string): Promise<IOAuthApp | null> {
        return notImplemented(`OAuthAppsBridge.getById(${id})`);
    }

    protected getByName(name: string, _appId: string): Promise<Array<IOAuthApp | null>> {
        return notImplemented(`OAuthAppsBridge.getByName(${name})`);
    }

    protected update(_oAuthApp: IOAuthAppParams, id: string, _appId: string): Promise<void> {
        return notImplemented(`OAuthAppsBridge.update(${id})`);
    }

    protected delete(id: string, _appId: string): Promise<void> {
        return notImplemented(`OAuthAppsBridge.delete(${id})`);
    }

    protected purge(_appId: string): Promise<void> {
        return notImplemented('OAuthAppsBridge.purge');
    }
}
