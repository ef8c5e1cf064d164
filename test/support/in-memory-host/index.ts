/**
 * The in-memory Rocket.Chat host: runs an Apps-Engine app (typically loaded from its packaged zip) against
 * accessors that behave like the real server's, enforce app.json permissions, and record what the app did.
 */
export { createInMemoryHost, InMemoryHost } from './host';
export type { AppConstructor, HostOptions, InstallOptions } from './host';
export type { ActionButtonClick, BlockActionClick, SlashCommandRun, ViewClose, ViewSubmit } from './interactions';
export { PersistenceStore } from './persistence';
export type { StoredAssociation, StoredRecord } from './persistence';
export { PermissionDeniedError, Permission, hostMatchesDomain } from './permissions';
export type { PermissionFailureMode } from './permissions';
export { makeDepartment, makeLivechatRoom, makeRoom, makeUser, makeVisitor } from './factories';
export type { LivechatRoomParts } from './factories';
export { TRIGGER_TIMEOUT_MS } from './web-client';
export { DEFAULT_HTTP_TIMEOUT_MS } from './http';
export { intervalToMs } from './scheduler';
export type { ScheduledJob } from './scheduler';
export { manualClock } from './clock';
export type { ManualClock } from './clock';
export type {
  HttpRequestRecord,
  LogLevel,
  LogRecord,
  NotificationRecord,
  PermissionViolationRecord,
  RoomMessageRecord,
  SurfaceDropReason,
  SurfaceRecord,
} from './records';
