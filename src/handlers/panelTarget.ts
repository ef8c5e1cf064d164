import * as z from 'zod/mini';

/** What the panel's Refresh button carries: ids only. Access is checked again on click, never trusted. */
export interface PanelTarget {
    visitorId: string;
    roomId?: string;
}

const panelTargetSchema = z.object({ v: z.string().check(z.minLength(1), z.maxLength(100)), r: z.optional(z.string().check(z.maxLength(100))) });

export const encodePanelTarget = (target: PanelTarget): string => JSON.stringify({ v: target.visitorId, r: target.roomId });

export function decodePanelTarget(value: string | undefined): PanelTarget | undefined {
    try {
        const parsed = panelTargetSchema.safeParse(JSON.parse(value ?? ''));
        return parsed.success ? { visitorId: parsed.data.v, roomId: parsed.data.r } : undefined;
    } catch {
        return undefined;
    }
}
