import type { ISchedulerExtend, ISchedulerModify } from '@rocket.chat/apps-engine/definition/accessors';
import { StartupType } from '@rocket.chat/apps-engine/definition/scheduler';
import type {
  IJobContext,
  IOnetimeSchedule,
  IProcessor,
  IRecurringSchedule,
} from '@rocket.chat/apps-engine/definition/scheduler';
import { jsonCopy } from './clone';
import { objectId } from './ids';
import { Permission, type PermissionGuard } from './permissions';

/** What the app scheduled. `id` is the processor id as the app named it; `jobId` what scheduleOnce/Recurring returned. */
export interface ScheduledJob {
  id: string;
  jobId: string;
  kind: 'onetime' | 'recurring';
  when?: Date;
  interval?: string | number;
  skipImmediate?: boolean;
  data: object | undefined;
  cancelled: boolean;
  /** A one-time job that ran (Rocket.Chat removes it after its run). */
  done: boolean;
  runs: number;
  scheduledAt: number;
}

export interface SchedulerOptions {
  appId: string;
  guard: PermissionGuard;
  now: () => number;
  realTime: boolean;
  /** Runs the processor with full accessors as the app's `jobProcessor` method; rejects with its error. */
  runProcessor: (processor: IProcessor, jobContext: IJobContext) => Promise<void>;
  /** Jobs of a disabled app are kept but not run (AppSchedulerManager.isNotToRunJob). */
  isEnabled: () => boolean;
  onRealTimeError: (error: unknown, job: ScheduledJob) => void;
}

const UNIT_MS: Record<string, number> = {
  ms: 1,
  millisecond: 1,
  s: 1000,
  sec: 1000,
  second: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
};

/** Agenda's human intervals this host understands: a number of ms, `'90000'`, `'30 seconds'`, `'5 minutes'`, `'hour'`. */
export function intervalToMs(interval: string | number): number {
  if (typeof interval === 'number') {
    return interval;
  }
  if (/^\s*\d+\s*$/.test(interval)) {
    return Number(interval);
  }
  const match = /^\s*(\d+(?:\.\d+)?)?\s*([a-z]+)\s*$/i.exec(interval);
  const word = match?.[2].toLowerCase() ?? '';
  const unit = UNIT_MS[word] ?? (word.endsWith('s') ? UNIT_MS[word.slice(0, -1)] : undefined);
  if (!match || !unit) {
    throw new Error(`the in-memory host cannot parse the interval "${interval}" (cron expressions are not supported)`);
  }
  return Number(match[1] ?? 1) * unit;
}

/** A one-time job's `when`: a Date, `'in 20 minutes'` / `'20 minutes'` from now, or a date string. */
export function whenToTime(when: string | Date, now: number): number {
  if (when instanceof Date) {
    return when.getTime();
  }
  try {
    return now + intervalToMs(when.replace(/^\s*in\s+/i, ''));
  } catch {
    const parsed = Date.parse(when);
    if (Number.isNaN(parsed)) {
      throw new Error(`the in-memory host cannot parse the job time "${when}"`);
    }
    return parsed;
  }
}

/**
 * The app's jobs, with Rocket.Chat's scheduler semantics (SchedulerBridge + Agenda): processors are registered
 * under `<id>_<appId>`; a one-time job runs once and is removed; scheduling a recurring job again for the same
 * processor updates the one job Agenda keeps for it; the processor receives `{ ...data, jobId }`. Every member
 * needs `scheduler` (SchedulerBridge.hasDefaultPermission).
 */
export class HostScheduler {
  private readonly processors = new Map<string, IProcessor>();
  private readonly jobs: ScheduledJob[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: SchedulerOptions) {}

  readonly extend: ISchedulerExtend = {
    registerProcessors: (processors = []) => this.registerProcessors(processors),
  };

  readonly modify: ISchedulerModify = {
    scheduleOnce: (job) => this.scheduleOnce(job, 'ISchedulerModify.scheduleOnce'),
    scheduleRecurring: (job) => this.scheduleRecurring(job, 'ISchedulerModify.scheduleRecurring'),
    cancelJob: (jobId) => this.cancelJob(jobId),
    cancelAllJobs: () => this.cancelAllJobs(),
  };

  list(): ScheduledJob[] {
    return this.jobs.map((job) => ({ ...job, data: jsonCopy(job.data) }));
  }

  /** Runs a registered processor now, outside any schedule (`jobId` is `manual-<random>`). */
  async runNow(processorId: string, data: object = {}): Promise<void> {
    const processor = this.processor(processorId);
    if (!this.options.isEnabled()) {
      throw new Error(`the app is not enabled: the host does not run its job processor "${processorId}"`);
    }
    await this.options.runProcessor(processor, { ...jsonCopy(data), jobId: `manual-${objectId()}` });
  }

  /** Runs, in schedule order, the one-time jobs whose time has come; returns them. */
  async runDue(): Promise<ScheduledJob[]> {
    if (!this.options.isEnabled()) {
      return [];
    }
    const now = this.options.now();
    const due = this.jobs
      .filter((job) => job.kind === 'onetime' && !job.cancelled && !job.done && (job.when?.getTime() ?? 0) <= now)
      .sort((a, b) => (a.when?.getTime() ?? 0) - (b.when?.getTime() ?? 0));
    for (const job of due) {
      await this.run(job);
    }
    return due.map((job) => ({ ...job }));
  }

