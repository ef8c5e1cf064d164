import type { ILivechatRead, ILivechatUpdater } from '@rocket.chat/apps-engine/definition/accessors';
import type {
  IDepartment,
  ILivechatRoom,
  IVisitor,
  IVisitorExternalIdentifier,
} from '@rocket.chat/apps-engine/definition/livechat';
import type { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { RoomType } from '@rocket.chat/apps-engine/definition/rooms';
import type { HostDirectory } from './directory';
import { notImplemented } from './not-implemented';
import { Permission, type PermissionGuard } from './permissions';

/**
 * ILivechatRead, checked like LivechatBridge: visitor lookups `livechat-visitor.read`, room lookups
 * `livechat-room.read`, the department lookup `livechat-department.read` or `.multiple`.
 */
export class LivechatReader implements ILivechatRead {
  constructor(
    private readonly directory: HostDirectory,
    private readonly guard: PermissionGuard,
  ) {}

  async getLivechatVisitorById(id: string): Promise<IVisitor | undefined> {
    if (!this.guard.allows(Permission.visitorRead, 'ILivechatRead.getLivechatVisitorById')) {
      return undefined;
    }
    return this.directory.visitor(id);
  }

  async getLivechatVisitorByToken(token: string): Promise<IVisitor | undefined> {
    if (!this.guard.allows(Permission.visitorRead, 'ILivechatRead.getLivechatVisitorByToken')) {
      return undefined;
    }
    return this.directory.findVisitor((visitor) => visitor.token === token);
  }

  async getLivechatVisitorByEmail(email: string): Promise<IVisitor | undefined> {
    if (!this.guard.allows(Permission.visitorRead, 'ILivechatRead.getLivechatVisitorByEmail')) {
      return undefined;
    }
    const wanted = email.toLowerCase();
    return this.directory.findVisitor(
      (visitor) => visitor.visitorEmails?.some(({ address }) => address.toLowerCase() === wanted) === true,
    );
  }

  async getLivechatVisitorByPhoneNumber(phoneNumber: string): Promise<IVisitor | undefined> {
    if (!this.guard.allows(Permission.visitorRead, 'ILivechatRead.getLivechatVisitorByPhoneNumber')) {
      return undefined;
    }
    return this.directory.findVisitor(
      (visitor) => visitor.phone?.some((phone) => phone.phoneNumber === phoneNumber) === true,
    );
  }

  async getLivechatDepartmentByIdOrName(value: string): Promise<IDepartment | undefined> {
    const permissions = [Permission.departmentRead, Permission.departmentMultiple] as const;
    if (!this.guard.allowsEither(permissions, 'ILivechatRead.getLivechatDepartmentByIdOrName')) {
      return undefined;
    }
    return this.directory.department(value);
  }

  /** Like Rocket.Chat's `findRooms`: the visitor's open rooms (by token), optionally in one department. */
  async getLivechatRooms(visitor: IVisitor, departmentId?: string): Promise<Array<ILivechatRoom>> {
    if (!this.guard.allows(Permission.livechatRoomRead, 'ILivechatRead.getLivechatRooms')) {
      return undefined as unknown as ILivechatRoom[];
    }
    return this.livechatRooms().filter(
      (room) =>
        room.isOpen &&
        room.visitor?.token === visitor.token &&
        (!departmentId || room.department?.id === departmentId),
    );
  }

  async getLivechatOpenRoomsByAgentId(agentId: string): Promise<Array<ILivechatRoom>> {
    if (!this.guard.allows(Permission.livechatRoomRead, 'ILivechatRead.getLivechatOpenRoomsByAgentId')) {
      return undefined as unknown as ILivechatRoom[];
    }
    return this.livechatRooms().filter((room) => room.isOpen && room.servedBy?.id === agentId);
  }

  async getLivechatTotalOpenRoomsByAgentId(agentId: string): Promise<number> {
    if (!this.guard.allows(Permission.livechatRoomRead, 'ILivechatRead.getLivechatTotalOpenRoomsByAgentId')) {
      return undefined as unknown as number;
    }
    return this.livechatRooms().filter((room) => room.isOpen && room.servedBy?.id === agentId).length;
  }

  isOnline(): boolean {
    return notImplemented('ILivechatRead.isOnline');
  }

  async isOnlineAsync(): Promise<boolean> {
    return notImplemented('ILivechatRead.isOnlineAsync');
  }

  async getDepartmentsEnabledWithAgents(): Promise<Array<IDepartment>> {
    return notImplemented('ILivechatRead.getDepartmentsEnabledWithAgents');
  }

  async getLivechatVisitors(): Promise<Array<IVisitor>> {
    return notImplemented('ILivechatRead.getLivechatVisitors');
  }

  async _fetchLivechatRoomMessages(): Promise<Array<IMessage>> {
    return notImplemented('ILivechatRead._fetchLivechatRoomMessages');
  }

  private livechatRooms(): ILivechatRoom[] {
    return this.directory.findRooms((room) => room.type === RoomType.LIVE_CHAT) as ILivechatRoom[];
  }
}

/**
 * ILivechatUpdater as hosts before Rocket.Chat 8.4 have it: no `updateVisitorExternalId` at all
 * (`'updateVisitorExternalId' in updater` is false), so apps must feature-detect.
 */
export class LegacyLivechatUpdater implements Omit<ILivechatUpdater, 'updateVisitorExternalId'> {
  constructor(
    protected readonly directory: HostDirectory,
    protected readonly guard: PermissionGuard,
    protected readonly appId: string,
  ) {}

  async transferVisitor(): Promise<boolean> {
    return notImplemented('ILivechatUpdater.transferVisitor');
  }

  async closeRoom(): Promise<boolean> {
    return notImplemented('ILivechatUpdater.closeRoom');
  }

  async setCustomFields(): Promise<boolean> {
    return notImplemented('ILivechatUpdater.setCustomFields');
  }
}

/**
 * ILivechatUpdater of Rocket.Chat 8.4+ (apps-engine 1.6x). The definitions offer no way to remove an entry:
 * an app can only upsert its own one (`appId` is always the calling app).
 */
export class LivechatUpdater extends LegacyLivechatUpdater implements ILivechatUpdater {
  /** `livechat-visitor.write` (LivechatBridge.doUpdateVisitorExternalId). */
  async updateVisitorExternalId(
    visitorId: string,
    externalId: Omit<IVisitorExternalIdentifier, 'appId'>,
  ): Promise<IVisitor | undefined> {
    if (!this.guard.allows(Permission.visitorWrite, 'ILivechatUpdater.updateVisitorExternalId')) {
      return undefined;
    }
    const entry: IVisitorExternalIdentifier = {
      appId: this.appId,
      entityId: externalId.entityId,
      ...(externalId.metadata !== undefined ? { metadata: externalId.metadata } : {}),
    };
    return this.directory.updateVisitor(visitorId, (visitor) => ({
      ...visitor,
      externalIds: [...(visitor.externalIds ?? []).filter(({ appId }) => appId !== this.appId), entry],
    }));
  }
}
