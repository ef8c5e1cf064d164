import type { IMessageBuilder, ILivechatMessageBuilder } from '@rocket.chat/apps-engine/definition/accessors';
import type { ILivechatMessage, IVisitor } from '@rocket.chat/apps-engine/definition/livechat';
import type { IMessage, IMessageAttachment } from '@rocket.chat/apps-engine/definition/messages';
import { RocketChatAssociationModel } from '@rocket.chat/apps-engine/definition/metadata';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { BlockBuilder, IBlock } from '@rocket.chat/apps-engine/definition/uikit';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import type { LayoutBlock } from '@rocket.chat/ui-kit';

type Blocks = Array<IBlock | LayoutBlock>;

function blocksOf(blocks: BlockBuilder | Blocks): Blocks {
  return Array.isArray(blocks) ? blocks : blocks.getBlocks();
}

function requireRoom<T extends { room?: IRoom }>(message: T): T & { room: IRoom } {
  if (!message.room) {
    throw new Error('The "room" property is required.');
  }
  return message as T & { room: IRoom };
}

/** IMessageBuilder: an app-side object; nothing reaches the host until `finish` or a notifier call. */
export class MessageBuilder implements IMessageBuilder {
  readonly kind = RocketChatAssociationModel.MESSAGE as const;
  private message: Partial<IMessage>;

  constructor(data?: IMessage) {
    this.message = data ? { ...data } : {};
    delete this.message.id;
  }

  setData(message: IMessage): IMessageBuilder {
    this.message = { ...message };
    delete this.message.id;
    return this;
  }

  setUpdateData(message: IMessage, editor: IUser): IMessageBuilder {
    this.message = { ...message, editor };
    return this;
  }

  setThreadId(threadId: string): IMessageBuilder {
    this.message.threadId = threadId;
    return this;
  }

  getThreadId(): string {
    return this.message.threadId as string;
  }

  setRoom(room: IRoom): IMessageBuilder {
    this.message.room = room;
    return this;
  }

  getRoom(): IRoom {
    return this.message.room as IRoom;
  }

  setSender(sender: IUser): IMessageBuilder {
    this.message.sender = sender;
    return this;
  }

  getSender(): IUser {
    return this.message.sender as IUser;
  }

  setText(text: string): IMessageBuilder {
    this.message.text = text;
    return this;
  }

  getText(): string {
    return this.message.text as string;
  }

  setEmojiAvatar(emoji: string): IMessageBuilder {
    this.message.emoji = emoji;
    return this;
  }

  getEmojiAvatar(): string {
    return this.message.emoji as string;
  }

  setAvatarUrl(avatarUrl: string): IMessageBuilder {
    this.message.avatarUrl = avatarUrl;
    return this;
  }

  getAvatarUrl(): string {
    return this.message.avatarUrl as string;
  }

  setUsernameAlias(alias: string): IMessageBuilder {
    this.message.alias = alias;
    return this;
  }

  getUsernameAlias(): string {
    return this.message.alias as string;
  }

  addAttachment(attachment: IMessageAttachment): IMessageBuilder {
    this.message.attachments = [...(this.message.attachments ?? []), attachment];
    return this;
  }

  setAttachments(attachments: Array<IMessageAttachment>): IMessageBuilder {
    this.message.attachments = attachments;
    return this;
  }

  getAttachments(): Array<IMessageAttachment> {
    return this.message.attachments as IMessageAttachment[];
  }

  replaceAttachment(position: number, attachment: IMessageAttachment): IMessageBuilder {
    if (!this.message.attachments?.[position]) {
      throw new Error(`No attachment found at the index of "${position}" to replace.`);
    }
    this.message.attachments[position] = attachment;
    return this;
  }

  removeAttachment(position: number): IMessageBuilder {
    if (!this.message.attachments?.[position]) {
      throw new Error(`No attachment found at the index of "${position}" to remove.`);
    }
    this.message.attachments.splice(position, 1);
    return this;
  }

  setEditor(user: IUser): IMessageBuilder {
    this.message.editor = user;
    return this;
  }

  getEditor(): IUser {
    return this.message.editor as IUser;
  }

  setGroupable(groupable: boolean): IMessageBuilder {
    this.message.groupable = groupable;
    return this;
  }

  getGroupable(): boolean {
    return this.message.groupable as boolean;
  }

  setParseUrls(parseUrls: boolean): IMessageBuilder {
    this.message.parseUrls = parseUrls;
    return this;
  }

  getParseUrls(): boolean {
    return this.message.parseUrls as boolean;
  }

  getMessage(): IMessage {
    return requireRoom(this.message) as IMessage;
  }

