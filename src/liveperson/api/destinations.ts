/**
 * The one rule for where the app may send a request: a DNS name under liveperson.net, written as LivePerson
 * writes its hosts (lower-case labels), with nothing that could move the request elsewhere: no scheme, user
 * info, port, path or IP literal. Credentials travel with these requests, so the Domain API's answer, a login
 * answer and the admin's `lp_domain` are all held to it, and every URL the app builds goes through `urlOn`.
 */
export const DOMAIN_API_HOST = 'api.liveperson.net';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const ROOT = ['liveperson', 'net'];

export type HostProblem = 'notLivePerson' | 'notHostName';

/** Undefined when `host` is a LivePerson host the app may talk to; otherwise why not. */
export function livePersonHostProblem(host: string): HostProblem | undefined {
    if (host.length === 0 || host.length > 253 || !/^[a-z0-9.-]+$/.test(host)) {
        // Upper case, ':' (a port), '@' (user info), '/', '[' (IPv6) and anything else a host name cannot hold.
        return 'notHostName';
    }
    const labels = host.split('.');
    if (!labels.every((label) => LABEL.test(label))) {
        return 'notHostName';
    }
    if (labels.length < 3 || labels.slice(-2).join('.') !== ROOT.join('.')) {
        // An IPv4 literal ends in digits, not in liveperson.net, so it lands here too.
        return 'notLivePerson';
    }
    return undefined;
}

export const isLivePersonHost = (host: string): boolean => livePersonHostProblem(host) === undefined;

/** The URL of `path` on a LivePerson host; throws for any other host, before a byte is sent. */
export function urlOn(host: string, path: string): string {
    if (!isLivePersonHost(host)) {
        throw new RefusedDestinationError();
    }
    return `https://${host}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Says nothing of the host itself: it came from outside and may be anything. */
export class RefusedDestinationError extends Error {
    constructor() {
        super('the destination is not a LivePerson host');
        this.name = 'RefusedDestinationError';
    }
}
