/** Users, rooms, messages and UI interactions: what the app reads of the workspace and what it shows to people. */
import type { ITypingDescriptor } from 'apps-engine-1-42/server/bridges/MessageBridge';
import type { IMessage } from 'apps-engine-1-42/definition/messages';
import type { IRoom } from 'apps-engine-1-42/definition/rooms';
import type { IUIKitInteraction } from 'apps-engine-1-42/definition/uikit';
import type { IUIKitSurface } from 'apps-engine-1-42/definition/uikit/IUIKitSurface';
import type { IUser, IUserCreationOptions } from 'apps-engine-1-42/definition/users';
import { UserStatusConnection } from 'apps-engine-1-42/definition/users/UserStatusConnection';
import { UserType } from 'apps-engine-1-42/definition/users/UserType';
import { MessageBridge, RoomBridge, UiInteractionBridge, UserBridge } from 'apps-engine-1-42/server/bridges';

import { notImplemented } from './not-implemented';

/** App objects are vm2 proxies: what the bridges keep is a plain JSON copy, as Rocket.Chat would store or send it. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class InMemoryUserBridge extends UserBridge {
    private readonly users = new Map<string, IUser>();

    constructor(users: readonly IUser[]) {
        super();
        for (const user of users) {
            this.users.set(user.id, user);
        }
    }

    /** The engine creates the app's bot user on install (`<nameSlug>.bot`). */
    protected async create(data: Partial<IUser>, appId: string, _options?: IUserCreationOptions): Promise<string> {
        const id = `app-user-${appId}`;
        const now = new Date();
        this.users.set(id, {
            id,
            username: data.username ?? id,
            name: data.name ?? id,
            emails: [],
            type: UserType.APP,
            isEnabled: true,
            roles: data.roles ?? ['app'],
            status: 'online',
            statusConnection: UserStatusConnection.ONLINE,
            utcOffset: 0,
            createdAt: now,
            updatedAt: now,
            lastLoginAt: now,
            appId,
        });
        return id;
    }

    protected async getAppUser(appId?: string): Promise<IUser | undefined> {
        return [...this.users.values()].find((user) => user.appId !== undefined && user.appId === appId);
    }

    protected getById(id: string, _appId: string): Promise<IUser> {
        return notImplemented(`UserBridge.getById(${id})`);
    }

    protected getByUsername(username: string, _appId: string): Promise<IUser> {
        return notImplemented(`UserBridge.getByUsername(${username})`);
    }

    protected getActiveUserCount(): Promise<number> {
        return notImplemented('UserBridge.getActiveUserCount');
    }

    protected getUserUnreadMessageCount(uid: string): Promise<number> {
        return notImplemented(`UserBridge.getUserUnreadMessageCount(${uid})`);
    }

    protected remove(user: IUser, _appId: string): Promise<boolean> {
        return notImplemented(`UserBridge.remove(${user.id})`);
    }

    protected update(user: IUser, _updates: Partial<IUser>, _appId: string): Promise<boolean> {
        return notImplemented(`UserBridge.update(${user.id})`);
    }

    protected deleteUsersCreatedByApp(appId: string, _type: UserType.APP | UserType.BOT): Promise<boolean> {
        return notImplemented(`UserBridge.deleteUsersCreatedByApp(${appId})`);
    }

    protected deactivate(userId: string, _confirmRelinquish: boolean, _appId: string): Promise<boolean> {
        return notImplemented(`UserBridge.deactivate(${userId})`);
    }
}

/** The app reads rooms from the interaction or command context only: every room bridge method is unused. */
export class UnusedRoomBridge extends RoomBridge {
    protected create(room: IRoom, _members: string[], _appId: string): Promise<string> {
        return notImplemented(`RoomBridge.create(${room.slugifiedName})`);
    }

    protected getById(roomId: string, _appId: string): Promise<IRoom> {
        return notImplemented(`RoomBridge.getById(${roomId})`);
    }

    protected getByName(roomName: string, _appId: string): Promise<IRoom> {
        return notImplemented(`RoomBridge.getByName(${roomName})`);
    }

    protected getCreatorById(roomId: string, _appId: string): Promise<IUser | undefined> {
        return notImplemented(`RoomBridge.getCreatorById(${roomId})`);
    }

