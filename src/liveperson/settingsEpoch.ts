/**
 * Which LivePerson settings are current, told apart by their fingerprint. A call carries the settings it
 * started with; a call whose settings were replaced since (a slow click across a save) is stale: whatever it
 * gets back is not kept. A fingerprint never seen before comes from a fresh read (another instance's save), so
 * it wins; an admin's save (`declare`) always wins, even if it brings back older settings.
 */
export type Admission = 'current' | 'changed' | 'stale';

export class SettingsEpoch {
    private current: string | undefined;
    private readonly retired = new Set<string>();

    admit(fingerprint: string): Admission {
        if (fingerprint === this.current) {
            return 'current';
        }
        if (this.retired.has(fingerprint)) {
            return 'stale';
        }
        this.replaceWith(fingerprint);
        return 'changed';
    }

    /** `first`: nothing was current yet (the app just started), so nothing is replaced. */
    declare(fingerprint: string | undefined): 'same' | 'first' | 'changed' {
        if (fingerprint === this.current) {
            return 'same';
        }
        const first = this.current === undefined && this.retired.size === 0;
        this.replaceWith(fingerprint);
        return first ? 'first' : 'changed';
    }

    isCurrent(fingerprint: string): boolean {
        return fingerprint === this.current;
    }

    private replaceWith(fingerprint: string | undefined): void {
        if (this.current !== undefined) {
            this.retired.add(this.current);
        }
        if (fingerprint !== undefined) {
            this.retired.delete(fingerprint);
        }
        this.current = fingerprint;
        // A long-running server sees few saves; keep the memory of old ones bounded all the same.
        if (this.retired.size > 50) {
            this.retired.delete(this.retired.values().next().value as string);
        }
    }
}
