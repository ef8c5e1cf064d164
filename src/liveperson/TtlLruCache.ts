import type { Clock } from './Deadline';

interface Entry<V> {
    value: V;
    storedAt: number;
    expiresAt: number;
}

/**
 * Bounded map with a time-to-live per entry: a Map keeps insertion order, so re-inserting on read
 * makes the first key the least recently used one. Memory stays flat however long the app runs.
 */
export class TtlLruCache<K, V> {
    private readonly entries = new Map<K, Entry<V>>();

    constructor(
        private readonly maxEntries: number,
        private readonly clock: Clock = () => Date.now(),
    ) {}

    get(key: K): { value: V; ageMs: number } | undefined {
        const entry = this.entries.get(key);
        if (!entry) {
            return undefined;
        }
        const now = this.clock();
        if (now >= entry.expiresAt) {
            this.entries.delete(key);
            return undefined;
        }
        this.entries.delete(key);
        this.entries.set(key, entry);
        return { value: entry.value, ageMs: now - entry.storedAt };
    }

    set(key: K, value: V, ttlMs: number): void {
        this.entries.delete(key);
        if (ttlMs <= 0) {
            return;
        }
        const now = this.clock();
        this.entries.set(key, { value, storedAt: now, expiresAt: now + ttlMs });
        while (this.entries.size > this.maxEntries) {
            const oldest = this.entries.keys().next().value as K;
            this.entries.delete(oldest);
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
