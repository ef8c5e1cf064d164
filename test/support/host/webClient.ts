/**
 * What the real engine cannot show: the Rocket.Chat web client's side of a UI interaction. The client issues a
 * triggerId per click or command, forgets it 5000 ms later (ActionManager's TRIGGER_TIMEOUT), and renders at most
 * one surface per triggerId; anything else arrives and is silently not drawn. It also knows which room each user
 * has open: an ephemeral message lands in the client's message store under its room (client/startup/
 * incomingMessages.ts), so the user sees it in that room only.
 */
import type { IUIKitSurface } from 'apps-engine-1-62/definition/uikit/IUIKitSurface';

import { randomId } from './workspace';

export const TRIGGER_TIMEOUT_MS = 5000;

export type DropReason = 'unknown-trigger' | 'expired' | 'already-used';

export interface ShownSurface {
    userId: string;
    /** `contextual_bar.open`, `contextual_bar.update`, ... */
    type: string;
    triggerId: string;
    view: IUIKitSurface | undefined;
    /** From the click to the surface reaching the client. */
    openedAfterMs: number | undefined;
    dropped: boolean;
    dropReason?: DropReason;
}

interface IssuedTrigger {
    userId: string;
    issuedAt: number;
    used: boolean;
}

export class WebClient {
    readonly surfaces: ShownSurface[] = [];
    private readonly triggers = new Map<string, IssuedTrigger>();
    private readonly openRooms = new Map<string, string>();

    /** The user opens a room (typing a command or clicking there means they have it open). */
    open(userId: string, roomId: string): void {
        this.openRooms.set(userId, roomId);
    }

    openRoom(userId: string): string | undefined {
        return this.openRooms.get(userId);
    }

    issueTrigger(userId: string): string {
        const triggerId = randomId();
        this.triggers.set(triggerId, { userId, issuedAt: Date.now(), used: false });
        return triggerId;
    }

    /** Called by the UI interaction bridge for everything the server pushes to a user. */
    receive(userId: string, interaction: { type: string; triggerId: string; view?: IUIKitSurface }): void {
        const issued = this.triggers.get(interaction.triggerId);
        const trigger = issued?.userId === userId ? issued : undefined;
        const openedAfterMs = trigger ? Date.now() - trigger.issuedAt : undefined;
        const dropReason: DropReason | undefined = !trigger
            ? 'unknown-trigger'
            : (openedAfterMs ?? 0) > TRIGGER_TIMEOUT_MS
              ? 'expired'
              : trigger.used
                ? 'already-used'
                : undefined;
        if (trigger && !dropReason) trigger.used = true;
        this.surfaces.push({
            userId,
            type: interaction.type,
            triggerId: interaction.triggerId,
            view: interaction.view,
            openedAfterMs,
            dropped: dropReason !== undefined,
            ...(dropReason ? { dropReason } : {}),
        });
    }

    /** The surface the user sees now: the last one drawn. */
    shown(userId?: string): IUIKitSurface | undefined {
        const drawn = this.surfaces.filter((surface) => !surface.dropped && (userId === undefined || surface.userId === userId));
        return drawn[drawn.length - 1]?.view;
    }

    clear(): void {
        this.surfaces.length = 0;
        this.triggers.clear();
        this.openRooms.clear();
    }
}
