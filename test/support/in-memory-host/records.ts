import type { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUIKitSurface, UIKitSurfaceType } from '@rocket.chat/apps-engine/definition/uikit';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import type { IVisitor } from '@rocket.chat/apps-engine/definition/livechat';

/** Every record carries the host clock's time (`now()`) at which it happened. */
interface Timestamped {
  at: number;
}

/** An ephemeral message from INotifier: only the recipients see it, nothing is stored in the room. */
export interface NotificationRecord extends Timestamped {
  kind: 'user' | 'room';
  /** The one recipient of `notifyUser`. */
  user?: IUser;
  /** Who receives it: the user for `notifyUser`, every room member for `notifyRoom`. */
  recipients: IUser[];
  room: IRoom;
  text?: string;
  blocks?: IMessage['blocks'];
  sender?: IUser;
  message: IMessage;
}

/**
 * Why the web client would not render a surface: its triggerId is unknown to the user's client, older than
 * 5000 ms (`ActionManager.TRIGGER_TIMEOUT`), or already consumed by an earlier surface (the client invalidates a
 * triggerId on the first server interaction that carries it); HOME surfaces are not rendered by
 * `openSurfaceView` at all.
 */
export type SurfaceDropReason = 'unknown-trigger' | 'expired' | 'already-used' | 'unsupported-surface';

export interface SurfaceRecord extends Timestamped {
  action: 'open' | 'update' | 'error';
  /** `ui-controller`: IUIController call; `interaction-response`: a view returned by an interaction handler. */
  via: 'ui-controller' | 'interaction-response';
  user: IUser;
  /** The view exactly as the app passed it (for `error`: the error interaction param). */
  view: unknown;
  /** The surface as the client receives it (appId, id and block ids assigned), when there is one. */
  surface?: IUIKitSurface;
  viewId?: string;
  surfaceType?: UIKitSurfaceType;
  triggerId: string;
  /** Time since the trigger was issued; undefined for an unknown triggerId. */
  openedAfterMs?: number;
  dropped: boolean;
  dropReason?: SurfaceDropReason;
}

/** A message stored in a room (`IModifyCreator.finish`). */
export interface RoomMessageRecord extends Timestamped {
  id: string;
  /** `livechat`: sent as the visitor through the livechat bridge; `message`: a regular room message. */
  kind: 'message' | 'livechat';
  room: IRoom;
  sender?: IUser;
  visitor?: IVisitor;
  text?: string;
  blocks?: IMessage['blocks'];
  attachments?: IMessage['attachments'];
  threadId?: string;
  message: IMessage;
}

export type LogLevel = 'debug' | 'info' | 'log' | 'warn' | 'error' | 'success';

export interface LogRecord extends Timestamped {
  level: LogLevel;
  /** The app method (AppMethod value) running when the line was logged. */
  method: string;
  args: unknown[];
  /** The args stringified and joined with spaces, for easy matching. */
  text: string;
}

export interface HttpRequestRecord extends Timestamped {
  /** Upper-case HTTP method. */
  method: string;
  /** The URL as the app asked for it, with the query string the host appended. */
  url: string;
  /** The loopback URL the request really went to when `routes` matched its host name. */
  routedTo?: string;
  headers: Record<string, string>;
  content?: string;
  status?: number;
  error?: string;
  durationMs: number;
}

export interface PermissionViolationRecord extends Timestamped {
  permission: string;
  /** The accessor member the app called, e.g. `INotifier.notifyUser`. */
  method: string;
  reason?: string;
}

/** What the app did, in order. Arrays are stable: `clear()` empties them in place. */
export class HostRecords {
  readonly notifications: NotificationRecord[] = [];
  readonly surfaces: SurfaceRecord[] = [];
  readonly roomMessages: RoomMessageRecord[] = [];
  readonly logs: LogRecord[] = [];
  readonly httpRequests: HttpRequestRecord[] = [];
  readonly permissionViolations: PermissionViolationRecord[] = [];

  clear(): void {
    for (const list of [
      this.notifications,
      this.surfaces,
      this.roomMessages,
      this.logs,
      this.httpRequests,
      this.permissionViolations,
    ]) {
      list.length = 0;
    }
  }
}
