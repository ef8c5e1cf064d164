import type {
  IUIController,
  IUIKitErrorInteractionParam,
  IUIKitInteractionParam,
  IUIKitSurfaceViewParam,
} from '@rocket.chat/apps-engine/definition/accessors';
import { UIKitInteractionType, UIKitSurfaceType } from '@rocket.chat/apps-engine/definition/uikit';
import type { IUIKitResponse, IUIKitSurface } from '@rocket.chat/apps-engine/definition/uikit';
import {
  formatContextualBarInteraction,
  formatModalInteraction,
} from '@rocket.chat/apps-engine/definition/uikit/UIKitInteractionPayloadFormatter';
import type { IUIKitContextualBarViewParam, IUIKitModalViewParam } from '@rocket.chat/apps-engine/definition/uikit/UIKitInteractionResponder';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import { copyOf } from './clone';
import { randomId } from './ids';
import { Permission, type PermissionGuard } from './permissions';
import type { SurfaceRecord } from './records';
import type { WebClientModel } from './web-client';

type Action = 'open' | 'update';

/** Like the engine's UIHelper.assignIds, on a copy: every block gets appId and blockId, every element an actionId. */
function withIds(surface: IUIKitSurface, appId: string): IUIKitSurface {
  const blocks = copyOf(surface.blocks).map((block) => {
    const withBlockIds = block as typeof block & { appId?: string; blockId?: string; elements?: Array<{ actionId?: string }> };
    withBlockIds.appId ??= appId;
    withBlockIds.blockId ??= randomId();
    withBlockIds.elements?.forEach((element) => {
      element.actionId ??= randomId();
    });
    return withBlockIds;
  });
  return { ...surface, blocks };
}

/** Builds the surface the server sends for a modal or contextual bar view (definitions' payload formatter). */
export function formatSurface(
  appId: string,
  surfaceType: UIKitSurfaceType.MODAL | UIKitSurfaceType.CONTEXTUAL_BAR,
  action: Action,
  view: IUIKitModalViewParam | IUIKitContextualBarViewParam,
  triggerId: string,
): IUIKitSurface {
  if (surfaceType === UIKitSurfaceType.MODAL) {
    const type = action === 'open' ? UIKitInteractionType.MODAL_OPEN : UIKitInteractionType.MODAL_UPDATE;
    return withIds(formatModalInteraction(copyOf(view), { type, triggerId, appId }).view, appId);
  }
  const type = action === 'open' ? UIKitInteractionType.CONTEXTUAL_BAR_OPEN : UIKitInteractionType.CONTEXTUAL_BAR_UPDATE;
  return withIds(formatContextualBarInteraction(copyOf(view), { type, triggerId, appId }).view, appId);
}

/**
 * A view an interaction handler returned through its responder (`openContextualBarViewResponse`, ...): the client
 * renders it like one sent through IUIController, with the same triggerId rules.
 */
export function surfaceFromResponse(response: IUIKitResponse): Pick<SurfaceRecord, 'action' | 'surface'> | undefined {
  const { type, view } = response as IUIKitResponse & { type?: string; view?: IUIKitSurface };
  switch (type) {
    case UIKitInteractionType.MODAL_OPEN:
    case UIKitInteractionType.CONTEXTUAL_BAR_OPEN:
      return { action: 'open', surface: view };
    case UIKitInteractionType.MODAL_UPDATE:
    case UIKitInteractionType.CONTEXTUAL_BAR_UPDATE:
      return { action: 'update', surface: view };
    case UIKitInteractionType.ERRORS:
      return { action: 'error' };
    default:
      return undefined;
  }
}

/** IUIController: every member needs `ui.interact` (UiInteractionBridge.hasInteractionPermission). */
export class HostUIController implements IUIController {
  constructor(
    private readonly appId: string,
    private readonly guard: PermissionGuard,
    private readonly client: WebClientModel,
  ) {}

  async openSurfaceView(view: IUIKitSurfaceViewParam, context: IUIKitInteractionParam, user: IUser): Promise<void> {
    this.send('open', view.type, view, context, user, 'IUIController.openSurfaceView');
  }

  async updateSurfaceView(view: IUIKitSurfaceViewParam, context: IUIKitInteractionParam, user: IUser): Promise<void> {
    this.send('update', view.type, view, context, user, 'IUIController.updateSurfaceView');
  }

  async openModalView(view: IUIKitModalViewParam, context: IUIKitInteractionParam, user: IUser): Promise<void> {
    this.send('open', UIKitSurfaceType.MODAL, view, context, user, 'IUIController.openModalView');
  }

  async updateModalView(view: IUIKitModalViewParam, context: IUIKitInteractionParam, user: IUser): Promise<void> {
    this.send('update', UIKitSurfaceType.MODAL, view, context, user, 'IUIController.updateModalView');
  }

  async openContextualBarView(view: IUIKitContextualBarViewParam, context: IUIKitInteractionParam, user: IUser): Promise<void> {
    this.send('open', UIKitSurfaceType.CONTEXTUAL_BAR, view, context, user, 'IUIController.openContextualBarView');
  }

  async updateContextualBarView(view: IUIKitContextualBarViewParam, context: IUIKitInteractionParam, user: IUser): Promise<void> {
    this.send('update', UIKitSurfaceType.CONTEXTUAL_BAR, view, context, user, 'IUIController.updateContextualBarView');
  }

  async setViewError(errorInteraction: IUIKitErrorInteractionParam, context: IUIKitInteractionParam, user: IUser): Promise<void> {
    if (!this.guard.allows(Permission.uiInteract, 'IUIController.setViewError')) {
      return;
    }
    this.client.deliver({
      action: 'error',
      via: 'ui-controller',
      user: copyOf(user),
      view: copyOf(errorInteraction),
      viewId: errorInteraction.viewId,
      triggerId: context.triggerId,
    });
  }

  private send(
    action: Action,
    surfaceType: UIKitSurfaceType,
    view: IUIKitModalViewParam | IUIKitContextualBarViewParam,
    context: IUIKitInteractionParam,
    user: IUser,
    method: string,
  ): void {
    if (!this.guard.allows(Permission.uiInteract, method)) {
      return;
    }
    const base = { action, via: 'ui-controller' as const, user: copyOf(user), view: copyOf(view), triggerId: context.triggerId, surfaceType };
    if (surfaceType !== UIKitSurfaceType.MODAL && surfaceType !== UIKitSurfaceType.CONTEXTUAL_BAR) {
      // The engine's openSurfaceView only knows modals and contextual bars: anything else is never sent.
      this.client.deliver({ ...base, unsupported: true });
      return;
    }
    const surface = formatSurface(this.appId, surfaceType, action, view, context.triggerId);
    this.client.deliver({ ...base, surface, viewId: surface.id });
  }
}
