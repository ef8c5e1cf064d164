/**
 * The one bounded map of the app: at most `max` entries, the least recently used leaving first, so memory stays
 * flat however long the app runs. A Map keeps insertion order: re-inserting on `get` keeps the order by use.
 */
export class BoundedMap<K, V> {
    private readonly entries = new Map<K, V>();

    constructor(private readonly max: number) {}

    get(key: K): V | undefined {
        const value = this.entries.get(key);
        if (value !== undefined) {
            this.entries.delete(key);
            this.entries.set(key, value);
        }
        return value;
    }

    /** Without counting as a use. */
    peek(key: K): V | undefined {
        return this.entries.get(key);
    }

    set(key: K, value: V): void {
        this.entries.delete(key);
        this.entries.set(key, value);
        while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as K);
    }

    delete(key: K): void {
        this.entries.delete(key);
    }

    clear(): void {
        this.entries.clear();
    }

    values(): IterableIterator<V> {
        return this.entries.values();
    }

    get size(): number {
        return this.entries.size;
    }
}
/**
 * The one truncation of the app: by code points, so an emoji or any character outside the Basic Multilingual
 * Plane is never split into half a surrogate pair, with an ellipsis that counts toward the length.
 */
export function cut(value: string, length: number): string {
    if (value.length <= length) return value;
    const chars = Array.from(value);
    return chars.length > length ? `${chars.slice(0, length - 1).join('')}…` : value;
}
