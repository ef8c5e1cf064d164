/**
 * One piece of work per key at a time: a caller that asks while it runs gets the same promise. The entry is
 * removed only by the run that put it there, so a key cleared (`forget`) and started again is not cut short
 * by the old run finishing.
 */
export class SingleFlight<K, V> {
    private readonly running = new Map<K, Promise<V>>();

    run(key: K, work: () => Promise<V>): Promise<V> {
        const current = this.running.get(key);
        if (current) {
            return current;
        }
        const started: Promise<V> = work().finally(() => {
            if (this.running.get(key) === started) {
                this.running.delete(key);
            }
        });
        this.running.set(key, started);
        return started;
    }

    isRunning(key: K): boolean {
        return this.running.has(key);
    }

    /** Later callers start afresh; whoever holds the old promise keeps it. */
    forget(): void {
        this.running.clear();
    }
}
