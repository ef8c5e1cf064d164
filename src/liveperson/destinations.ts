/**
 * The one rule for where credentials may go: over https to a DNS name under liveperson.net, with no scheme,
 * user info, port, path or IP literal. Hosts are lower-cased first (LivePerson's docs answer mixed case,
 * "exampleDomain.liveperson.net"). Domain API and login answers and the admin's `lp_domain` are held to it;
 * every URL the app builds goes through `urlOn`.
 */
export const DOMAIN_API_HOST = 'api.liveperson.net';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type HostProblem = 'notLivePerson' | 'notHostName';

/** The host as the rule reads it: trimmed and lower-cased. */
const normalHost = (host: string): string => host.trim().toLowerCase();

/** Undefined when `host` (already normal) is a LivePerson host the app may talk to; otherwise why not. */
export function livePersonHostProblem(host: string): HostProblem | undefined {
    // ':' (a port), '@' (user info), '/', '[' (IPv6) and anything else a host name cannot hold.
    if (host.length === 0 || host.length > 253 || !/^[a-z0-9.-]+$/.test(host)) return 'notHostName';
    const labels = host.split('.');
    if (!labels.every((label) => LABEL.test(label))) return 'notHostName';
    // An IPv4 literal ends in digits, not in liveperson.net, so it lands here too.
    return labels.length < 3 || labels.slice(-2).join('.') !== 'liveperson.net' ? 'notLivePerson' : undefined;
}

/** The host a LivePerson answer named, made normal; undefined when the rule refuses it. */
export function livePersonHost(named: string): string | undefined {
    const host = normalHost(named);
    return livePersonHostProblem(host) ? undefined : host;
}

/** The URL of `path` on a LivePerson host; undefined for any other host, before a byte is sent. */
export function urlOn(host: string, path: string): string | undefined {
    const checked = livePersonHost(host);
    return checked && `https://${checked}${path.startsWith('/') ? path : `/${path}`}`;
}
