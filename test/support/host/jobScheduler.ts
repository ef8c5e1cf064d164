/**
 * Rocket.Chat's scheduler (Agenda, behind bridges/scheduler.ts) as far as apps see it, on the test clock. Jobs
 * are documents of one collection, shared by every instance of a cluster as the database is; each instance
 * defines the processors its app registered, and a due job runs on one instance. Nothing runs by itself in a
 * scenario: `runDue()` runs what is due now (after `world.advanceClock`), and the playground calls `tick()`.
 */
import { randomBytes } from 'node:crypto';

import type { IOnetimeSchedule, IProcessor, IRecurringSchedule } from 'apps-engine-1-62/definition/scheduler';

/** A document of `rocketchat_apps_scheduler`: `name` is the processor id (`<jobId>_<appId>`). */
export interface JobDocument {
    /** Agenda's ObjectId, as 24 hex digits. */
    _id: string;
    name: string;
    /** `normal`: once (scheduleOnce); `single`: recurring, one per name (scheduleRecurring). */
    type: 'normal' | 'single';
    /** When it runs next; none once a one-time job has failed (Agenda keeps it, failed). */
    nextRunAt: Date | undefined;
    intervalMs?: number;
    data: Record<string, unknown>;
    failedAt?: Date;
}

export interface SchedulerOptions {
    /** The host's clock (the test clock). */
    now: () => number;
    /**
     * bson 4 (Rocket.Chat 6.x): `new ObjectId(s)` also accepts any 12-byte string, so cancelJob never falls back
     * to cancelling by name for a 12-character job id. bson 6 (Rocket.Chat 7+) accepts 24 hex digits only.
     */
    bson4?: boolean;
}

const objectId = (): string => randomBytes(12).toString('hex');

export class JobScheduler {
    readonly jobs: JobDocument[] = [];
    /** Processors by name, per instance: Agenda's `define` is per process. */
    private readonly definitions = new Map<number, Map<string, IProcessor>>();
    private readonly running = new Set<Promise<void>>();
    private readonly locked = new Set<string>();

    constructor(private readonly options: SchedulerOptions) {}

    /** registerProcessors: defines each one; a startup setting schedules it as Rocket.Chat's bridge does. */
    define(instance: number, processors: IProcessor[]): string[] {
        const defined = this.definitions.get(instance) ?? new Map<string, IProcessor>();
        this.definitions.set(instance, defined);
        const startupJobs: string[] = [];
        for (const processor of processors) {
            defined.set(processor.id, processor);
            const startup = processor.startupSetting;
            if (startup?.type === 'recurring') {
                startupJobs.push(
                    this.scheduleRecurring({ id: processor.id, interval: startup.interval, skipImmediate: startup.skipImmediate, data: startup.data }),
                );
            } else if (startup?.type === 'onetime' && !this.jobs.some((job) => job.name === processor.id && job.type === 'normal')) {
                // Only when none of that name is scheduled yet (scheduleOnceAfterRegister).
                startupJobs.push(this.scheduleOnce({ id: processor.id, when: startup.when, data: startup.data }));
            }
        }
        return startupJobs;
    }

    /** The processor names an instance defines. */
    defined(instance = 0): string[] {
        return [...(this.definitions.get(instance)?.keys() ?? [])];
    }

    /** Agenda's `schedule`: a new document each time, even for a name already scheduled. */
    scheduleOnce(job: IOnetimeSchedule): string {
        const document: JobDocument = { _id: objectId(), name: job.id, type: 'normal', nextRunAt: new Date(job.when), data: { ...job.data } };
        this.jobs.push(document);
        return document._id;
    }

    /** Agenda's `every`: one document per name, updated in place; `skipImmediate` waits one interval. */
    scheduleRecurring(job: IRecurringSchedule): string {
        const intervalMs = intervalToMs(job.interval);
        const existing = this.jobs.find((candidate) => candidate.name === job.id && candidate.type === 'single');
        const nextRunAt = new Date(this.options.now() + (job.skipImmediate ? intervalMs : 0));
        if (existing) {
            Object.assign(existing, { intervalMs, data: { ...job.data }, ...(job.skipImmediate ? { nextRunAt } : {}) });
            return existing._id;
        }
        const document: JobDocument = { _id: objectId(), name: job.id, type: 'single', nextRunAt, intervalMs, data: { ...job.data } };
        this.jobs.push(document);
        return document._id;
    }