  addBlocks(blocks: BlockBuilder | Blocks): IMessageBuilder {
    this.message.blocks = [...(this.message.blocks ?? []), ...blocksOf(blocks)];
    return this;
  }

  setBlocks(blocks: BlockBuilder | Blocks): IMessageBuilder {
    this.message.blocks = blocksOf(blocks);
    return this;
  }

  getBlocks(): Blocks {
    return this.message.blocks as Blocks;
  }

  addCustomField(key: string, value: unknown): IMessageBuilder {
    this.message.customFields = { ...(this.message.customFields ?? {}), [key]: value };
    return this;
  }
}

/** ILivechatMessageBuilder: a message sent as the visitor (token / visitor set) or, without them, as its sender. */
export class LivechatMessageBuilder implements ILivechatMessageBuilder {
  readonly kind = RocketChatAssociationModel.LIVECHAT_MESSAGE as const;
  private message: Partial<ILivechatMessage>;

  constructor(data?: ILivechatMessage) {
    this.message = data ? { ...data } : {};
    delete this.message.id;
  }

  setData(message: ILivechatMessage): ILivechatMessageBuilder {
    this.message = { ...message };
    delete this.message.id;
    return this;
  }

  setRoom(room: IRoom): ILivechatMessageBuilder {
    this.message.room = room;
    return this;
  }

  getRoom(): IRoom {
    return this.message.room as IRoom;
  }

  setSender(sender: IUser): ILivechatMessageBuilder {
    this.message.sender = sender;
    return this;
  }

  getSender(): IUser {
    return this.message.sender as IUser;
  }

  setText(text: string): ILivechatMessageBuilder {
    this.message.text = text;
    return this;
  }

  getText(): string {
    return this.message.text as string;
  }

  setEmojiAvatar(emoji: string): ILivechatMessageBuilder {
    this.message.emoji = emoji;
    return this;
  }

  getEmojiAvatar(): string {
    return this.message.emoji as string;
  }

  setAvatarUrl(avatarUrl: string): ILivechatMessageBuilder {
    this.message.avatarUrl = avatarUrl;
    return this;
  }

  getAvatarUrl(): string {
    return this.message.avatarUrl as string;
  }

  setUsernameAlias(alias: string): ILivechatMessageBuilder {
    this.message.alias = alias;
    return this;
  }

  getUsernameAlias(): string {
    return this.message.alias as string;
  }

  addAttachment(attachment: IMessageAttachment): ILivechatMessageBuilder {
    this.message.attachments = [...(this.message.attachments ?? []), attachment];
    return this;
  }

  setAttachments(attachments: Array<IMessageAttachment>): ILivechatMessageBuilder {
    this.message.attachments = attachments;
    return this;
  }

  getAttachments(): Array<IMessageAttachment> {
    return this.message.attachments as IMessageAttachment[];
  }

  replaceAttachment(position: number, attachment: IMessageAttachment): ILivechatMessageBuilder {
    if (!this.message.attachments?.[position]) {
      throw new Error(`No attachment found at the index of "${position}" to replace.`);
    }
    this.message.attachments[position] = attachment;
    return this;
  }

  removeAttachment(position: number): ILivechatMessageBuilder {
    if (!this.message.attachments?.[position]) {
      throw new Error(`No attachment found at the index of "${position}" to remove.`);
    }
    this.message.attachments.splice(position, 1);
    return this;
  }

  setEditor(user: IUser): ILivechatMessageBuilder {
    this.message.editor = user;
    return this;
  }

  getEditor(): IUser {
    return this.message.editor as IUser;
  }

  setGroupable(groupable: boolean): ILivechatMessageBuilder {
    this.message.groupable = groupable;
    return this;
  }

  getGroupable(): boolean {
    return this.message.groupable as boolean;
  }

  setParseUrls(parseUrls: boolean): ILivechatMessageBuilder {
    this.message.parseUrls = parseUrls;
    return this;
  }

  getParseUrls(): boolean {
    return this.message.parseUrls as boolean;
  }

  setToken(token: string): ILivechatMessageBuilder {
    this.message.token = token;
    return this;
  }

  getToken(): string {
    return this.message.token as string;
  }

  setVisitor(visitor: IVisitor): ILivechatMessageBuilder {
    this.message.visitor = visitor;
    delete this.message.sender;
    return this;
  }

  getVisitor(): IVisitor {
    return this.message.visitor as IVisitor;
  }

  getMessage(): ILivechatMessage {
    return requireRoom(this.message) as ILivechatMessage;
  }

  getMessageBuilder(): IMessageBuilder {
    return new MessageBuilder(this.message as IMessage);
  }
}
