/**
 * Which contextual bar each user's client shows. The recorder keeps every surface the app sent; a client shows the
 * last `contextual_bar.open` it drew since its user closed or left the bar, with the `contextual_bar.update`s for
 * that view after it (the client applies an update to an open view only).
 */
import type { IUIKitSurface } from 'apps-engine-1-62/definition/uikit/IUIKitSurface';

import type { ShownSurface } from '../test/support/host/webClient';

export interface ShownBar {
    /** Position in the recorder's surfaces: changes on every open or update. */
    index: number;
    view: IUIKitSurface;
}

export class ContextualBars {
    /** Per user: surfaces before this index belong to a bar the user closed or left. */
    private readonly closedBefore = new Map<string, number>();

    constructor(private readonly surfaces: readonly ShownSurface[]) {}

    shown(userId: string): ShownBar | null {
        let shown: ShownBar | null = null;
        for (let index = this.closedBefore.get(userId) ?? 0; index < this.surfaces.length; index++) {
            const { userId: to, dropped, type, view } = this.surfaces[index];
            if (to !== userId || dropped) continue;
            if (type === 'contextual_bar.open' && view) shown = { index, view };
            else if (type === 'contextual_bar.update' && view && shown?.view.id === view.id) shown = { index, view };
            else if (type === 'contextual_bar.close' && (!view || shown?.view.id === view.id)) shown = null;
        }
        return shown;
    }

    close(userId: string): void {
        this.closedBefore.set(userId, this.surfaces.length);
    }
}
