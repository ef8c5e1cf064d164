import type { IUIKitSurface } from '@rocket.chat/apps-engine/definition/uikit';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import { copyOf } from './clone';
import { randomId } from './ids';
import type { HostRecords, SurfaceDropReason, SurfaceRecord } from './records';

/** The web client forgets a triggerId 5000 ms after issuing it (ActionManager.TRIGGER_TIMEOUT). */
export const TRIGGER_TIMEOUT_MS = 5000;

interface IssuedTrigger {
  userId: string;
  issuedAt: number;
  used: boolean;
}

export type SurfaceDelivery = Omit<SurfaceRecord, 'at' | 'openedAfterMs' | 'dropped' | 'dropReason'> & {
  /** A surface the server never sends (HOME through openSurfaceView). */
  unsupported?: boolean;
};

/**
 * The user's web client as far as app surfaces go. A triggerId is issued per user interaction; the first server
 * interaction carrying it consumes it; a surface arriving with an unknown, expired (> 5000 ms) or already used
 * triggerId is silently not rendered. The host records such a surface with `dropped: true`.
 */
export class WebClientModel {
  private readonly triggers = new Map<string, IssuedTrigger>();
  private readonly openViews = new Map<string, IUIKitSurface>();

  constructor(
    private readonly now: () => number,
    private readonly records: HostRecords,
  ) {}

  issueTrigger(user: IUser): string {
    const triggerId = randomId();
    this.triggers.set(triggerId, { userId: user.id, issuedAt: this.now(), used: false });
    return triggerId;
  }

  deliver(delivery: SurfaceDelivery): SurfaceRecord {
    const { unsupported, ...surface } = delivery;
    const trigger = this.triggers.get(surface.triggerId);
    // Another user's client never saw this triggerId.
    const known = trigger && trigger.userId === surface.user.id ? trigger : undefined;
    const openedAfterMs = known ? this.now() - known.issuedAt : undefined;
    const dropReason = this.dropReason(known, openedAfterMs, unsupported === true);
    if (known && !dropReason) {
      known.used = true;
    }
    if (!dropReason && surface.surface && surface.action !== 'error') {
      this.openViews.set(surface.surface.id, copyOf(surface.surface));
    }
    const record: SurfaceRecord = {
      ...surface,
      ...(openedAfterMs !== undefined ? { openedAfterMs } : {}),
      dropped: dropReason !== undefined,
      ...(dropReason ? { dropReason } : {}),
      at: this.now(),
    };
    this.records.surfaces.push(record);
    return record;
  }

  /** The last rendered version of a view (what a block action or a close refers to). */
  view(viewId: string): IUIKitSurface | undefined {
    return copyOf(this.openViews.get(viewId));
  }

  closeView(viewId: string): void {
    this.openViews.delete(viewId);
  }

  private dropReason(
    trigger: IssuedTrigger | undefined,
    openedAfterMs: number | undefined,
    unsupported: boolean,
  ): SurfaceDropReason | undefined {
    if (unsupported) {
      return 'unsupported-surface';
    }
    if (!trigger || openedAfterMs === undefined) {
      return 'unknown-trigger';
    }
    if (openedAfterMs > TRIGGER_TIMEOUT_MS) {
      return 'expired';
    }
    return trigger.used ? 'already-used' : undefined;
  }
}
