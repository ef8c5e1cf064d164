import * as z from 'zod/mini';

/**
 * What the panel's buttons carry: which visitor the panel shows, how it was opened (from the visitor's room, or
 * by id) and whether the technical details are open. Ids only: access is checked again on every click.
 */
export type PanelTarget = { by: 'room'; roomId: string; visitorId: string; details: boolean } | { by: 'id'; visitorId: string; details: boolean };

const id = z.string().check(z.minLength(1), z.maxLength(100));
const panelTargetSchema = z.union([
    z.object({ b: z.literal('r'), r: id, v: id, d: z.optional(z.boolean()) }),
    z.object({ b: z.literal('i'), v: id, d: z.optional(z.boolean()) }),
]);

export function encodePanelTarget(target: PanelTarget): string {
    return JSON.stringify(
        target.by === 'room' ? { b: 'r', r: target.roomId, v: target.visitorId, d: target.details } : { b: 'i', v: target.visitorId, d: target.details },
    );
}

export function decodePanelTarget(value: string | undefined): PanelTarget | undefined {
    try {
        const parsed = panelTargetSchema.safeParse(JSON.parse(value ?? ''));
        if (!parsed.success) return undefined;
        const { data } = parsed;
        return data.b === 'r'
            ? { by: 'room', roomId: data.r, visitorId: data.v, details: data.d ?? false }
            : { by: 'id', visitorId: data.v, details: data.d ?? false };
    } catch {
        return undefined;
    }
}
