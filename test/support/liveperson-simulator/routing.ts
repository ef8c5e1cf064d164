/**
 * Decides which route a request is for, from its Host header, method and path.
 * A path for an account on a host that does not serve that account is `unknown` (a plain 404), which is how a
 * client that resolved the wrong domain (or skipped the Domain API) gets caught.
 */

export const DOMAIN_API_HOST = 'api.liveperson.net';

export type RouteMatch =
  | { route: 'domain'; accountId: string; service: string }
  | { route: 'domainBulk'; accountId: string }
  | { route: 'login' | 'refresh' | 'logout' | 'agentSession'; accountId: string }
  | { route: 'participantInfo'; accountId: string; agentSessionId: string; encodedParticipantId: string }
  | { route: 'unknown' };

/** Where each account lives; an account id may be unknown (the simulator still answers for it). */
export interface AccountDirectory {
  domainOf(accountId: string): string | undefined;
  isAccountDomain(host: string): boolean;
}

const SEGMENT = '([^/]+)';
const DOMAIN_PATH = new RegExp(`^/api/account/${SEGMENT}/service/${SEGMENT}/baseURI\\.json$`);
const DOMAIN_BULK_PATH = new RegExp(`^/api/account/${SEGMENT}/service/baseURI\\.json$`);
const LOGIN_SERVICE_PATH = new RegExp(`^/api/account/${SEGMENT}/(login|refresh|logout)$`);
const AGENT_SESSION_PATH = new RegExp(`^/api/account/${SEGMENT}/agentSession$`);
const PARTICIPANT_PATH = new RegExp(
  `^/api/account/${SEGMENT}/agentSession/${SEGMENT}/participantExtendedInfo/${SEGMENT}$`,
);

/** `Va.AgentVep.LivePerson.net:443` -> `va.agentvep.liveperson.net`. */
export function normaliseHost(hostHeader: string | undefined): string {
  return (hostHeader ?? '').trim().toLowerCase().replace(/:\d+$/, '');
}

export function matchRoute(method: string, host: string, pathname: string, directory: AccountDirectory): RouteMatch {
  const match = host === DOMAIN_API_HOST ? matchDomainApi(method, pathname) : matchAgentVep(method, pathname);
  if (match.route === 'unknown' || match.route === 'domain' || match.route === 'domainBulk') return match;
  return servesAccount(host, match.accountId, directory) ? match : { route: 'unknown' };
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

/**
 * A known account is served only by its own domain. An unknown account id is accepted on any account domain so
 * that the handlers can answer 401 "invalid account", as LivePerson's Login Service does.
 */
function servesAccount(host: string, accountId: string, directory: AccountDirectory): boolean {
  const domain = directory.domainOf(accountId);
  return domain === undefined ? directory.isAccountDomain(host) : domain === host;
}

