import type { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { RoomType } from '@rocket.chat/apps-engine/definition/rooms/RoomType';

export interface RoomVisitor {
    room: ILivechatRoom;
    visitorId: string | undefined;
    servedById: string | undefined;
}

/** Undefined when the room is not an omnichannel (livechat) room. */
export function roomVisitor(room: IRoom | undefined): RoomVisitor | undefined {
    if (!room || room.type !== RoomType.LIVE_CHAT) {
        return undefined;
    }
    const livechatRoom = room as ILivechatRoom;
    return { room: livechatRoom, visitorId: livechatRoom.visitor?.id, servedById: livechatRoom.servedBy?.id };
}
