import type { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';

import { BoundedMap } from '../bounded';
import type { HostAccess } from '../hostAccess';
import { BUDGETS, newCall } from '../liveperson/call';
import type { Directory } from '../liveperson/Directory';
import { refKey, type ParticipantRef } from '../liveperson/model';
import { errorSummary } from '../logging';
import { identityOf } from '../profile/lookup';
import type { AppConfig } from '../settings/AppConfig';
import type { ConfigCache } from '../settings/ConfigCache';
import { parseHostVisitor } from '../visitor/parseHostVisitor';

const LIMITS = {
    /** LivePerson requests of the prefetch in flight at once (an agent's click is never queued behind them). */
    concurrency: 4,
    /** Prefetches started per second, well under LivePerson's rate limits. */
    perSecond: 5,
    /** A prefetch still waiting after this long (LivePerson resting, a burst of assignments) is dropped. */
    maxWaitMs: 60_000,
};
/** Open conversations remembered per instance: far more than one instance serves at once. */
const MAX_ROOMS = 5000;

interface Task {
    roomId: string;
    host: HostAccess;
    config: AppConfig;
    ref: ParticipantRef;
    queuedAt: number;
}

/**
 * Fetches a visitor's profile when their conversation reaches an agent, so the agent's first click is a cache
 * hit. It does what a click would (resolve the visitor, choose the participant id by the same trust rules,
 * look the profile up) without any UI, in the background, a few at a time, one task per conversation however
 * many events it gets; it waits while LivePerson is left alone (a 429 pause, an open circuit, a held-back login),
 * spends nothing on visitors with no LivePerson id, and lets go of a conversation the moment it closes.
 */
export class Prefetcher {
    /** Open conversations this instance prefetched for, and the consumer whose profile they need. */
    private readonly rooms = new BoundedMap<string, ParticipantRef>(MAX_ROOMS);
    /** Waiting tasks by conversation, in arrival order. */
    private readonly queue = new Map<string, Task>();
    private readonly running = new Set<string>();
    private readonly startedAt: number[] = [];
    private timer: ReturnType<typeof setTimeout> | undefined;

    /** When each conversation last closed, as a count of closes: an assignment that saw it close while it read the visitor queues nothing. */
    private readonly closes = new BoundedMap<string, number>(MAX_ROOMS);
    private closeCount = 0;

    constructor(private readonly deps: { appId: string; directory: Directory; config: ConfigCache }) {}

    /** An agent got the conversation (assigned, started with an agent, transferred). Never throws: no agent waits on it. */
    async assigned(host: HostAccess, room: ILivechatRoom): Promise<void> {
        try {
            if (this.queue.has(room.id) || this.running.has(room.id)) return;
            const closedBefore = this.closes.peek(room.id);
            const config = await this.deps.config.current(host.read.getEnvironmentReader().getSettings());
            if (!config.prefetch || !config.livePerson || !room.visitor?.id) return;
            const visitor = parseHostVisitor(await host.read.getLivechatReader().getLivechatVisitorById(room.visitor.id));
            if (!visitor) return;
            const choice = await identityOf(this.deps.appId, host.read.getPersistenceReader(), config, visitor);
            if (choice.kind !== 'found' || this.closes.peek(room.id) !== closedBefore || this.queue.has(room.id) || this.running.has(room.id)) return;
            this.rooms.set(room.id, choice.ref);
            this.queue.set(room.id, { roomId: room.id, host, config, ref: choice.ref, queuedAt: Date.now() });
            this.drain();
        } catch (error) {
            logSkipped(host, 'assignment', error);
        }
    }

    /** The conversation ended: nothing more is fetched for it, and its profile is dropped unless another open one needs it. */
    async closed(host: HostAccess, room: ILivechatRoom): Promise<void> {
        try {
            const ref = this.rooms.peek(room.id);
            this.closes.set(room.id, ++this.closeCount);
            this.rooms.delete(room.id);
            this.queue.delete(room.id);
            if (ref) this.release(ref);
        } catch (error) {
            logSkipped(host, 'close', error);
        }
    }

    private release(ref: ParticipantRef): void {
        const key = refKey(ref);
        if (![...this.rooms.values()].some((other) => refKey(other) === key)) this.deps.directory.forget(ref);
    }

    private drain(): void {
        clearTimeout(this.timer);
        this.timer = undefined;
        const now = Date.now();
        while (this.startedAt.length > 0 && now - this.startedAt[0] >= 1000) this.startedAt.shift();
        for (const [roomId, task] of this.queue) if (now - task.queuedAt > LIMITS.maxWaitMs) this.queue.delete(roomId);
        const resting = this.deps.directory.restraint !== undefined;
        for (const task of this.queue.values()) {
            if (resting || this.running.size >= LIMITS.concurrency || this.startedAt.length >= LIMITS.perSecond) break;
            this.start(task);
        }
        if (this.queue.size > 0 && this.running.size < LIMITS.concurrency) {
            // Waiting for the pace, or for LivePerson's rest to end: look again shortly.
            this.timer = setTimeout(() => this.drain(), resting ? 1000 : Math.max(10, 1000 - (now - (this.startedAt[0] ?? now))));
        }
    }

    private start(task: Task): void {
        this.queue.delete(task.roomId);
        this.running.add(task.roomId);
        this.startedAt.push(Date.now());
        // The budget starts now, not when the task was queued.
        const call = task.config.livePerson && newCall(task.host, task.config.livePerson, BUDGETS.background);
        void (call ? this.deps.directory.lookup(call, task.ref, 'cached') : Promise.resolve())
            // Closed while the fetch ran: what it brought is not kept for it.
            .then(() => (this.rooms.peek(task.roomId) ? undefined : this.release(task.ref)))
            .catch(() => undefined)
            .finally(() => {
                this.running.delete(task.roomId);
                this.drain();
            });
    }
}

/** The name of the error and its frames only: a host error's message may hold personal data. */
function logSkipped(host: HostAccess, event: string, error: unknown): void {
    const { name, frames } = errorSummary(error);
    host.logger.warn(`Prefetch skipped a conversation ${event}: ${name}`, { frames });
}