    /**
     * bridges/scheduler.ts `cancelJob`: the part before the first `_` is tried as an ObjectId (the document id
     * scheduleOnce returned); only if that throws is every job with the whole id as its name cancelled.
     */
    cancel(jobId: string): void {
        const asObjectId = this.objectIdOf(jobId.split('_')[0]);
        this.remove((job) => (asObjectId === undefined ? job.name === jobId : job._id === asObjectId));
    }

    /** bridges/scheduler.ts `cancelAllJobs`: every job whose name ends with `_<appId>`. */
    cancelAll(appId: string): void {
        this.remove((job) => job.name.endsWith(`_${appId}`));
    }

    /** Jobs (documents) of one processor name. */
    named(name: string): JobDocument[] {
        return this.jobs.filter((job) => job.name === name);
    }

    /** Forgets the one-time jobs (a world put back between tests keeps the recurring ones). */
    forgetOnceJobs(): void {
        this.remove((job) => job.type === 'normal');
    }

    /** Runs every job due now, each once, on `instance` (by default the first instance that defines it). */
    async runDue(instance?: number): Promise<void> {
        const due = this.jobs.filter((job) => !this.locked.has(job._id) && job.nextRunAt !== undefined && job.nextRunAt.getTime() <= this.options.now());
        await Promise.all(due.map((job) => this.run(job, instance)));
    }

    /** Runs a job of this processor now on `instance`, as Agenda runs a document it locked (one is made for it). */
    async runNow(name: string, instance = 0): Promise<void> {
        if (!this.definitions.get(instance)?.has(name)) throw new Error(`instance ${instance} defines no processor ${name}`);
        const document: JobDocument = { _id: objectId(), name, type: 'normal', nextRunAt: new Date(this.options.now()), data: {} };
        this.jobs.push(document);
        await this.run(document, instance);
    }

    /** For a server that polls: starts what is due, without waiting; errors go to the console. */
    tick(): void {
        const pending = this.runDue().catch((error: unknown) => console.error(`scheduler: ${(error as Error).message}`));
        this.running.add(pending);
        void pending.finally(() => this.running.delete(pending));
    }

    /** Waits for the jobs running now. */
    async stop(): Promise<void> {
        await Promise.allSettled([...this.running]);
    }

    /**
     * One run as `_callProcessor` does it: the processor gets the job's data with Agenda's document id as `jobId`;
     * a one-time job is removed once it succeeded. A job no instance defines stays, as Agenda leaves it.
     */
    private async run(job: JobDocument, instance: number | undefined): Promise<void> {
        const owner = instance ?? [...this.definitions.keys()].find((index) => this.definitions.get(index)?.has(job.name));
        const processor = owner === undefined ? undefined : this.definitions.get(owner)?.get(job.name);
        if (!processor) return;
        this.locked.add(job._id);
        if (job.type === 'single') job.nextRunAt = new Date(this.options.now() + (job.intervalMs ?? 0));
        try {
            const { appId: _appId, ...data } = job.data;
            await (processor.processor as unknown as (context: object) => Promise<void>)({ ...data, jobId: job._id });
            if (job.type === 'normal') this.remove((candidate) => candidate === job);
        } catch (error) {
            job.failedAt = new Date(this.options.now());
            if (job.type === 'normal') job.nextRunAt = undefined;
            throw error;
        } finally {
            this.locked.delete(job._id);
        }
    }

    private remove(matches: (job: JobDocument) => boolean): void {
        for (let index = this.jobs.length - 1; index >= 0; index--) if (matches(this.jobs[index])) this.jobs.splice(index, 1);
    }

    /** What `new ObjectId(text)` makes of the text, as hex; undefined where it throws. */
    private objectIdOf(text: string): string | undefined {
        if (/^[0-9a-f]{24}$/i.test(text)) return text.toLowerCase();
        const bytes = Buffer.from(text, 'utf8');
        return this.options.bson4 && text.length === 12 && bytes.length === 12 ? bytes.toString('hex') : undefined;
    }
}

/** Agenda's intervals: milliseconds, or human words ("4 minutes", "30 seconds"). Cron strings are not run. */
function intervalToMs(interval: string | number): number {
    if (typeof interval === 'number') return interval;
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?|d|days?)\s*$/i.exec(interval);
    if (!match) throw new Error(`the test scheduler cannot run a job every "${interval}" (only "<n> <unit>" intervals)`);
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
