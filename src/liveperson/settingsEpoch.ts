/**
 * Which LivePerson settings are current. A call carries the settings it started with, numbered by the read
 * they came from. Settings from a later read than the current ones win (an admin's save here, or another
 * instance's save seen by a periodic re-read), even when they bring back settings used before; settings from an
 * earlier read are stale (a slow click across a save): whatever such a call gets back is not kept.
 */
export type Admission = 'current' | 'changed' | 'stale';

interface Known {
    fingerprint: string | undefined;
    readNumber: number;
}

export class SettingsEpoch {
    private current: Known | undefined;

    admit(settings: { fingerprint: string; readNumber: number }): Admission {
        if (this.current && settings.fingerprint === this.current.fingerprint) {
            this.current.readNumber = Math.max(this.current.readNumber, settings.readNumber);
            return 'current';
        }
        if (this.current && settings.readNumber < this.current.readNumber) {
            return 'stale';
        }
        this.current = { fingerprint: settings.fingerprint, readNumber: settings.readNumber };
        return 'changed';
    }

    /**
     * A save, with the settings read after it (`undefined` fingerprint: LivePerson is not configured).
     * `first`: nothing was current yet (the app just started), so nothing is replaced; `stale`: a read that
     * started before another save's read, and finished after it, changes nothing.
     */
    declare(fingerprint: string | undefined, readNumber: number): 'same' | 'first' | 'changed' | 'stale' {
        if (this.current && readNumber < this.current.readNumber) {
            return 'stale';
        }
        if (this.current && fingerprint === this.current.fingerprint) {
            this.current.readNumber = readNumber;
            return 'same';
        }
        const first = this.current === undefined;
        this.current = { fingerprint, readNumber };
        return first ? 'first' : 'changed';
    }

    isCurrent(fingerprint: string): boolean {
        return fingerprint === this.current?.fingerprint;
    }
}