  /** An app that fails to start loses its jobs (AppManager.purgeAppConfig without keepScheduledJobs). */
  purge(): void {
    this.jobs.forEach((job) => this.cancel(job));
  }

  /** Stops the real-time timers (the playground calls it on shutdown). */
  stopTimers(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }

  private async registerProcessors(processors: IProcessor[]): Promise<void | string[]> {
    if (!this.options.guard.allows(Permission.scheduler, 'ISchedulerExtend.registerProcessors')) {
      return undefined;
    }
    const startupJobs: string[] = [];
    for (const processor of processors) {
      this.processors.set(processor.id, processor);
      const startup = processor.startupSetting;
      if (startup?.type === StartupType.ONETIME) {
        const pending = this.jobs.some((job) => job.id === processor.id && job.kind === 'onetime' && !job.cancelled && !job.done);
        if (!pending) {
          startupJobs.push(this.addOnetime({ id: processor.id, when: startup.when, data: startup.data }));
        }
      } else if (startup?.type === StartupType.RECURRING) {
        const { interval, skipImmediate, data } = startup;
        startupJobs.push(this.addRecurring({ id: processor.id, interval, skipImmediate, data }));
      }
    }
    return startupJobs.length ? startupJobs : undefined;
  }

  private async scheduleOnce(job: IOnetimeSchedule, method: string): Promise<void | string> {
    if (!this.options.guard.allows(Permission.scheduler, method)) {
      return undefined;
    }
    return this.addOnetime(job);
  }

  private async scheduleRecurring(job: IRecurringSchedule, method: string): Promise<void | string> {
    if (!this.options.guard.allows(Permission.scheduler, method)) {
      return undefined;
    }
    return this.addRecurring(job);
  }

  /** Like the bridge: a job id cancels that job; a processor id cancels every job of that processor. */
  private async cancelJob(jobId: string): Promise<void> {
    if (!this.options.guard.allows(Permission.scheduler, 'ISchedulerModify.cancelJob')) {
      return;
    }
    const plainId = jobId.replace(new RegExp(`_${this.options.appId}$`), '');
    this.jobs
      .filter((job) => job.jobId === plainId || job.id === plainId)
      .forEach((job) => this.cancel(job));
  }

  private async cancelAllJobs(): Promise<void> {
    if (!this.options.guard.allows(Permission.scheduler, 'ISchedulerModify.cancelAllJobs')) {
      return;
    }
    this.jobs.forEach((job) => this.cancel(job));
  }

  private addOnetime({ id, when, data }: IOnetimeSchedule): string {
    const now = this.options.now();
    const job: ScheduledJob = {
      id,
      jobId: objectId(),
      kind: 'onetime',
      when: new Date(whenToTime(when, now)),
      data: jsonCopy(data),
      cancelled: false,
      done: false,
      runs: 0,
      scheduledAt: now,
    };
    this.jobs.push(job);
    if (this.options.realTime) {
      this.startTimer(job, Math.max(0, (job.when as Date).getTime() - now), false);
    }
    return job.jobId;
  }

  private addRecurring({ id, interval, skipImmediate = false, data }: IRecurringSchedule): string {
    const now = this.options.now();
    const existing = this.jobs.find((job) => job.id === id && job.kind === 'recurring' && !job.cancelled);
    const job: ScheduledJob = existing ?? {
      id,
      jobId: objectId(),
      kind: 'recurring',
      data: undefined,
      cancelled: false,
      done: false,
      runs: 0,
      scheduledAt: now,
    };
    Object.assign(job, { interval, skipImmediate, data: jsonCopy(data) });
    if (!existing) {
      this.jobs.push(job);
    }
    if (this.options.realTime) {
      const everyMs = intervalToMs(interval);
      this.startTimer(job, skipImmediate ? everyMs : 0, true, everyMs);
    }
    return job.jobId;
  }

  private cancel(job: ScheduledJob): void {
    job.cancelled = true;
    clearTimeout(this.timers.get(job.jobId));
    this.timers.delete(job.jobId);
  }

  private processor(processorId: string): IProcessor {
    const plainId = processorId.replace(new RegExp(`_${this.options.appId}$`), '');
    const processor = this.processors.get(plainId);
    if (!processor) {
      throw new Error(`no job processor "${plainId}" is registered (registered: ${[...this.processors.keys()].join(', ') || 'none'})`);
    }
    return processor;
  }

  private async run(job: ScheduledJob): Promise<void> {
    job.runs += 1;
    if (job.kind === 'onetime') {
      job.done = true;
    }
    await this.options.runProcessor(this.processor(job.id), { ...jsonCopy(job.data ?? {}), jobId: job.jobId });
  }

  /** Real-time mode: Node timers (unref'd, so they never keep a test process alive). */
  private startTimer(job: ScheduledJob, delayMs: number, repeat: boolean, everyMs = 0): void {
    clearTimeout(this.timers.get(job.jobId));
    const timer = setTimeout(() => {
      this.timers.delete(job.jobId);
      if (job.cancelled) {
        return;
      }
      if (repeat) {
        this.startTimer(job, everyMs, true, everyMs);
      }
      if (this.options.isEnabled()) {
        this.run(job).catch((error: unknown) => this.options.onRealTimeError(error, job));
      }
    }, delayMs);
    timer.unref();
    this.timers.set(job.jobId, timer);
  }
}
