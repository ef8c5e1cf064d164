import type { App } from '@rocket.chat/apps-engine/definition/App';
import type { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { RoomType } from '@rocket.chat/apps-engine/definition/rooms';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';
import { RoomTypeFilter, UIActionButtonContext } from '@rocket.chat/apps-engine/definition/ui';
import type { IUIActionButtonDescriptor } from '@rocket.chat/apps-engine/definition/ui';
import {
  UIKitActionButtonInteractionContext,
  UIKitBlockInteractionContext,
  UIKitViewCloseInteractionContext,
  UIKitViewSubmitInteractionContext,
} from '@rocket.chat/apps-engine/definition/uikit';
import type { IUIKitInteractionHandler, IUIKitResponse, IUIKitSurface } from '@rocket.chat/apps-engine/definition/uikit';
import { UIKitIncomingInteractionContainerType } from '@rocket.chat/apps-engine/definition/uikit/UIKitIncomingInteractionContainer';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import type { AppAccessorSet } from './accessors';
import { copyOf } from './clone';
import type { AppRegistrations } from './configuration';
import type { HostDirectory } from './directory';
import type { AppMethodContext } from './logger';
import { surfaceFromResponse } from './ui-controller';
import type { WebClientModel } from './web-client';

export interface SlashCommandRun {
  /** With or without the leading slash. */
  command: string;
  /** The words after the command (a string is split on whitespace). */
  args?: string[] | string;
  sender: IUser;
  room: IRoom;
  /** Default: a fresh triggerId issued now for the sender. */
  triggerId?: string;
  threadId?: string;
}

export interface ActionButtonClick {
  actionId: string;
  user: IUser;
  room: IRoom;
  triggerId?: string;
  threadId?: string;
  message?: IMessage;
  /** Simulate a crafted request: skip the web client's `when.roomTypes` filter (only the server checks remain). */
  bypassClientFilters?: boolean;
}

export interface BlockActionClick {
  actionId: string;
  /** Default: the block of the rendered view holding `actionId`. */
  blockId?: string;
  value?: string;
  user: IUser;
  room?: IRoom;
  container: { type: 'view' | 'message'; id: string };
  triggerId?: string;
  message?: IMessage;
  /** Skip the check that the view was rendered and holds the action (a crafted request). */
  bypassClientFilters?: boolean;
}

export interface ViewClose {
  viewId: string;
  user: IUser;
  isCleared?: boolean;
}

export interface ViewSubmit {
  viewId: string;
  user: IUser;
  /** The form state the client sends (`{ [blockId]: { [actionId]: value } }`). */
  state?: object;
  triggerId?: string;
}

export type InteractiveApp = App & IUIKitInteractionHandler;

export interface InteractionDependencies {
  appId: string;
  registrations: AppRegistrations;
  client: WebClientModel;
  directory: HostDirectory;
  accessors: AppAccessorSet;
  methods: AppMethodContext;
  /** The installed, enabled app (throws otherwise). */
  enabledApp: () => InteractiveApp;
}

/** The filter value the web client matches `when.roomTypes` against. */
function roomTypeFilter(room: IRoom): RoomTypeFilter | undefined {
  const discussion = room.parentRoom !== undefined;
  switch (room.type) {
    case RoomType.CHANNEL:
      return room.isTeamMain ? RoomTypeFilter.PUBLIC_TEAM : discussion ? RoomTypeFilter.PUBLIC_DISCUSSION : RoomTypeFilter.PUBLIC_CHANNEL;
    case RoomType.PRIVATE_GROUP:
      return room.isTeamMain ? RoomTypeFilter.PRIVATE_TEAM : discussion ? RoomTypeFilter.PRIVATE_DISCUSSION : RoomTypeFilter.PRIVATE_CHANNEL;
    case RoomType.DIRECT_MESSAGE:
      return (room.usernames?.length ?? 0) > 2 ? RoomTypeFilter.DIRECT_MULTIPLE : RoomTypeFilter.DIRECT;
    case RoomType.LIVE_CHAT:
      return RoomTypeFilter.LIVE_CHAT;
    default:
      return undefined;
  }
}

function holdsAction(node: unknown, actionId: string): boolean {
  if (Array.isArray(node)) {
    return node.some((child) => holdsAction(child, actionId));
  }
  if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    return record.actionId === actionId || Object.values(record).some((child) => holdsAction(child, actionId));
  }
  return false;
}

