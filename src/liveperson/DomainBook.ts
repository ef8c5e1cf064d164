import { inBackground, runInBackground, type LivePersonCall } from './call';
import { fetchServiceHost, type LivePersonService } from './loginService';

/** LivePerson moves accounts between hosts: a Domain API answer is kept this long, then renewed in the background. */
const DOMAIN_MAX_AGE = 60 * 60_000;

/**
 * Where each service of the account lives. An answer is served stale while a background call renews it; a
 * login answer lists the hosts too, for free. The admin's agentVep override, when set, is the answer for agentVep.
 */
export class DomainBook {
    private readonly known = new Map<string, { host: string; resolvedAt: number }>();
    private readonly asking = new Map<string, Promise<string>>();

    async host(call: LivePersonCall, service: LivePersonService): Promise<string> {
        const override = this.override(call, service);
        if (override) return override;
        const cached = this.known.get(this.key(call, service));
        if (!cached) return this.resolve(call, service);
        if (Date.now() - cached.resolvedAt >= DOMAIN_MAX_AGE) runInBackground(() => this.resolve(inBackground(call), service));
        return cached.host;
    }

    /** Asks the Domain API now, whatever is known (one request per account and service at a time). */
    resolve(call: LivePersonCall, service: LivePersonService): Promise<string> {
        const key = this.key(call, service);
        let asking = this.asking.get(key);
        if (!asking) {
            const started = fetchServiceHost(call, call.settings.accountId, service)
                .then((host) => {
                    this.known.set(key, { host, resolvedAt: Date.now() });
                    return host;
                })
                .finally(() => this.asking.get(key) === started && this.asking.delete(key));
            this.asking.set(key, (asking = started));
        }
        return asking;
    }

    /** What is known, fresh or not: a session on another host than this one is of no use. */
    current(call: LivePersonCall, service: LivePersonService): string | undefined {
        return this.override(call, service) ?? this.known.get(this.key(call, service))?.host;
    }

    remember(call: LivePersonCall, service: LivePersonService, host: string): void {
        if (!this.override(call, service)) this.known.set(this.key(call, service), { host, resolvedAt: Date.now() });
    }

    /** After a connection failure the host may have moved: renew in the background, serving the known one meanwhile. */
    renewSoon(call: LivePersonCall, service: LivePersonService): void {
        const cached = this.known.get(this.key(call, service));
        if (cached && !this.override(call, service)) {
            cached.resolvedAt = 0;
            runInBackground(() => this.resolve(inBackground(call), service));
        }
    }

    forget(): void {
        this.known.clear();
        this.asking.clear();
    }

    private override(call: LivePersonCall, service: LivePersonService): string | undefined {
        return service === 'agentVep' ? call.settings.domainOverride : undefined;
    }

    private key(call: LivePersonCall, service: LivePersonService): string {
        return `${call.settings.accountId}:${service}`;
    }
}
