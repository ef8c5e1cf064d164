import type { IMessageBuilder, INotifier, ITypingOptions } from '@rocket.chat/apps-engine/definition/accessors';
import type { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import { copyOf } from './clone';
import type { HostDirectory } from './directory';
import { MessageBuilder } from './message-builder';
import { notImplemented } from './not-implemented';
import { Permission, type PermissionGuard } from './permissions';
import type { HostRecords } from './records';

export interface NotifierDependencies {
  guard: PermissionGuard;
  directory: HostDirectory;
  records: HostRecords;
  now: () => number;
}

/** Rocket.Chat converts the message first, which fails when its room does not exist. */
export function requireKnownRoom(directory: HostDirectory, message: IMessage): IRoom {
  const room = message.room && directory.room(message.room.id);
  if (!room) {
    throw new Error('Invalid room provided on the message.');
  }
  return room;
}

/** INotifier: ephemeral messages, behind `message.write` (MessageBridge.doNotifyUser / doNotifyRoom). */
export class HostNotifier implements INotifier {
  constructor(private readonly deps: NotifierDependencies) {}

  async notifyUser(user: IUser, message: IMessage): Promise<void> {
    if (!this.deps.guard.allows(Permission.messageWrite, 'INotifier.notifyUser')) {
      return;
    }
    const room = requireKnownRoom(this.deps.directory, message);
    this.record('user', room, message, [copyOf(user)], copyOf(user));
  }

  /** Sent to every member of the room, each as an ephemeral message. */
  async notifyRoom(room: IRoom, message: IMessage): Promise<void> {
    if (!this.deps.guard.allows(Permission.messageWrite, 'INotifier.notifyRoom')) {
      return;
    }
    const target = this.deps.directory.room(room.id);
    if (!target) {
      throw new Error('Invalid room provided on the message.');
    }
    this.record('room', target, message, this.deps.directory.members(target));
  }

  async typing(_options: ITypingOptions): Promise<() => Promise<void>> {
    return notImplemented('INotifier.typing');
  }

  getMessageBuilder(): IMessageBuilder {
    return new MessageBuilder();
  }

  private record(kind: 'user' | 'room', room: IRoom, message: IMessage, recipients: IUser[], user?: IUser): void {
    const copy = copyOf(message);
    this.deps.records.notifications.push({
      kind,
      ...(user ? { user } : {}),
      recipients,
      room,
      text: copy.text,
      blocks: copy.blocks,
      sender: copy.sender,
      message: copy,
      at: this.deps.now(),
    });
  }
}
