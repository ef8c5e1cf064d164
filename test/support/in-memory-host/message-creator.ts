import type {
  IDiscussionBuilder,
  ILivechatMessageBuilder,
  IMessageBuilder,
  IModifyCreator,
  IRoomBuilder,
  IUserBuilder,
  IVideoConferenceBuilder,
} from '@rocket.chat/apps-engine/definition/accessors';
import type { ILivechatMessage } from '@rocket.chat/apps-engine/definition/livechat';
import type { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { RocketChatAssociationModel } from '@rocket.chat/apps-engine/definition/metadata';
import { BlockBuilder } from '@rocket.chat/apps-engine/definition/uikit';
import { copyOf } from './clone';
import { randomId } from './ids';
import { LivechatMessageBuilder, MessageBuilder } from './message-builder';
import { notImplemented, unsupportedAccessor } from './not-implemented';
import { requireKnownRoom, type NotifierDependencies } from './notifier';
import { Permission } from './permissions';
import type { RoomMessageRecord } from './records';

type AnyBuilder =
  | IMessageBuilder
  | ILivechatMessageBuilder
  | IRoomBuilder
  | IDiscussionBuilder
  | IVideoConferenceBuilder
  | IUserBuilder;

/** Like the engine's UIHelper.assignIds for message blocks. */
function blocksWithIds(blocks: IMessage['blocks'], appId: string): IMessage['blocks'] {
  return blocks?.map((block) => {
    const copy = copyOf(block) as typeof block & { appId?: string; blockId?: string; elements?: Array<{ actionId?: string }> };
    copy.appId ??= appId;
    copy.blockId ??= randomId();
    copy.elements?.forEach((element) => {
      element.actionId ??= randomId();
    });
    return copy;
  });
}

/**
 * IModifyCreator for messages. A message is created through MessageBridge.doCreate (`message.write`); a livechat
 * message from the visitor through LivechatBridge.doCreateMessage (`livechat-message.write`); a livechat message
 * with a sender and no visitor is a plain message (ModifyCreator._finishLivechatMessage). Rooms, discussions,
 * bot users and video conferences are not modelled.
 */
export class HostModifyCreator implements IModifyCreator {
  constructor(
    private readonly appId: string,
    private readonly deps: NotifierDependencies,
  ) {}

  getLivechatCreator = () => unsupportedAccessor<ReturnType<IModifyCreator['getLivechatCreator']>>('ILivechatCreator');
  getUploadCreator = () => unsupportedAccessor<ReturnType<IModifyCreator['getUploadCreator']>>('IUploadCreator');
  getEmailCreator = () => unsupportedAccessor<ReturnType<IModifyCreator['getEmailCreator']>>('IEmailCreator');
  getContactCreator = () => unsupportedAccessor<ReturnType<IModifyCreator['getContactCreator']>>('IContactCreator');

  getBlockBuilder(): BlockBuilder {
    return new BlockBuilder(this.appId);
  }

  startMessage(data?: IMessage): IMessageBuilder {
    return new MessageBuilder(data);
  }

  startLivechatMessage(data?: ILivechatMessage): ILivechatMessageBuilder {
    return new LivechatMessageBuilder(data);
  }

  startRoom(): IRoomBuilder {
    return notImplemented('IModifyCreator.startRoom');
  }

  startDiscussion(): IDiscussionBuilder {
    return notImplemented('IModifyCreator.startDiscussion');
  }

  startVideoConference(): IVideoConferenceBuilder {
    return notImplemented('IModifyCreator.startVideoConference');
  }

  startBotUser(): IUserBuilder {
    return notImplemented('IModifyCreator.startBotUser');
  }

  async finish(builder: AnyBuilder): Promise<string> {
    switch (builder.kind) {
      case RocketChatAssociationModel.MESSAGE:
        return this.finishMessage(builder as IMessageBuilder);
      case RocketChatAssociationModel.LIVECHAT_MESSAGE:
        return this.finishLivechatMessage(builder as ILivechatMessageBuilder);
      default:
        return notImplemented(`IModifyCreator.finish (${builder.kind} builder)`);
    }
  }

  private finishMessage(builder: IMessageBuilder): string {
    const message = copyOf(builder.getMessage());
    if (!message.sender?.id) {
      const appUser = this.deps.directory.appUser(this.appId);
      if (!appUser) {
        throw new Error('Invalid sender assigned to the message.');
      }
      message.sender = appUser;
    }
    if (!this.deps.guard.allows(Permission.messageWrite, 'IModifyCreator.finish')) {
      return undefined as unknown as string;
    }
    return this.store('message', { ...message, blocks: blocksWithIds(message.blocks, this.appId) });
  }

  private finishLivechatMessage(builder: ILivechatMessageBuilder): string {
    if (builder.getSender() && !builder.getVisitor()) {
      return this.finishMessage(builder.getMessageBuilder());
    }
    const message = copyOf(builder.getMessage());
    if (!message.token && !message.visitor?.token) {
      throw new Error('Invalid visitor sending the message');
    }
    message.token = message.visitor ? message.visitor.token : message.token;
    if (!this.deps.guard.allows(Permission.livechatMessageWrite, 'IModifyCreator.finish')) {
      return undefined as unknown as string;
    }
    return this.store('livechat', message);
  }

  private store(kind: RoomMessageRecord['kind'], message: ILivechatMessage): string {
    const room = requireKnownRoom(this.deps.directory, message);
    const id = randomId();
    const stored = { ...message, id, room, createdAt: new Date(this.deps.now()) };
    this.deps.records.roomMessages.push({
      id,
      kind,
      room,
      ...(stored.sender ? { sender: stored.sender } : {}),
      ...(stored.visitor ? { visitor: stored.visitor } : {}),
      text: stored.text,
      blocks: stored.blocks,
      attachments: stored.attachments,
      threadId: stored.threadId,
      message: stored,
      at: this.deps.now(),
    });
    return id;
  }
}
