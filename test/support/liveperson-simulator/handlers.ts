/**
 * The normal (fault-free) behaviour of each route. Handlers are synchronous and side-effect free apart from the
 * simulator state, so they can run after the latency timer without any further bookkeeping.
 */
import { handleConsumerSearch, handleConversationSearch } from './msghist';
import type { Reply } from './reply';
import { emptyReply, errorReply, jsonReply } from './reply';
import type { SimRequest } from './request';
import { isRecord, readBearer } from './request';
import type { RouteMatch } from './routing';
import type { AccountState, LoginBody, LoginSession, SimulatorState } from './state';

export type { SimRequest } from './request';

export interface HandlerContext {
    state: SimulatorState;
    sessionTtlMs: number;
    recordsAsOf?: number;
}

/** The refresh and logout pages' documented 401 message. */
const CSRF_INVALID = 'CSRF token invalid! The CSRF token on request does not match the CSRF token on the session';
const BOT_FIELDS = ['appKey', 'secret', 'accessToken', 'accessTokenSecret'] as const;

export function handle(match: RouteMatch, request: SimRequest, context: HandlerContext): Reply {
    switch (match.route) {
        case 'domain':
            return handleDomain(match.accountId, match.service, request, context.state);
        case 'domainBulk':
            return handleDomainBulk(match.accountId, request, context.state);
        case 'login':
            return handleLogin(match.accountId, request, context);
        case 'refresh':
            return handleRefresh(match.accountId, request, context.state);
        case 'logout':
            return handleLogout(match.accountId, request, context.state);
        case 'agentSession':
            return handleAgentSession(match.accountId, request, context.state);
        case 'participantInfo':
            return handleParticipantInfo(match, request, context.state);
        case 'msgHistConversation':
            return handleConversationSearch(match.accountId, request, context);
        case 'msgHistConsumer':
            return handleConsumerSearch(match.accountId, request, context);
        case 'unknown':
            return errorReply(404, 'not found');
    }
}

// ---- Domain API (api.liveperson.net) ----

/** Services each account knows; two of them so that a client must pick `agentVep` rather than the first entry. */
function servicesOf(account: AccountState): { service: string; account: string; baseURI: string }[] {
    return [
        { service: 'msgHist', account: account.accountId, baseURI: account.msgHistDomain },
        { service: 'agentVep', account: account.accountId, baseURI: account.domain },
    ];
}

/** The Domain API answers 400 for a missing version, and for an account id it does not know (or not digits). */
function domainApiPrecheck(accountId: string, request: SimRequest, state: SimulatorState): Reply | AccountState {
    if (request.query.version !== '1.0') return errorReply(400, 'query parameter version=1.0 is required');
    const account = /^\d+$/.test(accountId) ? state.account(accountId) : undefined;
    return account ?? errorReply(400, `invalid account id ${accountId}`);
}

function handleDomain(accountId: string, service: string, request: SimRequest, state: SimulatorState): Reply {
    const account = domainApiPrecheck(accountId, request, state);
    if (!isAccount(account)) return account;
    const entry = servicesOf(account).find((candidate) => candidate.service === service);
    return entry ? jsonReply(200, entry) : errorReply(404, `service ${service} not found`);
}

function handleDomainBulk(accountId: string, request: SimRequest, state: SimulatorState): Reply {
    const account = domainApiPrecheck(accountId, request, state);
    if (!isAccount(account)) return account;
    return jsonReply(200, { baseURIs: servicesOf(account) });
}

function isAccount(value: Reply | AccountState): value is AccountState {
    return 'accountId' in value;
}

// ---- Login Service API (agentVep) ----

function handleLogin(accountId: string, request: SimRequest, context: HandlerContext): Reply {
    if (request.query.v !== '1.3') return errorReply(400, 'query parameter v=1.3 is required');
    const body = parseLoginBody(request.body);
    if (!body) return errorReply(400, 'body needs username+password or the four bot credentials');
    const account = context.state.account(accountId);
    if (!account) return errorReply(401, 'invalid account');
    const session = context.state.login(account, body);
    if (!session) return errorReply(401, 'invalid credentials');
    return jsonReply(200, loginResponseBody(account, session, context.sessionTtlMs), {
        'Set-Cookie': `Session_id=${session.sessionId}; Path=/; Secure; HttpOnly`,
    });
}

