import type { IRoomRead, IUserRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { IMessageRaw } from '@rocket.chat/apps-engine/definition/messages';
import type { IRoom, IRoomRaw } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import type { HostDirectory } from './directory';
import { notImplemented } from './not-implemented';
import { Permission, type PermissionGuard } from './permissions';

/** IRoomRead: every lookup needs `room.read` (RoomBridge.hasReadPermission). */
export class RoomReader implements IRoomRead {
  constructor(
    private readonly directory: HostDirectory,
    private readonly guard: PermissionGuard,
  ) {}

  async getById(id: string): Promise<IRoom | undefined> {
    if (!this.guard.allows(Permission.roomRead, 'IRoomRead.getById')) {
      return undefined;
    }
    return this.directory.room(id);
  }

  async getByName(name: string): Promise<IRoom | undefined> {
    if (!this.guard.allows(Permission.roomRead, 'IRoomRead.getByName')) {
      return undefined;
    }
    return this.directory.findRooms((room) => room.slugifiedName === name)[0];
  }

  async getCreatorUserById(id: string): Promise<IUser | undefined> {
    if (!this.guard.allows(Permission.roomRead, 'IRoomRead.getCreatorUserById')) {
      return undefined;
    }
    return this.directory.room(id)?.creator;
  }

  async getCreatorUserByName(name: string): Promise<IUser | undefined> {
    if (!this.guard.allows(Permission.roomRead, 'IRoomRead.getCreatorUserByName')) {
      return undefined;
    }
    return this.directory.findRooms((room) => room.slugifiedName === name)[0]?.creator;
  }

  async getMembers(roomId: string): Promise<Array<IUser>> {
    if (!this.guard.allows(Permission.roomRead, 'IRoomRead.getMembers')) {
      return undefined as unknown as IUser[];
    }
    const room = this.directory.room(roomId);
    return room ? this.directory.members(room) : [];
  }

  async getMessages(): Promise<Array<IMessageRaw>> {
    return notImplemented('IRoomRead.getMessages');
  }

  async getAllRooms(): Promise<Array<IRoomRaw> | undefined> {
    return notImplemented('IRoomRead.getAllRooms');
  }

  async getDirectByUsernames(): Promise<IRoom> {
    return notImplemented('IRoomRead.getDirectByUsernames');
  }

  async getModerators(): Promise<Array<IUser>> {
    return notImplemented('IRoomRead.getModerators');
  }

  async getOwners(): Promise<Array<IUser>> {
    return notImplemented('IRoomRead.getOwners');
  }

  async getLeaders(): Promise<Array<IUser>> {
    return notImplemented('IRoomRead.getLeaders');
  }

  async getUnreadByUser(): Promise<IMessageRaw[]> {
    return notImplemented('IRoomRead.getUnreadByUser');
  }

  async getUserUnreadMessageCount(): Promise<number> {
    return notImplemented('IRoomRead.getUserUnreadMessageCount');
  }
}

/** IUserRead: lookups need `user.read` (UserBridge.hasReadPermission); the app's own user needs nothing. */
export class UserReader implements IUserRead {
  constructor(
    private readonly directory: HostDirectory,
    private readonly guard: PermissionGuard,
    private readonly appId: string,
  ) {}

  async getById(id: string): Promise<IUser> {
    if (!this.guard.allows(Permission.userRead, 'IUserRead.getById')) {
      return undefined as unknown as IUser;
    }
    return this.directory.user(id) as IUser;
  }

  async getByUsername(username: string): Promise<IUser> {
    if (!this.guard.allows(Permission.userRead, 'IUserRead.getByUsername')) {
      return undefined as unknown as IUser;
    }
    return this.directory.userByUsername(username) as IUser;
  }

  async getAppUser(appId?: string): Promise<IUser | undefined> {
    return this.directory.appUser(appId ?? this.appId);
  }

  async getUserRoomIds(userId: string): Promise<string[]> {
    if (!this.guard.allows(Permission.userRead, 'IUserRead.getUserRoomIds')) {
      return undefined as unknown as string[];
    }
    const user = this.directory.user(userId);
    return this.directory
      .findRooms((room) => room.userIds?.includes(userId) === true || (!!user && room.usernames?.includes(user.username)))
      .map(({ id }) => id);
  }

  async getBySipExtension(): Promise<IUser | undefined> {
    return notImplemented('IUserRead.getBySipExtension');
  }

  async getUserUnreadMessageCount(): Promise<number | undefined> {
    return notImplemented('IUserRead.getUserUnreadMessageCount');
  }
}
