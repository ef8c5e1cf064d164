/**
 * Limits that keep a view small whatever a visitor, a host or LivePerson sends: a value is cut, a list is
 * capped and says how many more there are. With these the whole panel stays under 100 KB.
 */
export const BOUNDS = {
    /** A name or a value: longer is not something an agent reads. */
    valueLength: 200,
    customFields: 20,
    externalIds: 10,
    metadataPerExternalId: 5,
    contacts: 10,
} as const;

export function cut(value: string, length: number = BOUNDS.valueLength): string {
    const chars = Array.from(value);
    return chars.length > length ? `${chars.slice(0, length - 1).join('')}…` : value;
}

/** The first `max` items, and how many were left out. */
export function capped<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
    return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}
