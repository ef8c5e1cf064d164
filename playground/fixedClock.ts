/**
 * `PLAYGROUND_FIXED_CLOCK`, an ISO time (e.g. 2026-06-05T12:00:00Z), for byte-stable screenshots: every time the
 * page prints is that one, request durations and the client's answer times are left out, and the app's random
 * reference ids are shown as stable stand-ins (lp-00000001, ...). The app's clock starts at that time too (and runs
 * on), and LivePerson's records are read as of it, so that what the panel says relative to now ("4 months ago", how
 * long an open conversation has lasted) is the same from run to run.
 */
const FIXED_CLOCK_ENV = 'PLAYGROUND_FIXED_CLOCK';
const REFERENCE = /\blp-[0-9a-z]{8}\b/g;

export function fixedClockFromEnv(): number | undefined {
    const value = process.env[FIXED_CLOCK_ENV];
    if (value === undefined || value === '') return undefined;
    const at = Date.parse(value);
    if (Number.isNaN(at)) throw new Error(`${FIXED_CLOCK_ENV} must be an ISO date and time (e.g. 2026-06-05T12:00:00Z), got "${value}"`);
    return at;
}

/** The app's reference ids numbered in the order they reached the client, so that a run shows the same ones. */
export class ReferenceStandIns {
    private readonly standIns = new Map<string, string>();

    note(value: unknown): void {
        for (const id of JSON.stringify(value ?? null).match(REFERENCE) ?? []) {
            if (!this.standIns.has(id)) this.standIns.set(id, `lp-${String(this.standIns.size + 1).padStart(8, '0')}`);
        }
    }

    /** A copy of `value` with every noted reference replaced (ids hold no character JSON escapes). */
    replace<T>(value: T): T {
        return JSON.parse(JSON.stringify(value).replace(REFERENCE, (id) => this.standIns.get(id) ?? id)) as T;
    }
}