    protected getCreatorByName(roomName: string, _appId: string): Promise<IUser | undefined> {
        return notImplemented(`RoomBridge.getCreatorByName(${roomName})`);
    }

    protected getDirectByUsernames(usernames: string[], _appId: string): Promise<IRoom | undefined> {
        return notImplemented(`RoomBridge.getDirectByUsernames(${usernames.join(',')})`);
    }

    protected getMembers(roomId: string, _appId: string): Promise<IUser[]> {
        return notImplemented(`RoomBridge.getMembers(${roomId})`);
    }

    protected update(room: IRoom, _members: string[], _appId: string): Promise<void> {
        return notImplemented(`RoomBridge.update(${room.id})`);
    }

    protected createDiscussion(room: IRoom, _parent: IMessage | undefined, _reply: string | undefined, _members: string[], _appId: string): Promise<string> {
        return notImplemented(`RoomBridge.createDiscussion(${room.id})`);
    }

    protected delete(roomId: string, _appId: string): Promise<void> {
        return notImplemented(`RoomBridge.delete(${roomId})`);
    }

    protected getModerators(roomId: string, _appId: string): Promise<IUser[]> {
        return notImplemented(`RoomBridge.getModerators(${roomId})`);
    }

    protected getOwners(roomId: string, _appId: string): Promise<IUser[]> {
        return notImplemented(`RoomBridge.getOwners(${roomId})`);
    }

    protected getLeaders(roomId: string, _appId: string): Promise<IUser[]> {
        return notImplemented(`RoomBridge.getLeaders(${roomId})`);
    }
}

export interface RecordedMessage {
    roomId: string;
    senderId: string | undefined;
    text: string | undefined;
}

/**
 * Messages the app posts (`create`, seen by everyone in the room, the visitor included) and ephemeral notices
 * it sends one user (`notifyUser`) are recorded apart: the scenarios check the first list stays empty.
 */
export class RecordingMessageBridge extends MessageBridge {
    public readonly posted: RecordedMessage[] = [];
    public readonly notices: Array<RecordedMessage & { userId: string }> = [];

    protected async create(message: IMessage, _appId: string): Promise<string> {
        this.posted.push(summary(message));
        return `message-${this.posted.length}`;
    }

    protected async notifyUser(user: IUser, message: IMessage, _appId: string): Promise<void> {
        this.notices.push({ userId: user.id, ...summary(message) });
    }

    protected async notifyRoom(room: IRoom, message: IMessage, _appId: string): Promise<void> {
        // Shown to every member of the room: as public as a post.
        this.posted.push({ ...summary(message), roomId: room.id });
    }

    protected update(message: IMessage, _appId: string): Promise<void> {
        return notImplemented(`MessageBridge.update(${message.id})`);
    }

    protected typing(options: ITypingDescriptor, _appId: string): Promise<void> {
        return notImplemented(`MessageBridge.typing(${options.id})`);
    }

    protected getById(messageId: string, _appId: string): Promise<IMessage> {
        return notImplemented(`MessageBridge.getById(${messageId})`);
    }

    protected delete(message: IMessage, _user: IUser, _appId: string): Promise<void> {
        return notImplemented(`MessageBridge.delete(${message.id})`);
    }
}

function summary(message: IMessage): RecordedMessage {
    return { roomId: message.room?.id, senderId: message.sender?.id, text: message.text };
}

export interface RecordedInteraction {
    userId: string;
    appId: string;
    /** `contextual_bar.open`, `modal.update`, ... */
    type: string;
    triggerId: string;
    /** The surface, for the interactions that carry one. */
    view?: IUIKitSurface;
}

/** What Rocket.Chat pushes to the user's web client over its websocket. */
export class RecordingUiInteractionBridge extends UiInteractionBridge {
    public readonly interactions: RecordedInteraction[] = [];

    protected async notifyUser(user: IUser, interaction: IUIKitInteraction, appId: string): Promise<void> {
        const { type, triggerId, view } = plain(interaction as IUIKitInteraction & { view?: IUIKitSurface });
        this.interactions.push({ userId: user.id, appId, type, triggerId, view });
    }
}
