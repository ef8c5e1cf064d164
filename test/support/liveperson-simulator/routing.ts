/**
 * Decides which route a request is for, from its Host header, method and path.
 * A path for an account on a host that does not serve that account is `unknown` (a plain 404), which is how a
 * client that resolved the wrong domain (or skipped the Domain API) gets caught. The same goes for a service's path
 * on another service's host (a Chat Agent call sent to msgHist, a history search sent to agentVep).
 */

export const DOMAIN_API_HOST = 'api.liveperson.net';

export type RouteMatch =
    | { route: 'domain'; accountId: string; service: string }
    | { route: 'domainBulk'; accountId: string }
    | { route: 'login' | 'refresh' | 'logout' | 'agentSession'; accountId: string }
    | { route: 'participantInfo'; accountId: string; agentSessionId: string; encodedParticipantId: string }
    | { route: 'msgHistConversation' | 'msgHistConsumer'; accountId: string }
    | { route: 'unknown' };

/** Where each account lives; an account id may be unknown (the simulator still answers for it). */
export interface AccountDirectory {
    domainOf(accountId: string): string | undefined;
    isAccountDomain(host: string): boolean;
    msgHistDomainOf(accountId: string): string | undefined;
    isMsgHistDomain(host: string): boolean;
}

const SEGMENT = '([^/]+)';
const DOMAIN_PATH = new RegExp(`^/api/account/${SEGMENT}/service/${SEGMENT}/baseURI\\.json$`);
const DOMAIN_BULK_PATH = new RegExp(`^/api/account/${SEGMENT}/service/baseURI\\.json$`);
const LOGIN_SERVICE_PATH = new RegExp(`^/api/account/${SEGMENT}/(login|refresh|logout)$`);
const AGENT_SESSION_PATH = new RegExp(`^/api/account/${SEGMENT}/agentSession$`);
const PARTICIPANT_PATH = new RegExp(`^/api/account/${SEGMENT}/agentSession/${SEGMENT}/participantExtendedInfo/${SEGMENT}$`);
const MSG_HIST_PATH = new RegExp(`^/messaging_history/api/account/${SEGMENT}/conversations/(conversation|consumer)/search$`);

/** `Va.AgentVep.LivePerson.net:443` -> `va.agentvep.liveperson.net`. */
export function normaliseHost(hostHeader: string | undefined): string {
    return (hostHeader ?? '').trim().toLowerCase().replace(/:\d+$/, '');
}

export function matchRoute(method: string, host: string, pathname: string, directory: AccountDirectory): RouteMatch {
    if (host === DOMAIN_API_HOST) return matchDomainApi(method, pathname);
    if (directory.isMsgHistDomain(host)) {
        const match = matchMsgHist(method, pathname);
        if (match.route === 'unknown') return match;
        return servesAccount(host, directory.msgHistDomainOf(match.accountId), true) ? match : { route: 'unknown' };
    }
    const match = matchAgentVep(method, pathname);
    if (match.route === 'unknown') return match;
    const served = servesAccount(host, directory.domainOf(match.accountId), directory.isAccountDomain(host));
    return served ? match : { route: 'unknown' };
}

function matchDomainApi(method: string, pathname: string): RouteMatch {
    if (method !== 'GET') return { route: 'unknown' };
    const single = DOMAIN_PATH.exec(pathname);
    if (single) return { route: 'domain', accountId: single[1], service: single[2] };
    const bulk = DOMAIN_BULK_PATH.exec(pathname);
    if (bulk) return { route: 'domainBulk', accountId: bulk[1] };
    return { route: 'unknown' };
}

function matchAgentVep(method: string, pathname: string): RouteMatch {
    const loginService = LOGIN_SERVICE_PATH.exec(pathname);
    if (loginService && method === 'POST') {
        return { route: loginService[2] as 'login' | 'refresh' | 'logout', accountId: loginService[1] };
    }
    const agentSession = AGENT_SESSION_PATH.exec(pathname);
    if (agentSession && method === 'POST') return { route: 'agentSession', accountId: agentSession[1] };
    const participant = PARTICIPANT_PATH.exec(pathname);
    if (participant && method === 'GET') {
        return {
            route: 'participantInfo',
            accountId: participant[1],
            agentSessionId: participant[2],
            encodedParticipantId: participant[3],
        };
    }
    return { route: 'unknown' };
}

function matchMsgHist(method: string, pathname: string): RouteMatch {
    const search = MSG_HIST_PATH.exec(pathname);
    if (!search || method !== 'POST') return { route: 'unknown' };
    return { route: search[2] === 'conversation' ? 'msgHistConversation' : 'msgHistConsumer', accountId: search[1] };
}

/**
 * A known account is served only by its own domain of that service. An unknown account id is accepted on any
 * domain of the service so that the handlers can answer 401 "invalid account", as LivePerson's Login Service does.
 */
function servesAccount(host: string, accountDomain: string | undefined, hostIsServiceDomain: boolean): boolean {
    return accountDomain === undefined ? hostIsServiceDomain : accountDomain === host;
}
