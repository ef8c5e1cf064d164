import type { IHttp, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';

import type { AppServices } from '../app/AppServices';
import { livePersonCall } from '../app/calls';
import { identityOf } from '../handlers/profileLookup';
import { refKey, type ParticipantRef } from '../liveperson/ParticipantDirectory';
import { TIMES } from '../liveperson/sessionPolicy';
import { errorSummary, type AppLog } from '../logging';
import type { AppConfig } from '../settings/AppConfig';
import { parseHostVisitor } from '../visitor/parseHostVisitor';

type EventHost = { read: IRead; http: IHttp; persis: IPersistence; logger: AppLog };

export interface PrefetchLimits {
    /** LivePerson requests of the prefetch in flight at once (an agent's click is never queued behind them). */
    concurrency: number;
    /** Prefetches started per second, well under LivePerson's rate limits. */
    perSecond: number;
    /** A prefetch still waiting after this long (LivePerson resting, a burst of assignments) is dropped. */
    maxWaitMs: number;
}

const PREFETCH_LIMITS: PrefetchLimits = { concurrency: 4, perSecond: 5, maxWaitMs: 60_000 };
/** Open conversations remembered per instance: far more than one instance serves at once. */
const MAX_ROOMS = 5000;

/** The name of the error and its frames only: a host error's message may hold personal data. */
function logSkipped(host: EventHost, event: string, error: unknown): void {
    const { name, frames } = errorSummary(error);
    host.logger.warn(`Prefetch skipped a conversation ${event}: ${name}`, { frames });
}

interface Task {
    host: EventHost;
    config: AppConfig;
    ref: ParticipantRef;
    queuedAt: number;
}

/**
 * Fetches a visitor's profile when their conversation reaches an agent, so the agent's first click is a cache
 * hit. It does what a click would (resolve the visitor, choose the participant id by the same trust rules,
 * look the profile up) without any UI, in the background, a few at a time; it waits while LivePerson is being
 * left alone (a 429 pause, an open circuit), and spends nothing on visitors with no LivePerson id.
 */
export class Prefetcher {
    /** Open conversations this instance prefetched for, and whose profile they need. */
    private readonly rooms = new Map<string, { key: string; ref: ParticipantRef }>();
    private readonly queue: Task[] = [];
    private readonly startedAt: number[] = [];
    private running = 0;
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(
        private readonly services: () => AppServices,
        private readonly limits: PrefetchLimits = PREFETCH_LIMITS,
    ) {}

    /** An agent got the conversation (assigned, started with an agent, transferred). Never throws: no agent waits on it. */
    async assigned(host: EventHost, room: ILivechatRoom): Promise<void> {
        try {
            const services = this.services();
            const config = await services.config.current(host.read.getEnvironmentReader().getSettings());
            if (!config.prefetch || !config.livePerson || !room.visitor?.id) return;
            const visitor = parseHostVisitor(await host.read.getLivechatReader().getLivechatVisitorById(room.visitor.id));
            if (!visitor) return;
            const choice = await identityOf(services, host.read.getPersistenceReader(), config, visitor);
            if (choice.kind !== 'found') return;
            this.rooms.delete(room.id);
            this.rooms.set(room.id, { key: refKey(choice.ref), ref: choice.ref });
            // A close handled by another instance never reaches this one: the oldest rooms are forgotten first.
            while (this.rooms.size > MAX_ROOMS) this.rooms.delete(this.rooms.keys().next().value as string);
            this.queue.push({ host, config, ref: choice.ref, queuedAt: Date.now() });
            this.drain();
        } catch (error) {
            logSkipped(host, 'assignment', error);
        }
    }

    /** The conversation ended: its profile is not kept for it, unless another open conversation needs it. */
    async closed(host: EventHost, room: ILivechatRoom): Promise<void> {
        try {
            const entry = this.rooms.get(room.id);
            this.rooms.delete(room.id);
            if (!entry || [...this.rooms.values()].some((other) => other.key === entry.key)) return;
            const services = this.services();
            const config = await services.config.current(host.read.getEnvironmentReader().getSettings());
            const call = livePersonCall(host, config, TIMES.backgroundBudget);
            if (call) services.directory.forget(call, entry.ref);
        } catch (error) {
            logSkipped(host, 'close', error);
        }
    }

    private drain(): void {
        clearTimeout(this.timer);
        this.timer = undefined;
        const now = Date.now();
        while (this.startedAt.length > 0 && now - this.startedAt[0] >= 1000) this.startedAt.shift();
        while (this.queue.length > 0 && now - this.queue[0].queuedAt > this.limits.maxWaitMs) this.queue.shift();
        const resting = this.services().directory.resting;
        while (!resting && this.queue.length > 0 && this.running < this.limits.concurrency && this.startedAt.length < this.limits.perSecond) {
            this.start(this.queue.shift() as Task);
        }
        if (this.queue.length > 0 && this.running < this.limits.concurrency) {
            // Waiting for the pace, or for LivePerson's rest to end: look again shortly.
            const wait = resting ? 1000 : Math.max(10, 1000 - (now - (this.startedAt[0] ?? now)));
            this.timer = setTimeout(() => this.drain(), wait);
        }
    }

    private start(task: Task): void {
        this.running++;
        this.startedAt.push(Date.now());
        // The budget starts now, not when the task was queued.
        const call = livePersonCall(task.host, task.config, TIMES.backgroundBudget);
        void (call ? this.services().directory.lookup(call, task.ref, { bypassCache: false }) : Promise.resolve())
            .catch(() => undefined)
            .finally(() => {
                this.running--;
                this.drain();
            });
    }
}