/**
 * What a user does in the web client, turned into the calls the host makes on the app, with the contexts built
 * from the definitions' own classes. Each interaction gets a fresh triggerId (as `ActionManager.emitInteraction`)
 * unless the test passes one; a view the handler returns is delivered like one sent through IUIController.
 */
export class InteractionRunner {
  constructor(private readonly deps: InteractionDependencies) {}

  async runSlashCommand(run: SlashCommandRun): Promise<{ triggerId: string }> {
    // Throws when the app is not enabled; the host calls the executor on the command object, not on the app.
    this.deps.enabledApp();
    const name = run.command.replace(/^\//, '').toLowerCase();
    const entry = this.deps.registrations.commands.get(name);
    if (!entry || !entry.enabled) {
      throw new Error(`no enabled slash command "/${name}" is registered by the app`);
    }
    const sender = this.known(run.sender);
    const room = this.knownRoom(run.room);
    const triggerId = run.triggerId ?? this.deps.client.issueTrigger(sender);
    const args = Array.isArray(run.args) ? [...run.args] : (run.args ?? '').split(/\s+/).filter(Boolean);
    const context = new SlashCommandContext(sender, room, args, run.threadId, triggerId);
    const { read, modify, http, persis } = this.deps.accessors;
    await this.deps.methods.run('executor', () => entry.command.executor.call(entry.command, context, read, modify, http, persis));
    return { triggerId };
  }

  async clickActionButton(click: ActionButtonClick): Promise<IUIKitResponse> {
    const app = this.deps.enabledApp();
    const button = this.button(click.actionId);
    const user = this.known(click.user);
    const room = this.knownRoom(click.room);
    if (!click.bypassClientFilters) {
      this.assertShown(button, room);
    }
    const handler = app.executeActionButtonHandler;
    if (!handler) {
      throw new Error('the app has no executeActionButtonHandler: the click goes nowhere');
    }
    const triggerId = click.triggerId ?? this.deps.client.issueTrigger(user);
    const context = new UIKitActionButtonInteractionContext({
      appId: this.deps.appId,
      actionId: click.actionId,
      triggerId,
      user,
      room,
      buttonContext: button.context ?? UIActionButtonContext.ROOM_ACTION,
      ...(click.threadId ? { threadId: click.threadId } : {}),
      ...(click.message ? { message: copyOf(click.message) } : {}),
    });
    const { read, modify, http, persis } = this.deps.accessors;
    const response = await this.deps.methods.run('executeActionButtonHandler', () =>
      handler.call(app, context, read, http, persis, modify),
    );
    this.deliverResponse(response, user, triggerId);
    return response;
  }

  async clickBlockAction(click: BlockActionClick): Promise<IUIKitResponse> {
    const app = this.deps.enabledApp();
    const handler = app.executeBlockActionHandler;
    if (!handler) {
      throw new Error('the app has no executeBlockActionHandler: the click goes nowhere');
    }
    const user = this.known(click.user);
    const blockId = click.blockId ?? this.blockHolding(click.container.id, click.actionId);
    if (click.container.type === 'view' && !click.bypassClientFilters) {
      this.assertRendered(click.container.id, blockId, click.actionId);
    }
    const triggerId = click.triggerId ?? this.deps.client.issueTrigger(user);
    const containerType =
      click.container.type === 'view' ? UIKitIncomingInteractionContainerType.VIEW : UIKitIncomingInteractionContainerType.MESSAGE;
    const context = new UIKitBlockInteractionContext({
      appId: this.deps.appId,
      actionId: click.actionId,
      blockId,
      triggerId,
      user,
      room: click.room ? this.knownRoom(click.room) : undefined,
      container: { type: containerType, id: click.container.id } as never,
      ...(click.value !== undefined ? { value: click.value } : {}),
      ...(click.message ? { message: copyOf(click.message) } : {}),
    });
    const { read, modify, http, persis } = this.deps.accessors;
    const response = await this.deps.methods.run('executeBlockActionHandler', () =>
      handler.call(app, context, read, http, persis, modify),
    );
    this.deliverResponse(response, user, triggerId);
    return response;
  }

  async submitView(submit: ViewSubmit): Promise<IUIKitResponse | undefined> {
    const app = this.deps.enabledApp();
    const view = this.renderedView(submit.viewId);
    const user = this.known(submit.user);
    const handler = app.executeViewSubmitHandler;
    if (!handler) {
      return undefined;
    }
    const triggerId = submit.triggerId ?? this.deps.client.issueTrigger(user);
    const context = new UIKitViewSubmitInteractionContext({
      appId: this.deps.appId,
      user,
      triggerId,
      view: { ...view, ...(submit.state ? { state: copyOf(submit.state) } : {}) },
    });
    const { read, modify, http, persis } = this.deps.accessors;
    const response = await this.deps.methods.run('executeViewSubmitHandler', () =>
      handler.call(app, context, read, http, persis, modify),
    );
    this.deliverResponse(response, user, triggerId);
    return response;
  }

  /** The user closes a view: the handler (if any) runs, and the client forgets the view. */
  async closeView(close: ViewClose): Promise<IUIKitResponse | undefined> {
    const app = this.deps.enabledApp();
    const view = this.renderedView(close.viewId);
    const user = this.known(close.user);
    this.deps.client.closeView(close.viewId);
    const handler = app.executeViewClosedHandler;
    if (!handler) {
      return undefined;
    }
    const context = new UIKitViewCloseInteractionContext({
      appId: this.deps.appId,
      user,
      view,
      isCleared: close.isCleared ?? false,
    });
    const { read, modify, http, persis } = this.deps.accessors;
    return this.deps.methods.run('executeViewClosedHandler', () => handler.call(app, context, read, http, persis, modify));
  }

  private deliverResponse(response: IUIKitResponse | undefined, user: IUser, triggerId: string): void {
    const surface = response && surfaceFromResponse(response);
    if (!surface) {
      return;
    }
    this.deps.client.deliver({
      ...surface,
      via: 'interaction-response',
      user,
      view: copyOf(response),
      ...(surface.surface ? { viewId: surface.surface.id, surfaceType: surface.surface.type } : {}),
      triggerId,
    });
  }

  private button(actionId: string): IUIActionButtonDescriptor {
    const button = this.deps.registrations.buttons.get(actionId);
    if (!button) {
      const known = [...this.deps.registrations.buttons.keys()].join(', ') || 'none';
      throw new Error(`no action button "${actionId}" is registered by the app (registered: ${known})`);
    }
    return button;
  }

  /** `when.roomTypes` is applied by the web client only: a button filtered out cannot be clicked there. */
  private assertShown(button: IUIActionButtonDescriptor, room: IRoom): void {
    const roomTypes = button.when?.roomTypes;
    const filter = roomTypeFilter(room);
    if (roomTypes?.length && (!filter || !roomTypes.includes(filter))) {
      throw new Error(
        `the web client does not show the "${button.actionId}" button in a ${filter ?? room.type} room ` +
          `(when.roomTypes: ${roomTypes.join(', ')}); pass bypassClientFilters to simulate a crafted request`,
      );
    }
  }

  private renderedView(viewId: string): IUIKitSurface {
    const view = this.deps.client.view(viewId);
    if (!view) {
      throw new Error(`the view "${viewId}" is not rendered in the user's client (never sent, dropped, or closed)`);
    }
    return view;
  }

  private blockHolding(viewId: string, actionId: string): string {
    const block = this.renderedView(viewId).blocks.find((candidate) => holdsAction(candidate, actionId)) as
      | { blockId?: string }
      | undefined;
    if (!block?.blockId) {
      throw new Error(`no block of the rendered view "${viewId}" holds the action "${actionId}": pass blockId`);
    }
    return block.blockId;
  }

  private assertRendered(viewId: string, blockId: string, actionId: string): void {
    const view = this.renderedView(viewId);
    const block = view.blocks.find((candidate) => (candidate as { blockId?: string }).blockId === blockId);
    if (!block || !holdsAction(block, actionId)) {
      throw new Error(`the rendered view "${viewId}" has no action "${actionId}" in block "${blockId}"`);
    }
  }

  /** The user as the host knows them (a user acting in the client exists: unknown ones are added). */
  private known(user: IUser): IUser {
    const stored = this.deps.directory.user(user.id);
    if (stored) {
      return stored;
    }
    this.deps.directory.addUser(user);
    return copyOf(user);
  }

  private knownRoom(room: IRoom): IRoom {
    const stored = this.deps.directory.room(room.id);
    if (stored) {
      return stored;
    }
    this.deps.directory.addRoom(room);
    return this.deps.directory.room(room.id) as IRoom;
  }
}
