import type { IVisitor } from 'apps-engine-1-42/definition/livechat';
import type { IUser } from 'apps-engine-1-42/definition/users';
import { AppBridges } from 'apps-engine-1-42/server/bridges';
import type {
    ApiBridge,
    AppActivationBridge,
    AppDetailChangesBridge,
    CloudWorkspaceBridge,
    CommandBridge,
    EnvironmentalVariableBridge,
    HttpBridge,
    IInternalBridge,
    IInternalFederationBridge,
    IListenerBridge,
    LivechatBridge,
    MessageBridge,
    ModerationBridge,
    PersistenceBridge,
    RoleBridge,
    RoomBridge,
    SchedulerBridge,
    ServerSettingBridge,
    UiInteractionBridge,
    UploadBridge,
    UserBridge,
    VideoConferenceBridge,
} from 'apps-engine-1-42/server/bridges';
import type { OAuthAppsBridge } from 'apps-engine-1-42/server/bridges/OAuthAppsBridge';
import type { ThreadBridge } from 'apps-engine-1-42/server/bridges/ThreadBridge';

import { InMemoryUserBridge, RecordingMessageBridge, RecordingUiInteractionBridge, UnusedRoomBridge } from './chat-bridges';
import { InMemoryPersistenceBridge, InMemoryServerSettingBridge } from './data-bridges';
import { LoopbackHttpBridge, type LoopbackRoute } from './http-bridge';
import { GeneratedKeysFederationBridge, InMemoryCommandBridge, RecordingActivationBridge, RecordingDetailChangesBridge, RecordingSchedulerBridge } from './lifecycle-bridges';
import { InMemoryLivechatBridge } from './livechat-bridge';
import {
    UnusedApiBridge,
    UnusedCloudWorkspaceBridge,
    UnusedEnvironmentalVariableBridge,
    UnusedInternalBridge,
    UnusedListenerBridge,
    UnusedModerationBridge,
    UnusedOAuthAppsBridge,
    UnusedRoleBridge,
    UnusedThreadBridge,
    UnusedUploadBridge,
    UnusedVideoConferenceBridge,
} from './unused-bridges';

export interface TestHostOptions {
    users: readonly IUser[];
    visitors: readonly IVisitor[];
    /** Workspace settings the app may read, by id (`Language`, ...). */
    serverSettings: Record<string, string>;
    http: LoopbackRoute;
}

/**
 * Which bridge methods were reached ("HttpBridge.call"), counted: the engine calls a bridge's public `do*`
 * wrapper, which checks the app's permissions and then calls the protected method the host implements.
 */
export class BridgeUsage {
    public readonly counts = new Map<string, number>();

    public track<T extends object>(bridgeName: string, bridge: T): T {
        const implemented = Object.getPrototypeOf(bridge) as object;
        return new Proxy(bridge, {
            get: (target, property, receiver) => {
                const value: unknown = Reflect.get(target, property, receiver);
                if (typeof property === 'string' && property !== 'constructor' && typeof value === 'function' && Object.hasOwn(implemented, property)) {
                    const name = `${bridgeName}.${property}`;
                    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
                }
                return value;
            },
        });
    }

    public methods(): string[] {
        return [...this.counts.keys()].sort();
    }
}

/** The host side of the engine: the bridges, tracked, plus direct handles on the ones the scenarios inspect. */
export class TestAppBridges extends AppBridges {
    public readonly usage = new BridgeUsage();

    public readonly activation = new RecordingActivationBridge();
    public readonly settingChanges = new RecordingDetailChangesBridge();
    public readonly commands = new InMemoryCommandBridge();
    public readonly scheduler = new RecordingSchedulerBridge();
    public readonly persistence = new InMemoryPersistenceBridge();
    public readonly messages = new RecordingMessageBridge();
    public readonly ui = new RecordingUiInteractionBridge();
    public readonly http: LoopbackHttpBridge;

    private readonly tracked: {
        activation: AppActivationBridge;
        detailChanges: AppDetailChangesBridge;
        command: CommandBridge;
        api: ApiBridge;
        environment: EnvironmentalVariableBridge;
        http: HttpBridge;
        listener: IListenerBridge;
        livechat: LivechatBridge;
        message: MessageBridge;
        persistence: PersistenceBridge;
        room: RoomBridge;
        internal: IInternalBridge;
        federation: IInternalFederationBridge;
        serverSetting: ServerSettingBridge;
        upload: UploadBridge;
        user: UserBridge;
        ui: UiInteractionBridge;
        scheduler: SchedulerBridge;
        cloud: CloudWorkspaceBridge;
        videoConference: VideoConferenceBridge;
        oauthApps: OAuthAppsBridge;
        moderation: ModerationBridge;
        thread: ThreadBridge;
        role: RoleBridge;
    };

