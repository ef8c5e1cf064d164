import { AppPermissions, defaultPermissions } from '@rocket.chat/apps-engine/definition/metadata/AppPermissions';
import type { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import type { INetworkingPermission, IPermission } from '@rocket.chat/apps-engine/definition/permissions/IPermission';

/**
 * The permission names the host checks, taken from the definitions' own `AppPermissions` table.
 * Which accessor member checks which permission follows the real engine's bridges
 * (apps-engine 1.42 `server/bridges/*.js`, `server/managers/UIActionButtonManager.js`): see each accessor.
 */
export const Permission = {
  networking: AppPermissions.networking.default.name,
  persistence: AppPermissions.persistence.default.name,
  scheduler: AppPermissions.scheduler.default.name,
  slashCommand: AppPermissions.command.default.name,
  registerButtons: AppPermissions.ui.registerButtons.name,
  uiInteract: AppPermissions.ui.interaction.name,
  messageWrite: AppPermissions.message.write.name,
  roomRead: AppPermissions.room.read.name,
  userRead: AppPermissions.user.read.name,
  visitorRead: AppPermissions['livechat-visitor'].read.name,
  visitorWrite: AppPermissions['livechat-visitor'].write.name,
  departmentRead: AppPermissions['livechat-department'].read.name,
  departmentMultiple: AppPermissions['livechat-department'].multiple.name,
  livechatRoomRead: AppPermissions['livechat-room'].read.name,
  livechatMessageWrite: AppPermissions['livechat-message'].write.name,
  serverSettingRead: AppPermissions.setting.read.name,
} as const;

/**
 * `throw` (default): a missing permission rejects the call, so tests fail loudly.
 * `like-host`: what the real bridges do: log the PermissionDeniedError server-side and resolve `undefined`
 * (a void call silently does nothing). Use it to check how the app copes on a real server.
 */
export type PermissionFailureMode = 'throw' | 'like-host';

/** Same shape of message as the engine's PermissionDeniedError, so the app sees what it would see in production. */
export class PermissionDeniedError extends Error {
  constructor(appId: string, permission: string, method: string, reason?: string) {
    super(
      `Failed to call the method "${method}" as the app (${appId}) lacks the following permissions:\n` +
        `["${permission}"]. Declare them in your app.json to fix the issue.` +
        (reason ? `\nreason: ${reason}` : ''),
    );
    this.name = 'PermissionDeniedError';
  }
}

type ViolationSink = (violation: { permission: string; method: string; reason?: string }) => void;

function isNetworkingPermission(permission: IPermission): permission is INetworkingPermission {
  return permission.name === Permission.networking && Array.isArray((permission as INetworkingPermission).domains);
}

/** `api.example.com` matches itself; `*.example.com` matches its subdomains (not the apex). */
export function hostMatchesDomain(hostname: string, pattern: string): boolean {
  const host = hostname.toLowerCase();
  const domain = pattern
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/:].*$/, '');
  if (domain.startsWith('*.')) {
    return host.endsWith(domain.slice(1));
  }
  return host === domain;
}

export class PermissionGuard {
  constructor(
    private readonly appInfo: IAppInfo,
    private readonly onViolation: ViolationSink,
    private readonly mode: PermissionFailureMode,
  ) {}

  /** Like the engine: the declared permissions, or the backward-compatible defaults when app.json declares none. */
  private granted(): IPermission[] {
    return this.appInfo.permissions ?? defaultPermissions;
  }

  has(permission: string): boolean {
    return this.granted().some(({ name }) => name === permission);
  }

  /**
   * Whether the call may go on. On a missing permission: records the violation, then throws
   * ({@link PermissionFailureMode} `throw`) or returns false (`like-host`; the caller resolves undefined).
   */
  allows(permission: string, method: string): boolean {
    return this.has(permission) || this.deny(permission, method);
  }

  /** The department lookup accepts `livechat-department.read` or `.multiple` (LivechatBridge.doFindDepartmentByIdOrName). */
  allowsEither(permissions: readonly [string, string], method: string): boolean {
    return permissions.some((permission) => this.has(permission)) || this.deny(permissions[0], method);
  }

  /**
   * `networking`, plus an extra strictness of this test host (the real one does not check domains): the URL's
   * host name must match a declared domain. Apps on the default permission set (no `permissions` in app.json)
   * declare no domains, so only the permission itself is checked for them.
   */
  allowsNetworkHost(hostname: string, method: string): boolean {
    if (!this.allows(Permission.networking, method)) {
      return false;
    }
    if (!this.appInfo.permissions) {
      return true;
    }
    const domains = this.appInfo.permissions.filter(isNetworkingPermission).flatMap(({ domains }) => domains);
    if (domains.some((domain) => hostMatchesDomain(hostname, domain))) {
      return true;
    }
    return this.deny(
      Permission.networking,
      method,
      `the host "${hostname}" matches none of the declared networking domains [${domains.join(', ')}]`,
    );
  }

  private deny(permission: string, method: string, reason?: string): false {
    this.onViolation({ permission, method, ...(reason ? { reason } : {}) });
    if (this.mode === 'throw') {
      throw new PermissionDeniedError(this.appInfo.id, permission, method, reason);
    }
    return false;
  }
}
