import type { ScheduledJob } from '../test/support/host/recorder';
import type { World } from '../test/support/world';

/**
 * Rocket.Chat's scheduler (Agenda) as far as the app uses it. The engine's scheduler bridge only records jobs
 * (`world.host.jobs`); this runs them: a once-job when it is due, a recurring job every interval (a processor's
 * startup setting registers one with the processor, as Rocket.Chat does; `skipImmediate` waits one interval first).
 * Job and processor ids are `<jobId>_<appId>`: World.runJob takes the app's own id.
 */
export class JobScheduler {
    private readonly handled = new WeakSet<ScheduledJob>();
    private readonly nextRun = new Map<string, number>();
    private readonly running = new Set<Promise<void>>();
    private stopped = false;

    constructor(private readonly world: World) {}

    /**
     * Enabling the app scheduled a pre-warm due at once (and the settings save another one); World.start() empties the
     * recorder after installing, so the scheduler runs that job itself before the page opens.
     */
    async start(): Promise<void> {
        await this.run('lpvi-prewarm');
        this.tick();
    }

    tick(now = Date.now()): void {
        if (this.stopped) return;
        const { jobs, processors } = this.world.host;
        for (const job of [...jobs]) {
            if (job.kind !== 'once' || this.handled.has(job) || job.when.getTime() > now) continue;
            this.handled.add(job);
            jobs.splice(jobs.indexOf(job), 1);
            void this.run(job.id);
        }
        const recurring = new Map<string, { everyMs: number; skipImmediate: boolean }>();
        for (const [id, processor] of processors) {
            const startup = processor.startupSetting as { type?: string; interval?: string | number; skipImmediate?: boolean } | undefined;
            if (startup?.type === 'recurring' && startup.interval !== undefined) {
                const everyMs = intervalMs(startup.interval);
                if (everyMs) recurring.set(id, { everyMs, skipImmediate: startup.skipImmediate === true });
            }
        }
        for (const job of jobs) {
            if (job.kind !== 'recurring') continue;
            const everyMs = intervalMs(job.interval);
            if (everyMs) recurring.set(job.id, { everyMs, skipImmediate: false });
        }
        for (const id of this.nextRun.keys()) if (!recurring.has(id)) this.nextRun.delete(id);
        for (const [id, { everyMs, skipImmediate }] of recurring) {
            const due = this.nextRun.get(id) ?? (skipImmediate ? now + everyMs : now);
            if (due > now) {
                this.nextRun.set(id, due);
                continue;
            }
            this.nextRun.set(id, now + everyMs);
            void this.run(id);
        }
    }

    async stop(): Promise<void> {
        this.stopped = true;
        await Promise.allSettled([...this.running]);
    }

    private run(id: string): Promise<void> {
        const suffix = `_${this.world.appId}`;
        const jobId = id.endsWith(suffix) ? id.slice(0, -suffix.length) : id;
        const running = this.world.runJob(jobId).catch((error: unknown) => console.error(`playground: the job ${jobId} failed: ${(error as Error).message}`));
        this.running.add(running);
        void running.finally(() => this.running.delete(running));
        return running;
    }
}

/** Agenda's intervals: milliseconds, or human words ("4 minutes", "30 seconds"). Cron strings are not run. */
function intervalMs(interval: string | number): number | undefined {
    if (typeof interval === 'number') return interval > 0 ? interval : undefined;
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?|d|days?)\s*$/i.exec(interval);
    if (!match) {
        console.error(`playground: cannot run a job every "${interval}" (only "<n> <unit>" intervals are supported)`);
        return undefined;
    }
    const unit = match[2].toLowerCase();
    const scale =
        unit.startsWith('ms') || unit.startsWith('milli')
            ? 1
            : unit.startsWith('s')
              ? 1000
              : unit.startsWith('m')
                ? 60_000
                : unit.startsWith('h')
                  ? 3_600_000
                  : 86_400_000;
    return Number(match[1]) * scale;
}
