import type { IDepartment, ILivechatRoom, IVisitor } from '@rocket.chat/apps-engine/definition/livechat';
import { OmnichannelSourceType } from '@rocket.chat/apps-engine/definition/livechat/ILivechatRoom';
import { RoomType } from '@rocket.chat/apps-engine/definition/rooms';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { UserStatusConnection, UserType } from '@rocket.chat/apps-engine/definition/users';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import { randomId } from './ids';

/** Builders of complete definition objects with sensible defaults; pass only what the test cares about. */

export function makeUser(partial: Partial<IUser> = {}, now: number = Date.now()): IUser {
  const id = partial.id ?? randomId();
  const username = partial.username ?? `user.${id.slice(0, 6).toLowerCase()}`;
  return {
    id,
    username,
    name: username,
    emails: [],
    type: UserType.USER,
    isEnabled: true,
    roles: ['user'],
    status: 'online',
    statusConnection: UserStatusConnection.ONLINE,
    utcOffset: 0,
    createdAt: new Date(now),
    updatedAt: new Date(now),
    lastLoginAt: new Date(now),
    ...partial,
  };
}

export function makeVisitor(partial: Partial<IVisitor> = {}, now: number = Date.now()): IVisitor {
  const id = partial.id ?? randomId();
  const username = partial.username ?? `guest-${id.slice(0, 6).toLowerCase()}`;
  return {
    id,
    token: randomId(),
    username,
    name: username,
    updatedAt: new Date(now),
    ...partial,
  };
}

export function makeDepartment(partial: Partial<IDepartment> = {}, now: number = Date.now()): IDepartment {
  const id = partial.id ?? randomId();
  return {
    id,
    name: `department-${id.slice(0, 6).toLowerCase()}`,
    enabled: true,
    updatedAt: new Date(now),
    numberOfAgents: 1,
    showOnOfflineForm: false,
    showOnRegistration: true,
    ...partial,
  };
}

/** A plain public channel. */
export function makeRoom(partial: Partial<IRoom> = {}, now: number = Date.now()): IRoom {
  const id = partial.id ?? randomId();
  const creator = partial.creator ?? makeUser({ username: 'rocket.cat', name: 'Rocket.Cat', roles: ['bot'] }, now);
  const slugifiedName = partial.slugifiedName ?? `channel-${id.slice(0, 6).toLowerCase()}`;
  return {
    id,
    type: RoomType.CHANNEL,
    slugifiedName,
    displayName: slugifiedName,
    creator,
    usernames: [],
    createdAt: new Date(now),
    updatedAt: new Date(now),
    ...partial,
  };
}

export interface LivechatRoomParts extends Partial<Omit<ILivechatRoom, 'visitor'>> {
  visitor: IVisitor;
}

/** An open omnichannel room with the visitor, served by `servedBy` (who is then its only member). */
export function makeLivechatRoom(parts: LivechatRoomParts, now: number = Date.now()): ILivechatRoom {
  const id = parts.id ?? randomId();
  const { visitor, servedBy } = parts;
  const creator = parts.creator ?? servedBy ?? makeUser({ username: 'rocket.cat', name: 'Rocket.Cat', roles: ['bot'] }, now);
  return {
    id,
    type: RoomType.LIVE_CHAT,
    slugifiedName: id,
    displayName: visitor.name,
    creator,
    usernames: servedBy ? [servedBy.username] : [],
    userIds: servedBy ? [servedBy.id] : [],
    isWaitingResponse: false,
    isOpen: true,
    // Required by the type; Rocket.Chat only fills it when the room closes.
    closer: 'user',
    source: { type: OmnichannelSourceType.WIDGET },
    createdAt: new Date(now),
    updatedAt: new Date(now),
    ...parts,
  };
}
