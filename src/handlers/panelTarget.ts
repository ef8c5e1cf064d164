import * as z from 'zod/mini';

/**
 * What the panel's buttons carry: which visitor the panel shows, how it was opened (from the visitor's room, or
 * by id), and which of its parts are open. Ids only: access is checked again on every click.
 */
export interface PanelTarget {
    visitorId: string;
    /** The visitor's room, when the panel was opened from it; else the panel was opened by the visitor's id. */
    roomId?: string;
    /** The technical details, the Rocket.Chat fields, and an unverified LivePerson profile, open. */
    details: boolean;
    hostFields: boolean;
    unverified: boolean;
}

const id = z.string().check(z.minLength(1), z.maxLength(100));
const flag = z.optional(z.boolean());
const panelTargetSchema = z.object({ r: z.optional(id), v: id, d: flag, h: flag, u: flag });

export function encodePanelTarget(target: PanelTarget): string {
    return JSON.stringify({
        ...(target.roomId ? { r: target.roomId } : {}),
        v: target.visitorId,
        d: target.details,
        h: target.hostFields,
        u: target.unverified,
    });
}

export function decodePanelTarget(value: string | undefined): PanelTarget | undefined {
    try {
        const parsed = panelTargetSchema.safeParse(JSON.parse(value ?? ''));
        if (!parsed.success) return undefined;
        const { r, v, d, h, u } = parsed.data;
        return { visitorId: v, ...(r ? { roomId: r } : {}), details: d ?? false, hostFields: h ?? false, unverified: u ?? false };
    } catch {
        return undefined;
    }
}
