import type { IDepartment, ILivechatRoom, IVisitor } from '@rocket.chat/apps-engine/definition/livechat';
import { RoomType } from '@rocket.chat/apps-engine/definition/rooms';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import { copyOf } from './clone';

/**
 * The Rocket.Chat data the app can see: users, omnichannel visitors, departments and rooms.
 * Everything goes in and out as a copy. With `externalIds: false` (a host before Rocket.Chat 8.4) visitors come
 * out without `externalIds`, wherever they appear.
 */
export class HostDirectory {
  private readonly users = new Map<string, IUser>();
  private readonly visitors = new Map<string, IVisitor>();
  private readonly departments = new Map<string, IDepartment>();
  private readonly rooms = new Map<string, IRoom>();

  constructor(private readonly externalIds: boolean) {}

  addUser(user: IUser): void {
    this.users.set(user.id, copyOf(user));
  }

  addVisitor(visitor: IVisitor): void {
    if (!visitor.id) {
      throw new Error('addVisitor: the visitor needs an id (it is the key the host finds it by)');
    }
    this.visitors.set(visitor.id, copyOf(visitor));
  }

  addDepartment(department: IDepartment): void {
    this.departments.set(department.id, copyOf(department));
  }

  addRoom(room: IRoom | ILivechatRoom): void {
    this.rooms.set(room.id, copyOf(room));
  }

  user(id: string): IUser | undefined {
    return copyOf(this.users.get(id));
  }

  userByUsername(username: string): IUser | undefined {
    return copyOf([...this.users.values()].find((user) => user.username === username));
  }

  /** Whoever the app user of `appId` is (created at install, like the engine's `createAppUser`). */
  appUser(appId: string): IUser | undefined {
    return copyOf([...this.users.values()].find((user) => user.appId === appId));
  }

  visitor(id: string): IVisitor | undefined {
    return this.visitorOut(this.visitors.get(id));
  }

  findVisitor(matches: (visitor: IVisitor) => boolean): IVisitor | undefined {
    return this.visitorOut([...this.visitors.values()].find(matches));
  }

  /** Applies a change to the stored visitor; returns the visitor as the app sees it, or undefined if unknown. */
  updateVisitor(id: string, change: (visitor: IVisitor) => IVisitor): IVisitor | undefined {
    const stored = this.visitors.get(id);
    if (!stored) {
      return undefined;
    }
    const updated = change(copyOf(stored));
    this.visitors.set(id, copyOf(updated));
    return this.visitorOut(updated);
  }

  /** The stored visitor including `externalIds` whatever the feature flag: for test assertions. */
  storedVisitor(id: string): IVisitor | undefined {
    return copyOf(this.visitors.get(id));
  }

  department(idOrName: string): IDepartment | undefined {
    const department =
      this.departments.get(idOrName) ?? [...this.departments.values()].find(({ name }) => name === idOrName);
    return copyOf(department);
  }

  room(id: string): IRoom | undefined {
    return this.roomOut(this.rooms.get(id));
  }

  findRooms(matches: (room: IRoom) => boolean): IRoom[] {
    return [...this.rooms.values()].filter(matches).map((room) => this.roomOut(room) as IRoom);
  }

  /** Room members: `userIds` when the room lists any, else `usernames` (unknown ones are skipped). */
  members(room: IRoom): IUser[] {
    const stored = this.rooms.get(room.id) ?? room;
    const members = stored.userIds?.length
      ? stored.userIds.map((id) => this.users.get(id))
      : (stored.usernames ?? []).map((name) => [...this.users.values()].find((user) => user.username === name));
    return members.filter((user): user is IUser => user !== undefined).map(copyOf);
  }

  private visitorOut(visitor: IVisitor | undefined): IVisitor | undefined {
    if (!visitor) {
      return undefined;
    }
    const copy = copyOf(visitor);
    if (!this.externalIds) {
      delete copy.externalIds;
    }
    return copy;
  }

  private roomOut(room: IRoom | undefined): IRoom | undefined {
    if (!room) {
      return undefined;
    }
    const copy = copyOf(room);
    if (copy.type === RoomType.LIVE_CHAT && !this.externalIds) {
      const livechat = copy as ILivechatRoom;
      if (livechat.visitor) {
        delete livechat.visitor.externalIds;
      }
    }
    return copy;
  }
}
