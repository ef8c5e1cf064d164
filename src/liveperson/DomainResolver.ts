import type { CallContext } from './CallContext';
import { Deadline, type Clock } from './Deadline';
import { sendToLivePerson, parseLivePersonJson } from './livePersonHttp';
import { domainResponseSchema } from './schemas';

export const DOMAIN_API_HOST = 'api.liveperson.net';
const MAX_AGE_MS = 60 * 60 * 1000;
const BACKGROUND_BUDGET_MS = 5000;

interface CachedDomain {
    baseURI: string;
    resolvedAt: number;
}

/**
 * Finds the account's agentVep host through LivePerson's Domain API. LivePerson moves accounts between
 * hosts, so the answer is kept about an hour, served stale while a background call renews it.
 */
export class DomainResolver {
    private readonly cache = new Map<string, CachedDomain>();
    private readonly inFlight = new Map<string, Promise<string>>();

    constructor(
        private readonly clock: Clock,
        private readonly runInBackground: (task: Promise<unknown>) => void,
    ) {}

    async agentVep(ctx: CallContext, accountId: string): Promise<string> {
        const cached = this.cache.get(accountId);
        if (!cached) {
            return this.resolve(ctx, accountId);
        }
        if (this.clock() - cached.resolvedAt >= MAX_AGE_MS) {
            this.runInBackground(this.resolve({ ...ctx, deadline: Deadline.in(BACKGROUND_BUDGET_MS, this.clock) }, accountId));
        }
        return cached.baseURI;
    }

    /** Asks the Domain API now, whatever the cache holds (one call per account at a time). */
    resolve(ctx: CallContext, accountId: string): Promise<string> {
        const running = this.inFlight.get(accountId);
        if (running) {
            return running;
        }
        const request = this.ask(ctx, accountId).finally(() => this.inFlight.delete(accountId));
        this.inFlight.set(accountId, request);
        return request;
    }

    /** What the cache holds for the account, fresh or not (a session on another host is stale). */
    known(accountId: string): string | undefined {
        return this.cache.get(accountId)?.baseURI;
    }

    /** The login response lists the account's hosts too: a free refresh. */
    remember(accountId: string, baseURI: string): void {
        this.cache.set(accountId, { baseURI, resolvedAt: this.clock() });
    }

    /** After a connection failure the host may have moved: the next lookup renews it (still serving it meanwhile). */
    markStale(accountId: string): void {
        const cached = this.cache.get(accountId);
        if (cached) {
            cached.resolvedAt = 0;
        }
    }

    forget(): void {
        this.cache.clear();
    }

    private async ask(ctx: CallContext, accountId: string): Promise<string> {
        const response = await sendToLivePerson(ctx, {
            step: 'domain',
            method: 'get',
            url: `https://${DOMAIN_API_HOST}/api/account/${encodeURIComponent(accountId)}/service/agentVep/baseURI.json?version=1.0`,
        });
        const { baseURI } = parseLivePersonJson(ctx, 'domain', response, domainResponseSchema);
        this.remember(accountId, baseURI);
        return baseURI;
    }
}
