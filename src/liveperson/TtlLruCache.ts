interface Entry<V> {
    value: V;
    storedAt: number;
    expiresAt: number;
}

/**
 * Bounded map with a time-to-live per entry: a Map keeps insertion order, so re-inserting on read makes the
 * first key the least recently used one. Memory stays flat however long the app runs. An expired entry is no
 * answer for `get`, but stays for `peek` (the last known answer, shown when LivePerson fails) until it is older
 * than `peek` accepts, or the bound or `delete` removes it.
 */
export class TtlLruCache<K, V> {
    private readonly entries = new Map<K, Entry<V>>();

    constructor(private readonly maxEntries: number) {}

    get(key: K): { value: V; ageMs: number } | undefined {
        const entry = this.entries.get(key);
        const now = Date.now();
        if (!entry || now >= entry.expiresAt) {
            return undefined;
        }
        this.entries.delete(key);
        this.entries.set(key, entry);
        return { value: entry.value, ageMs: now - entry.storedAt };
    }

    peek(key: K, maxAgeMs: number): { value: V; ageMs: number } | undefined {
        const entry = this.entries.get(key);
        const ageMs = entry ? Date.now() - entry.storedAt : 0;
        if (entry && ageMs > maxAgeMs) {
            this.entries.delete(key);
            return undefined;
        }
        return entry && { value: entry.value, ageMs };
    }

    set(key: K, value: V, ttlMs: number): void {
        this.entries.delete(key);
        const now = Date.now();
        this.entries.set(key, { value, storedAt: now, expiresAt: now + Math.max(0, ttlMs) });
        while (this.entries.size > this.maxEntries) {
            this.entries.delete(this.entries.keys().next().value as K);
        }
    }

    delete(key: K): void {
        this.entries.delete(key);
    }

    clear(): void {
        this.entries.clear();
    }

    get size(): number {
        return this.entries.size;
    }
}