    constructor(options: TestHostOptions) {
        super();
        this.http = new LoopbackHttpBridge(options.http);
        const track = <T extends object>(name: string, bridge: T): T => this.usage.track(name, bridge);
        this.tracked = {
            activation: track('AppActivationBridge', this.activation),
            detailChanges: track('AppDetailChangesBridge', this.settingChanges),
            command: track('CommandBridge', this.commands),
            api: track('ApiBridge', new UnusedApiBridge()),
            environment: track('EnvironmentalVariableBridge', new UnusedEnvironmentalVariableBridge()),
            http: track('HttpBridge', this.http),
            listener: track('ListenerBridge', new UnusedListenerBridge()),
            livechat: track('LivechatBridge', new InMemoryLivechatBridge({ visitors: options.visitors })),
            message: track('MessageBridge', this.messages),
            persistence: track('PersistenceBridge', this.persistence),
            room: track('RoomBridge', new UnusedRoomBridge()),
            internal: track('InternalBridge', new UnusedInternalBridge()),
            federation: track('InternalFederationBridge', new GeneratedKeysFederationBridge()),
            serverSetting: track('ServerSettingBridge', new InMemoryServerSettingBridge(options.serverSettings)),
            upload: track('UploadBridge', new UnusedUploadBridge()),
            user: track('UserBridge', new InMemoryUserBridge(options.users)),
            ui: track('UiInteractionBridge', this.ui),
            scheduler: track('SchedulerBridge', this.scheduler),
            cloud: track('CloudWorkspaceBridge', new UnusedCloudWorkspaceBridge()),
            videoConference: track('VideoConferenceBridge', new UnusedVideoConferenceBridge()),
            oauthApps: track('OAuthAppsBridge', new UnusedOAuthAppsBridge()),
            moderation: track('ModerationBridge', new UnusedModerationBridge()),
            thread: track('ThreadBridge', new UnusedThreadBridge()),
            role: track('RoleBridge', new UnusedRoleBridge()),
        };
    }

    public getCommandBridge(): CommandBridge {
        return this.tracked.command;
    }

    public getApiBridge(): ApiBridge {
        return this.tracked.api;
    }

    public getAppDetailChangesBridge(): AppDetailChangesBridge {
        return this.tracked.detailChanges;
    }

    public getEnvironmentalVariableBridge(): EnvironmentalVariableBridge {
        return this.tracked.environment;
    }

    public getHttpBridge(): HttpBridge {
        return this.tracked.http;
    }

    public getListenerBridge(): IListenerBridge {
        return this.tracked.listener;
    }

    public getLivechatBridge(): LivechatBridge {
        return this.tracked.livechat;
    }

    public getMessageBridge(): MessageBridge {
        return this.tracked.message;
    }

    public getPersistenceBridge(): PersistenceBridge {
        return this.tracked.persistence;
    }

    public getAppActivationBridge(): AppActivationBridge {
        return this.tracked.activation;
    }

    public getRoomBridge(): RoomBridge {
        return this.tracked.room;
    }

    public getInternalBridge(): IInternalBridge {
        return this.tracked.internal;
    }

    public getInternalFederationBridge(): IInternalFederationBridge {
        return this.tracked.federation;
    }

    public getServerSettingBridge(): ServerSettingBridge {
        return this.tracked.serverSetting;
    }

    public getUploadBridge(): UploadBridge {
        return this.tracked.upload;
    }

    public getUserBridge(): UserBridge {
        return this.tracked.user;
    }

    public getUiInteractionBridge(): UiInteractionBridge {
        return this.tracked.ui;
    }

    public getSchedulerBridge(): SchedulerBridge {
        return this.tracked.scheduler;
    }

    public getCloudWorkspaceBridge(): CloudWorkspaceBridge {
        return this.tracked.cloud;
    }

    public getVideoConferenceBridge(): VideoConferenceBridge {
        return this.tracked.videoConference;
    }

    public getOAuthAppsBridge(): OAuthAppsBridge {
        return this.tracked.oauthApps;
    }

    public getModerationBridge(): ModerationBridge {
        return this.tracked.moderation;
    }

    public getThreadBridge(): ThreadBridge {
        return this.tracked.thread;
    }

    public getRoleBridge(): RoleBridge {
        return this.tracked.role;
    }
}
