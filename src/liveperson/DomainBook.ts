import { fetchServiceHost, type LivePersonService } from './api/domain';
import { backgroundCall, runInBackground } from './background';
import type { LivePersonCall } from './LivePersonCall';
import { TIMES } from './sessionPolicy';
import { SingleFlight } from './singleFlight';

interface Known {
    host: string;
    resolvedAt: number;
}

/**
 * Where each service of the account lives. LivePerson moves accounts between hosts, so an answer is kept about
 * an hour and served stale while a background call renews it; a login answer lists the hosts too, for free.
 * The admin's agentVep override, when set, is the answer for agentVep.
 */
export class DomainBook {
    private readonly known = new Map<string, Known>();
    private readonly asking = new SingleFlight<string, string>();

    async host(call: LivePersonCall, service: LivePersonService): Promise<string> {
        const override = this.override(call, service);
        if (override) {
            return override;
        }
        const cached = this.known.get(this.key(call, service));
        if (!cached) {
            return this.resolve(call, service);
        }
        if (Date.now() - cached.resolvedAt >= TIMES.domainMaxAge) {
            runInBackground(() => this.resolve(backgroundCall(call), service));
        }
        return cached.host;
    }

    /** Asks the Domain API now, whatever is known (one call per account and service at a time). */
    resolve(call: LivePersonCall, service: LivePersonService): Promise<string> {
        const key = this.key(call, service);
        return this.asking.run(key, async () => {
            const host = await fetchServiceHost(call, call.settings.accountId, service);
            this.known.set(key, { host, resolvedAt: Date.now() });
            return host;
        });
    }

    /** What is known, fresh or not: a session on another host than this one is of no use. */
    current(call: LivePersonCall, service: LivePersonService): string | undefined {
        return this.override(call, service) ?? this.known.get(this.key(call, service))?.host;
    }

    remember(call: LivePersonCall, service: LivePersonService, host: string): void {
        if (!this.override(call, service)) {
            this.known.set(this.key(call, service), { host, resolvedAt: Date.now() });
        }
    }

    /** After a connection failure the host may have moved: renew in the background, serving the known one meanwhile. */
    renewSoon(call: LivePersonCall, service: LivePersonService): void {
        const cached = this.known.get(this.key(call, service));
        if (cached && !this.override(call, service)) {
            cached.resolvedAt = 0;
            runInBackground(() => this.resolve(backgroundCall(call), service));
        }
    }

    forget(): void {
        this.known.clear();
        this.asking.forget();
    }

    private override(call: LivePersonCall, service: LivePersonService): string | undefined {
        return service === 'agentVep' ? call.settings.domainOverride : undefined;
    }

    private key(call: LivePersonCall, service: LivePersonService): string {
        return `${call.settings.accountId}:${service}`;
    }
}
