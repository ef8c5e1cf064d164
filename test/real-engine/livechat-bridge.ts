/** Omnichannel data: the visitors (and departments) Rocket.Chat knows. */
import type { IExtraRoomParams } from 'apps-engine-1-42/definition/accessors/ILivechatCreator';
import type { IDepartment, ILivechatMessage, ILivechatRoom, ILivechatTransferData, IVisitor } from 'apps-engine-1-42/definition/livechat';
import type { IMessage } from 'apps-engine-1-42/definition/messages';
import type { IUser } from 'apps-engine-1-42/definition/users';
import { LivechatBridge } from 'apps-engine-1-42/server/bridges';

import { notImplemented } from './not-implemented';

export class InMemoryLivechatBridge extends LivechatBridge {
    private readonly visitors = new Map<string, IVisitor>();
    private readonly departments = new Map<string, IDepartment>();

    constructor(data: { visitors: readonly IVisitor[]; departments?: readonly IDepartment[] }) {
        super();
        for (const visitor of data.visitors) {
            if (!visitor.id) {
                throw new Error('a stored visitor needs an id');
            }
            this.visitors.set(visitor.id, visitor);
        }
        for (const department of data.departments ?? []) {
            this.departments.set(department.id, department);
        }
    }

    /** Rocket.Chat's converter hands the app a fresh object each time. */
    protected async findVisitorById(id: string, _appId: string): Promise<IVisitor | undefined> {
        const visitor = this.visitors.get(id);
        return visitor && structuredClone(visitor);
    }

    protected async findDepartmentByIdOrName(value: string, _appId: string): Promise<IDepartment | undefined> {
        const department = this.departments.get(value) ?? [...this.departments.values()].find((candidate) => candidate.name === value);
        return department && structuredClone(department);
    }

    protected isOnline(departmentId?: string, _appId?: string): boolean {
        return notImplemented(`LivechatBridge.isOnline(${departmentId ?? ''})`);
    }

    protected isOnlineAsync(departmentId?: string, _appId?: string): Promise<boolean> {
        return notImplemented(`LivechatBridge.isOnlineAsync(${departmentId ?? ''})`);
    }

    protected createMessage(_message: ILivechatMessage, _appId: string): Promise<string> {
        return notImplemented('LivechatBridge.createMessage');
    }

    protected getMessageById(messageId: string, _appId: string): Promise<ILivechatMessage> {
        return notImplemented(`LivechatBridge.getMessageById(${messageId})`);
    }

    protected updateMessage(message: ILivechatMessage, _appId: string): Promise<void> {
        return notImplemented(`LivechatBridge.updateMessage(${message.id})`);
    }

    protected createVisitor(_visitor: IVisitor, _appId: string): Promise<string> {
        return notImplemented('LivechatBridge.createVisitor');
    }

    protected findVisitors(_query: object, _appId: string): Promise<IVisitor[]> {
        return notImplemented('LivechatBridge.findVisitors');
    }

    protected findVisitorByEmail(_email: string, _appId: string): Promise<IVisitor | undefined> {
        return notImplemented('LivechatBridge.findVisitorByEmail');
    }

    protected findVisitorByToken(_token: string, _appId: string): Promise<IVisitor | undefined> {
        return notImplemented('LivechatBridge.findVisitorByToken');
    }

    protected findVisitorByPhoneNumber(_phoneNumber: string, _appId: string): Promise<IVisitor | undefined> {
        return notImplemented('LivechatBridge.findVisitorByPhoneNumber');
    }

    protected transferVisitor(_visitor: IVisitor, _transferData: ILivechatTransferData, _appId: string): Promise<boolean> {
        return notImplemented('LivechatBridge.transferVisitor');
    }

    protected createRoom(_visitor: IVisitor, _agent: IUser, _appId: string, _extraParams?: IExtraRoomParams): Promise<ILivechatRoom> {
        return notImplemented('LivechatBridge.createRoom');
    }

    protected closeRoom(room: ILivechatRoom, _comment: string, _closer: IUser | undefined, _appId: string): Promise<boolean> {
        return notImplemented(`LivechatBridge.closeRoom(${room.id})`);
    }

    protected countOpenRoomsByAgentId(agentId: string, _appId: string): Promise<number> {
        return notImplemented(`LivechatBridge.countOpenRoomsByAgentId(${agentId})`);
    }

    protected findOpenRoomsByAgentId(agentId: string, _appId: string): Promise<ILivechatRoom[]> {
        return notImplemented(`LivechatBridge.findOpenRoomsByAgentId(${agentId})`);
    }

    protected findRooms(_visitor: IVisitor, _departmentId: string | null, _appId: string): Promise<ILivechatRoom[]> {
        return notImplemented('LivechatBridge.findRooms');
    }

    protected findDepartmentsEnabledWithAgents(_appId: string): Promise<IDepartment[]> {
        return notImplemented('LivechatBridge.findDepartmentsEnabledWithAgents');
    }

    protected _fetchLivechatRoomMessages(_appId: string, roomId: string): Promise<IMessage[]> {
        return notImplemented(`LivechatBridge._fetchLivechatRoomMessages(${roomId})`);
    }

    protected setCustomFields(data: { token: string; key: string; value: string; overwrite: boolean }, _appId: string): Promise<number> {
        return notImplemented(`LivechatBridge.setCustomFields(${data.key})`);
    }
}