/** A user login has a password; a bot login has all four OAuth fields (a partial set is a malformed body). */
function parseLoginBody(body: unknown): LoginBody | undefined {
    if (!isRecord(body) || typeof body.username !== 'string') return undefined;
    if (typeof body.password === 'string') return { kind: 'user', username: body.username, password: body.password };
    if (!BOT_FIELDS.every((field) => typeof body[field] === 'string')) return undefined;
    return {
        kind: 'bot',
        username: body.username,
        appKey: body.appKey as string,
        secret: body.secret as string,
        accessToken: body.accessToken as string,
        accessTokenSecret: body.accessTokenSecret as string,
    };
}

function loginResponseBody(account: AccountState, session: LoginSession, sessionTtlMs: number): unknown {
    return {
        bearer: session.bearer,
        csrf: session.csrf,
        sessionTTl: String(sessionTtlMs),
        config: { userId: session.userId, loginName: session.username },
        // LivePerson lists every service of the account here, as the Domain API's bulk form does.
        csdsCollectionResponse: { baseURIs: servicesOf(account) },
    };
}

function handleRefresh(accountId: string, request: SimRequest, state: SimulatorState): Reply {
    const session = provenLoginSession(accountId, request, state);
    return isReply(session) ? session : emptyReply();
}

function handleLogout(accountId: string, request: SimRequest, state: SimulatorState): Reply {
    const session = provenLoginSession(accountId, request, state);
    if (isReply(session)) return session;
    session.loggedOut = true;
    return emptyReply();
}

/**
 * Refresh and logout prove the session with the Session_id cookie plus the csrf from login. Their pages show no
 * `?v=`; LivePerson's node SDK sends `v=1.3`: both are taken.
 */
function provenLoginSession(accountId: string, request: SimRequest, state: SimulatorState): Reply | LoginSession {
    if (request.query.v !== undefined && request.query.v !== '1.3') return errorReply(400, 'query parameter v must be 1.3 or absent');
    if (!isRecord(request.body)) return errorReply(400, 'body {"csrf": "..."} is required');
    const sessionId = readCookie(request.headers.cookie, 'Session_id');
    return state.liveLoginSession(accountId, sessionId, request.body.csrf) ?? errorReply(401, CSRF_INVALID, 10);
}

function readCookie(header: string | undefined, name: string): string | undefined {
    for (const pair of (header ?? '').split(';')) {
        const [key, ...value] = pair.trim().split('=');
        if (key === name) return value.join('=');
    }
    return undefined;
}

// ---- Chat Agent API (agentVep) ----

function handleAgentSession(accountId: string, request: SimRequest, state: SimulatorState): Reply {
    const session = bearerSession(accountId, request, state);
    if (isReply(session)) return session;
    if (!isRecord(request.body) || typeof request.body.loginData !== 'string') {
        return errorReply(400, 'body {"loginData": ""} is required');
    }
    const agentSession = state.startAgentSession(session);
    const href = `https://${request.host}/api/account/${accountId}/agentSession/${agentSession.id}`;
    // 201 with the link in the body only: the page documents no Location header.
    return jsonReply(201, { agentSessionLocation: { link: { '@href': href, '@rel': 'location' } } });
}

function handleParticipantInfo(match: Extract<RouteMatch, { route: 'participantInfo' }>, request: SimRequest, state: SimulatorState): Reply {
    const session = bearerSession(match.accountId, request, state);
    if (isReply(session)) return session;
    if (!state.liveAgentSession(match.accountId, match.agentSessionId, session.bearer)) {
        return errorReply(404, 'agent session not found');
    }
    const participantId = decodeSegment(match.encodedParticipantId);
    const participants = state.requireAccount(match.accountId).participants;
    if (participantId === undefined || !participants.has(participantId)) return errorReply(404, 'participant not found');
    return jsonReply(200, participants.get(participantId));
}

/** Every Chat Agent call needs v=1&NC=true and a live bearer of this account. */
function bearerSession(accountId: string, request: SimRequest, state: SimulatorState): Reply | LoginSession {
    if (request.query.v !== '1' || request.query.NC !== 'true') {
        return errorReply(400, 'query parameters v=1&NC=true are required');
    }
    return state.liveBearerSession(accountId, readBearer(request)) ?? errorReply(401, 'invalid or expired bearer');
}

/** A malformed escape (`%E0%A4%A`) cannot name a stored participant. */
function decodeSegment(segment: string): string | undefined {
    try {
        return decodeURIComponent(segment);
    } catch {
        return undefined;
    }
}

// ---- helpers ----

function isReply(value: Reply | LoginSession): value is Reply {
    return 'status' in value;
}
