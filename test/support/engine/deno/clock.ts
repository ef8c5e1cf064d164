/**
 * The scenarios' clock inside the Deno subprocess. The app measures time with `Date.now()` (one source of time),
 * and a scenario cannot reach into another process with fake timers, so the test host writes an offset to a file
 * beside the runtime and this preload, loaded before the runtime, shifts `Date` by it. Timers are left alone:
 * only the app's notion of "now" moves, as when a real session sits idle for an hour.
 */
export function installTestClock(offsetFile: string): void {
    const RealDate = Date;
    const realNow = RealDate.now.bind(RealDate);
    let offset = 0;
    let readAt = -Infinity;
    const currentOffset = (): number => {
        // A small file read per call is cheap, but once a millisecond is plenty.
        const tick = performance.now();
        if (tick - readAt >= 1) {
            readAt = tick;
            try {
                offset = Number(Deno.readTextFileSync(offsetFile)) || 0;
            } catch {
                offset = 0;
            }
        }
        return offset;
    };
    class ShiftedDate extends RealDate {
        constructor(...args: unknown[]) {
            if (args.length === 0) {
                super(realNow() + currentOffset());
            } else {
                // @ts-expect-error: Date's overloads, passed on as given.
                super(...args);
            }
        }
        static override now(): number {
            return realNow() + currentOffset();
        }
    }
    (globalThis as { Date: DateConstructor }).Date = ShiftedDate as DateConstructor;
}
