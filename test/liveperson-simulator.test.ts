import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import {
    botLoginBody,
    closedConversation,
    closedConversationId,
    emptyConsumerId,
    humanLoginBody,
    messagingConsumerId,
    messagingConsumers,
    messagingLatestCustomerInfo,
    messagingLatestCustomerInfoTimeStamp,
    messagingLatestPersonalInfo,
    messagingLatestPersonalInfoTimeStamp,
    openConversation,
    openConversationId,
    partialConsumerId,
    partialConversation,
    partialConversationId,
    partialLatestCustomerInfo,
    partialLatestPersonalInfo,
    primaryAccount,
    primaryAccountDomain,
    primaryAccountId,
    sampleAccounts,
    secondaryAccountDomain,
    secondaryAccountId,
    secondaryBotUser,
    seedParticipant,
    seedParticipantId,
    stringNumbersParticipant,
    stringNumbersParticipantId,
    twoContactsParticipant,
    twoContactsParticipantId,
    unauthenticatedParticipant,
    unauthenticatedParticipantId,
} from './support/liveperson-fixtures';
import type { LivePersonSimulator, RouteName, SimConversation, SimSdeEvent } from './support/liveperson-simulator';
import { startLivePersonSimulator } from './support/liveperson-simulator';

// ---- A tiny client. fetch() drops a custom Host header, so requests go through node:http. ----

interface SimResponse {
    status: number;
    headers: IncomingHttpHeaders;
    text: string;
}

interface CallOptions {
    headers?: Record<string, string>;
    /** Objects are sent as JSON; strings as they are. */
    body?: unknown;
    /** Abort the request after this many ms (for hangs). */
    abortAfterMs?: number;
}

function call(sim: LivePersonSimulator, host: string, method: string, path: string, options: CallOptions = {}): Promise<SimResponse> {
    const { body } = options;
    const payload = typeof body === 'string' || body === undefined ? body : JSON.stringify(body);
    return new Promise((resolve, reject) => {
        const req = httpRequest(
            `${sim.url}${path}`,
            {
                method,
                agent: false,
                headers: { Host: host, 'Content-Type': 'application/json', Accept: 'application/json', ...options.headers },
            },
            (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (chunk: Buffer) => chunks.push(chunk));
                res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
                res.on('error', reject);
            },
        );
        req.on('error', reject);
        if (options.abortAfterMs !== undefined) {
            req.setTimeout(options.abortAfterMs, () => req.destroy(new Error('client timeout')));
        }
        req.end(payload);
    });
}

function json(response: SimResponse): unknown {
    return JSON.parse(response.text) as unknown;
}

const API = 'api.liveperson.net';
const ACC = primaryAccountId;
const VA = primaryAccountDomain;
/** msgHist of each sample account: same region as its agentVep domain. */
const VA_MSG = 'va.msghist.liveperson.net';
const LO_MSG = 'lo.msghist.liveperson.net';

const domainPath = (service: string, account = ACC, query = '?version=1.0') => `/api/account/${account}/service/${service}/baseURI.json${query}`;
const bulkPath = (account = ACC, query = '?version=1.0') => `/api/account/${account}/service/baseURI.json${query}`;
const loginServicePath = (action: 'login' | 'refresh' | 'logout', account = ACC, query = '?v=1.3') => `/api/account/${account}/${action}${query}`;
const agentSessionPath = (account = ACC, query = '?v=1&NC=true') => `/api/account/${account}/agentSession${query}`;
const participantPath = (agentSessionId: string, participantId: string, account = ACC, query = '?v=1&NC=true') =>
    `/api/account/${account}/agentSession/${agentSessionId}/participantExtendedInfo/${participantId}${query}`;
const SOURCE = '?source=RocketChatVisitor';
const historyPath = (kind: 'conversation' | 'consumer', query = SOURCE, account = ACC) =>
    `/messaging_history/api/account/${account}/conversations/${kind}/search${query}`;

interface LoggedIn {
    bearer: string;
    csrf: string;
    cookie: string;
}

async function login(sim: LivePersonSimulator, body: unknown = botLoginBody, host = VA, account = ACC): Promise<LoggedIn> {
    const response = await call(sim, host, 'POST', loginServicePath('login', account), { body });
    expect(response.status).toBe(200);
    const { bearer, csrf } = json(response) as { bearer: string; csrf: string };
    const cookie = String(response.headers['set-cookie']?.[0]).split(';')[0];
    return { bearer, csrf, cookie };
}

function bearerHeader(bearer: string): Record<string, string> {
    return { Authorization: `Bearer ${bearer}` };
}

async function openAgentSession(sim: LivePersonSimulator, bearer: string, host = VA, account = ACC): Promise<string> {
    const response = await call(sim, host, 'POST', agentSessionPath(account), {
        headers: bearerHeader(bearer),
        body: { loginData: '' },
    });
    expect(response.status).toBe(201);
    const href = (json(response) as { agentSessionLocation: { link: { '@href': string } } }).agentSessionLocation.link['@href'];
    return href.split('/').pop() as string;
}

/** Logged in with an agent session: the state every participant lookup needs. */
async function readyAgent(sim: LivePersonSimulator): Promise<LoggedIn & { agentSessionId: string }> {
    const session = await login(sim);
    return { ...session, agentSessionId: await openAgentSession(sim, session.bearer) };
}

function getParticipant(sim: LivePersonSimulator, bearer: string, agentSessionId: string, participantId: string) {
    return call(sim, VA, 'GET', participantPath(agentSessionId, participantId), { headers: bearerHeader(bearer) });
}

async function waitUntil(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

let sim: LivePersonSimulator;

beforeEach(async () => {
    sim = await startLivePersonSimulator({ accounts: sampleAccounts });
});

afterEach(async () => {
    await sim.stop();
});

describe('the simulator itself', () => {
    it('listens on loopback and knows the Domain API host plus every account domain', () => {
        expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`);
        expect(sim.port).toBeGreaterThan(0);
        expect(sim.hostnames).toEqual([API, VA, secondaryAccountDomain, VA_MSG, LO_MSG]);
    });

    it('does not let a test change the fixtures it was given', () => {
        sim.setParticipant(ACC, seedParticipantId, { changed: true });
        expect(primaryAccount.participants[seedParticipantId]).toBe(seedParticipant);
        expect(Object.isFrozen(seedParticipant.authenticatedParticipantInfo)).toBe(true);
        sim.setConsumer(ACC, messagingConsumerId, []);
        expect(primaryAccount.consumers).toBe(messagingConsumers);
        expect(messagingConsumers[messagingConsumerId]).toEqual([closedConversation, openConversation]);
        expect(Object.isFrozen(openConversation.sdes.events[0])).toBe(true);
    });
});

describe('Domain API', () => {
    it('tells where the agentVep service of an account lives', async () => {
        const response = await call(sim, API, 'GET', domainPath('agentVep'));
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe('application/json');
        expect(json(response)).toEqual({ service: 'agentVep', account: ACC, baseURI: VA });
    });

    it('answers each account with its own domain', async () => {
        const response = await call(sim, API, 'GET', domainPath('agentVep', secondaryAccountId));
        const expected = { service: 'agentVep', account: secondaryAccountId, baseURI: secondaryAccountDomain };
        expect(json(response)).toEqual(expected);
    });

    it('lists every service of the account in the bulk form, agentVep among them', async () => {
        const response = await call(sim, API, 'GET', bulkPath());
        expect(response.status).toBe(200);
        const { baseURIs } = json(response) as { baseURIs: unknown[] };
        expect(baseURIs).toContainEqual({ service: 'agentVep', account: ACC, baseURI: VA });
        expect(baseURIs.length).toBeGreaterThan(1);
    });

    it.each([
        [ACC, VA_MSG],
        [secondaryAccountId, LO_MSG],
    ])('tells where msgHist of account %s lives, a host the simulator serves', async (account, msgHist) => {
        const response = await call(sim, API, 'GET', domainPath('msgHist', account));
        expect(json(response)).toEqual({ service: 'msgHist', account, baseURI: msgHist });
        expect(sim.hostnames).toContain(msgHist);
    });

    it('treats service names as case sensitive: an unknown service is 404', async () => {
        expect((await call(sim, API, 'GET', domainPath('agentvep'))).status).toBe(404);
        expect((await call(sim, API, 'GET', domainPath('noSuchService'))).status).toBe(404);
    });

    it('rejects an unknown or non-digit account with 400, in both forms', async () => {
        expect((await call(sim, API, 'GET', domainPath('agentVep', '99999999'))).status).toBe(400);
        expect((await call(sim, API, 'GET', domainPath('agentVep', 'abc123'))).status).toBe(400);
        expect((await call(sim, API, 'GET', bulkPath('99999999'))).status).toBe(400);
    });

    it('requires version=1.0', async () => {
        expect((await call(sim, API, 'GET', domainPath('agentVep', ACC, ''))).status).toBe(400);
        expect((await call(sim, API, 'GET', domainPath('agentVep', ACC, '?version=2.0'))).status).toBe(400);
        expect((await call(sim, API, 'GET', bulkPath(ACC, ''))).status).toBe(400);
    });

    it('does not exist on an account domain', async () => {
        const response = await call(sim, VA, 'GET', domainPath('agentVep'));
        expect(response.status).toBe(404);
        expect(sim.requests[0].route).toBe('unknown');
    });
});

describe('Login Service: login', () => {
    it('logs a bot user in and returns bearer, csrf, TTL, user config, domains and a session cookie', async () => {
        const response = await call(sim, VA, 'POST', loginServicePath('login'), { body: botLoginBody });
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe('application/json');
        const body = json(response) as Record<string, unknown>;
        expect(body).toEqual({
            bearer: expect.any(String),
            csrf: expect.any(String),
            sessionTTl: '28800000',
            config: { userId: expect.stringMatching(/^\d+$/), loginName: 'rc-bot' },
            csdsCollectionResponse: {
                baseURIs: [
                    { service: 'msgHist', account: ACC, baseURI: 'va.msghist.liveperson.net' },
                    { service: 'agentVep', account: ACC, baseURI: VA },
                ],
            },
        });
        const cookiePattern = /^Session_id=\w+; Path=\/; Secure; HttpOnly$/;
        expect(response.headers['set-cookie']).toEqual([expect.stringMatching(cookiePattern)]);
        expect(sim.activeBearers()).toEqual([body.bearer]);
    });

    it('logs a human user in with username and password', async () => {
        const response = await call(sim, VA, 'POST', loginServicePath('login'), { body: humanLoginBody });
        expect(response.status).toBe(200);
        expect((json(response) as { config: { loginName: string } }).config.loginName).toBe('agent.smith');
    });

    it('returns the configured session TTL as a string', async () => {
        const shortSim = await startLivePersonSimulator({ accounts: sampleAccounts, sessionTtlMs: 60_000 });
        try {
            const response = await call(shortSim, VA, 'POST', loginServicePath('login'), { body: botLoginBody });
            expect((json(response) as { sessionTTl: unknown }).sessionTTl).toBe('60000');
        } finally {
            await shortSim.stop();
        }
    });

    it('issues different bearer, csrf and session cookie on every login, with a stable user id', async () => {
        const first = await login(sim);
        const second = await login(sim);
        expect(second.bearer).not.toBe(first.bearer);
        expect(second.csrf).not.toBe(first.csrf);
        expect(second.cookie).not.toBe(first.cookie);
        const userIdOf = async (body: unknown) =>
            (json(await call(sim, VA, 'POST', loginServicePath('login'), { body })) as { config: { userId: string } }).config.userId;
        expect(await userIdOf(botLoginBody)).toBe(await userIdOf(botLoginBody));
        expect(await userIdOf(humanLoginBody)).not.toBe(await userIdOf(botLoginBody));
    });

    it.each([
        ['a wrong password', { username: 'agent.smith', password: 'wrong' }],
        ['a wrong bot secret', { ...botLoginBody, secret: 'nope' }],
        ['an unknown user', { username: 'nobody', password: 'x' }],
        ['a password for a bot user', { username: 'rc-bot', password: 'app-secret-1' }],
    ])('refuses %s with 401', async (_label, body) => {
        const response = await call(sim, VA, 'POST', loginServicePath('login'), { body });
        expect(response.status).toBe(401);
        expect(json(response)).toEqual({ error: expect.any(String) });
    });

    it("refuses the other account's credentials", async () => {
        const body = { ...botLoginBody, appKey: 'app-key-2', secret: 'app-secret-2' };
        expect((await call(sim, VA, 'POST', loginServicePath('login'), { body })).status).toBe(401);
        await login(sim, body, secondaryAccountDomain, secondaryAccountId);
    });

    it.each([
        ['a body that is not JSON', 'username=rc-bot'],
        ['no body', undefined],
        ['a JSON array', [botLoginBody]],
        ['no username', { password: 'x' }],
        ['a bot body missing accessTokenSecret', { username: 'rc-bot', appKey: 'a', secret: 'b', accessToken: 'dummy' }],
    ])('answers 400 to %s', async (_label, body) => {
        expect((await call(sim, VA, 'POST', loginServicePath('login'), { body })).status).toBe(400);
    });

    it('requires v=1.3', async () => {
        const response = await call(sim, VA, 'POST', loginServicePath('login', ACC, '?v=1.2'), { body: botLoginBody });
        expect(response.status).toBe(400);
    });

    it("answers 404 on the Domain API host and on another account's domain, as if the path did not exist", async () => {
        const onApi = await call(sim, API, 'POST', loginServicePath('login'), { body: botLoginBody });
        const onOtherDomain = await call(sim, secondaryAccountDomain, 'POST', loginServicePath('login'), {
            body: botLoginBody,
        });
        expect([onApi.status, onOtherDomain.status]).toEqual([404, 404]);
        expect(json(onApi)).toEqual({ error: expect.any(String) });
        expect(sim.count('login')).toBe(0);
        expect(sim.count('unknown')).toBe(2);
    });

    it('answers 401 for an account nobody has, on an agentVep host', async () => {
        const response = await call(sim, VA, 'POST', loginServicePath('login', '11112222'), { body: botLoginBody });
        expect(response.status).toBe(401);
    });
});

describe('Login Service: refresh and logout', () => {
    const CSRF_INVALID = { message: 'CSRF token invalid', internalCode: 10 };

    function refresh(session: LoggedIn, overrides: { csrf?: string; cookie?: string } = {}) {
        return call(sim, VA, 'POST', loginServicePath('refresh'), {
            headers: { Cookie: overrides.cookie ?? session.cookie },
            body: { csrf: overrides.csrf ?? session.csrf },
        });
    }

    it('keeps a session alive: 200 with an empty body', async () => {
        const response = await refresh(await login(sim));
        expect(response.status).toBe(200);
        expect(response.text).toBe('');
        expect(response.headers['content-type']).toBe('application/json');
    });

    it('accepts the session cookie among other cookies', async () => {
        const session = await login(sim);
        expect((await refresh(session, { cookie: `other=1; ${session.cookie}; last=2` })).status).toBe(200);
    });

    it('refuses a wrong csrf, a missing cookie, or the csrf of another session', async () => {
        const first = await login(sim);
        const second = await login(sim);
        for (const response of [
            await refresh(first, { csrf: 'wrong' }),
            await refresh(first, { cookie: 'other=1' }),
            await refresh(first, { csrf: second.csrf }),
        ]) {
            expect(response.status).toBe(401);
            expect(json(response)).toEqual(CSRF_INVALID);
        }
    });

    it('refuses every session issued before expireLoginSessions, but not a new one', async () => {
        const old = await login(sim);
        sim.expireLoginSessions();
        expect(json(await refresh(old))).toEqual(CSRF_INVALID);
        expect((await refresh(await login(sim))).status).toBe(200);
        expect(sim.activeBearers()).toContain(old.bearer);
    });

    it('answers 400 to a refresh without a JSON body and to a missing v=1.3', async () => {
        const session = await login(sim);
        const noBody = await call(sim, VA, 'POST', loginServicePath('refresh'), { headers: { Cookie: session.cookie } });
        const noVersion = await call(sim, VA, 'POST', loginServicePath('refresh', ACC, ''), {
            headers: { Cookie: session.cookie },
            body: { csrf: session.csrf },
        });
        expect([noBody.status, noVersion.status]).toEqual([400, 400]);
    });

    it('logs out: afterwards bearer, csrf and cookie no longer work', async () => {
        const session = await login(sim);
        const logout = await call(sim, VA, 'POST', loginServicePath('logout'), {
            headers: { Cookie: session.cookie },
            body: { csrf: session.csrf },
        });
        expect(logout.status).toBe(200);
        expect((await refresh(session)).status).toBe(401);
        const agentSession = await call(sim, VA, 'POST', agentSessionPath(), {
            headers: bearerHeader(session.bearer),
            body: { loginData: '' },
        });
        expect(agentSession.status).toBe(401);
        expect(sim.activeBearers()).toEqual([]);
    });

    it('refuses a logout with a wrong csrf and keeps the session', async () => {
        const session = await login(sim);
        const logout = await call(sim, VA, 'POST', loginServicePath('logout'), {
            headers: { Cookie: session.cookie },
            body: { csrf: 'wrong' },
        });
        expect(json(logout)).toEqual(CSRF_INVALID);
        expect((await refresh(session)).status).toBe(200);
    });
});

describe('Chat Agent API: agent session', () => {
    it('starts an agent session: 201, the link in the body and the same URL in Location', async () => {
        const { bearer } = await login(sim);
        const response = await call(sim, VA, 'POST', agentSessionPath(), {
            headers: bearerHeader(bearer),
            body: { loginData: '' },
        });
        expect(response.status).toBe(201);
        const href = `https://${VA}/api/account/${ACC}/agentSession/`;
        const body = json(response) as { agentSessionLocation: { link: { '@href': string; '@rel': string } } };
        expect(body.agentSessionLocation.link['@href']).toMatch(new RegExp(`^${href.replace(/\./g, '\\.')}[\\w-]+$`));
        expect(body.agentSessionLocation.link['@rel']).toBe('location');
        expect(response.headers.location).toBe(body.agentSessionLocation.link['@href']);
    });

    it('gives a new id to every agent session', async () => {
        const { bearer } = await login(sim);
        expect(await openAgentSession(sim, bearer)).not.toBe(await openAgentSession(sim, bearer));
    });

    it.each([
        ['no Authorization header', {}],
        ['an unknown bearer', bearerHeader('not-a-bearer')],
        ['a non-Bearer scheme', { Authorization: 'Basic abc' }],
    ])('answers 401 to %s', async (_label, headers) => {
        const response = await call(sim, VA, 'POST', agentSessionPath(), { headers, body: { loginData: '' } });
        expect(response.status).toBe(401);
    });

    it('answers 401 to a bearer of another account, even on the right domain', async () => {
        const { bearer } = await login(sim);
        const response = await call(sim, secondaryAccountDomain, 'POST', agentSessionPath(secondaryAccountId), {
            headers: bearerHeader(bearer),
            body: { loginData: '' },
        });
        expect(response.status).toBe(401);
    });

    it('answers 401 to every bearer issued before expireBearers, but not to a new one', async () => {
        const old = await login(sim);
        sim.expireBearers();
        expect(sim.activeBearers()).toEqual([]);
        const response = await call(sim, VA, 'POST', agentSessionPath(), {
            headers: bearerHeader(old.bearer),
            body: { loginData: '' },
        });
        expect(response.status).toBe(401);
        const fresh = await login(sim);
        await openAgentSession(sim, fresh.bearer);
        expect(sim.activeBearers()).toEqual([fresh.bearer]);
    });

    it.each([
        ['v=1 without NC=true', '?v=1'],
        ['NC=true without v', '?NC=true'],
        ['no query at all', ''],
    ])('answers 400 to %s', async (_label, query) => {
        const { bearer } = await login(sim);
        const response = await call(sim, VA, 'POST', agentSessionPath(ACC, query), {
            headers: bearerHeader(bearer),
            body: { loginData: '' },
        });
        expect(response.status).toBe(400);
    });

    it('answers 400 to a missing {"loginData":""} body', async () => {
        const { bearer } = await login(sim);
        const response = await call(sim, VA, 'POST', agentSessionPath(), { headers: bearerHeader(bearer) });
        expect(response.status).toBe(400);
    });
});

describe('Chat Agent API: participant info', () => {
    it("returns the seed page's participant exactly", async () => {
        const agent = await readyAgent(sim);
        const response = await getParticipant(sim, agent.bearer, agent.agentSessionId, seedParticipantId);
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe('application/json');
        expect(json(response)).toEqual(seedParticipant);
    });

    it.each([
        ['numbers as strings and missing fields', stringNumbersParticipantId, stringNumbersParticipant],
        ['only isUserAuthenticated: false', unauthenticatedParticipantId, unauthenticatedParticipant],
        ['two contacts', twoContactsParticipantId, twoContactsParticipant],
    ])('returns the participant with %s', async (_label, participantId, expected) => {
        const agent = await readyAgent(sim);
        const response = await getParticipant(sim, agent.bearer, agent.agentSessionId, participantId);
        expect(json(response)).toEqual(expected);
    });

    it('decodes the participant id from the path before looking it up', async () => {
        sim.setParticipant(ACC, 'sso:user/42 é', { authenticatedParticipantInfo: { isUserAuthenticated: true } });
        const agent = await readyAgent(sim);
        const encodedId = encodeURIComponent('sso:user/42 é');
        const response = await getParticipant(sim, agent.bearer, agent.agentSessionId, encodedId);
        expect(response.status).toBe(200);
    });

    it('answers 404 "participant not found" for an unknown, removed or badly encoded participant', async () => {
        const agent = await readyAgent(sim);
        sim.removeParticipant(ACC, seedParticipantId);
        for (const participantId of ['nobody', seedParticipantId, '%E0%A4%A']) {
            const response = await getParticipant(sim, agent.bearer, agent.agentSessionId, participantId);
            expect(response.status).toBe(404);
            expect(json(response)).toEqual({ error: 'participant not found' });
        }
    });

    it('serves a participant added or replaced during the test', async () => {
        const agent = await readyAgent(sim);
        sim.setParticipant(ACC, 'added', { authenticatedParticipantInfo: { isUserAuthenticated: false } });
        const response = await getParticipant(sim, agent.bearer, agent.agentSessionId, 'added');
        expect(json(response)).toEqual({ authenticatedParticipantInfo: { isUserAuthenticated: false } });
        expect(() => sim.setParticipant('00000000', 'x', {})).toThrow(/Unknown simulator account/);
    });

    it('answers 404 "agent session not found" for an unknown, expired or other bearer\'s session', async () => {
        const agent = await readyAgent(sim);
        const other = await readyAgent(sim);
        const unknown = await getParticipant(sim, agent.bearer, 'no-such-session', seedParticipantId);
        const someoneElses = await getParticipant(sim, agent.bearer, other.agentSessionId, seedParticipantId);
        sim.expireAgentSessions();
        const expired = await getParticipant(sim, agent.bearer, agent.agentSessionId, seedParticipantId);
        for (const response of [unknown, someoneElses, expired]) {
            expect(response.status).toBe(404);
            expect(json(response)).toEqual({ error: 'agent session not found' });
        }
        const renewed = await openAgentSession(sim, agent.bearer);
        expect((await getParticipant(sim, agent.bearer, renewed, seedParticipantId)).status).toBe(200);
    });

    it('answers 401 for a bad or expired bearer, before looking at the session', async () => {
        const agent = await readyAgent(sim);
        expect((await getParticipant(sim, 'bad', agent.agentSessionId, seedParticipantId)).status).toBe(401);
        sim.expireBearers();
        expect((await getParticipant(sim, agent.bearer, agent.agentSessionId, seedParticipantId)).status).toBe(401);
    });

    it('requires v=1&NC=true', async () => {
        const agent = await readyAgent(sim);
        const response = await call(sim, VA, 'GET', participantPath(agent.agentSessionId, seedParticipantId, ACC, '?v=1'), {
            headers: bearerHeader(agent.bearer),
        });
        expect(response.status).toBe(400);
    });

    it('only exists on the account domain', async () => {
        const agent = await readyAgent(sim);
        const response = await call(sim, API, 'GET', participantPath(agent.agentSessionId, seedParticipantId), {
            headers: bearerHeader(agent.bearer),
        });
        expect(response.status).toBe(404);
    });

    it('answers 150 concurrent lookups', async () => {
        const agent = await readyAgent(sim);
        const responses = await Promise.all(Array.from({ length: 150 }, () => getParticipant(sim, agent.bearer, agent.agentSessionId, seedParticipantId)));
        expect(responses.every((response) => response.status === 200)).toBe(true);
        expect(sim.count('participantInfo')).toBe(150);
    });
});

describe('anything else', () => {
    it.each([
        ['an unknown path', API, 'GET', '/api/whatever'],
        ['an unknown host', 'example.com', 'GET', domainPath('agentVep')],
        ['the wrong method', VA, 'GET', loginServicePath('login')],
        ['the Host of the simulator itself', '127.0.0.1', 'GET', domainPath('agentVep')],
    ])('answers 404 as route "unknown" for %s', async (_label, host, method, path) => {
        const response = await call(sim, host, method, path);
        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toBe('application/json');
        expect(sim.requests.map((entry) => entry.route)).toEqual(['unknown']);
    });
});

describe('request log', () => {
    it('records route, method, host, path, query, headers, parsed body, status and timing', async () => {
        const before = Date.now();
        await call(sim, `${VA}:443`, 'POST', loginServicePath('login'), { body: botLoginBody });
        expect(sim.requests).toEqual([
            {
                route: 'login',
                method: 'POST',
                host: VA,
                path: `/api/account/${ACC}/login`,
                query: { v: '1.3' },
                headers: expect.objectContaining({ 'content-type': 'application/json', host: `${VA}:443` }),
                body: botLoginBody,
                status: 200,
                at: expect.any(Number),
                durationMs: expect.any(Number),
            },
        ]);
        expect(sim.requests[0].at).toBeGreaterThanOrEqual(before);
    });

    it('keeps a body that is not JSON as the raw string', async () => {
        await call(sim, VA, 'POST', loginServicePath('login'), { body: 'not json' });
        expect(sim.requests[0].body).toBe('not json');
    });

    it('counts all requests or one route, and clears in place', async () => {
        const log = sim.requests;
        await login(sim);
        await call(sim, API, 'GET', domainPath('agentVep'));
        expect([sim.count(), sim.count('login'), sim.count('domain'), sim.count('refresh')]).toEqual([2, 1, 1, 0]);
        sim.clearLog();
        expect(sim.count()).toBe(0);
        expect(log).toBe(sim.requests);
    });
});

describe('faults', () => {
    it('answers any status with its headers, then goes back to normal after `times`', async () => {
        sim.fault('domain', { status: 429, headers: { 'Retry-After': '30' } }, 2);
        const first = await call(sim, API, 'GET', domainPath('agentVep'));
        expect(first.status).toBe(429);
        expect(first.headers['retry-after']).toBe('30');
        expect(json(first)).toEqual({ error: 'simulated' });
        expect((await call(sim, API, 'GET', domainPath('agentVep'))).status).toBe(429);
        expect((await call(sim, API, 'GET', domainPath('agentVep'))).status).toBe(200);
        expect(sim.requests.map((entry) => entry.status)).toEqual([429, 429, 200]);
    });

    it('keeps answering the fault forever by default, until clearFaults', async () => {
        sim.fault('login', { status: 500 });
        for (let attempt = 0; attempt < 3; attempt += 1) {
            expect((await call(sim, VA, 'POST', loginServicePath('login'), { body: botLoginBody })).status).toBe(500);
        }
        sim.clearFaults();
        await login(sim);
    });

    it('sends a custom body, and a custom Content-Type replaces the JSON one', async () => {
        sim.fault('domain', { status: 451, body: 'blocked', headers: { 'content-type': 'text/plain' } }, 1);
        const response = await call(sim, API, 'GET', domainPath('agentVep'));
        expect([response.status, response.text, response.headers['content-type']]).toEqual([451, 'blocked', 'text/plain']);
    });

    it('queues later faults after earlier ones for the same route', async () => {
        sim.fault('domain', { status: 503 }, 1);
        sim.fault('domain', { status: 429 }, 1);
        const statuses = [];
        for (let attempt = 0; attempt < 3; attempt += 1) {
            statuses.push((await call(sim, API, 'GET', domainPath('agentVep'))).status);
        }
        expect(statuses).toEqual([503, 429, 200]);
    });

    it('applies a "*" fault to every route, and a fault of the route itself first', async () => {
        sim.fault('*', { status: 503 });
        sim.fault('domain', { status: 429 }, 1);
        expect((await call(sim, API, 'GET', domainPath('agentVep'))).status).toBe(429);
        expect((await call(sim, API, 'GET', domainPath('agentVep'))).status).toBe(503);
        expect((await call(sim, VA, 'POST', loginServicePath('login'), { body: botLoginBody })).status).toBe(503);
        expect((await call(sim, API, 'GET', '/nowhere')).status).toBe(503);
    });

    it('does not count faulted logins as sessions', async () => {
        sim.fault('login', { status: 500 }, 1);
        await call(sim, VA, 'POST', loginServicePath('login'), { body: botLoginBody });
        expect(sim.activeBearers()).toEqual([]);
    });

    it('refuses a status outside 100..999', () => {
        expect(() => sim.fault('domain', { status: 42 })).toThrow(RangeError);
    });

    it('malformedJson: 200 with a truncated JSON body', async () => {
        const agent = await readyAgent(sim);
        sim.fault('participantInfo', { kind: 'malformedJson' });
        const response = await getParticipant(sim, agent.bearer, agent.agentSessionId, seedParticipantId);
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe('application/json');
        expect(response.text).toBe('{"authenticatedParticipantInfo": {"isUserAuthenticated": tr');
        expect(() => json(response)).toThrow(SyntaxError);
    });

    it('html: a text/html error page, 502 unless told otherwise', async () => {
        sim.fault('domain', { kind: 'html' }, 1);
        sim.fault('domain', { kind: 'html', status: 503 }, 1);
        const first = await call(sim, API, 'GET', domainPath('agentVep'));
        const second = await call(sim, API, 'GET', domainPath('agentVep'));
        expect([first.status, second.status]).toEqual([502, 503]);
        expect(first.headers['content-type']).toMatch(/^text\/html/);
        expect(first.text).toContain('<html>');
    });

    it('xml: 200 with participant info as application/xml', async () => {
        const agent = await readyAgent(sim);
        sim.fault('participantInfo', { kind: 'xml' });
        const response = await getParticipant(sim, agent.bearer, agent.agentSessionId, seedParticipantId);
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe('application/xml');
        expect(response.text).toMatch(/^<\?xml[\s\S]*<isUserAuthenticated>true<\/isUserAuthenticated>/);
    });

    it.each<[RouteName, string, string, unknown]>([
        ['domain', API, domainPath('agentVep'), { baseURI: 17 }],
        ['login', VA, loginServicePath('login'), { bearer: 42, csrf: null }],
        ['agentSession', VA, agentSessionPath(), { agentSessionLocation: 'nowhere' }],
        ['participantInfo', VA, participantPath('any', seedParticipantId), { authenticatedParticipantInfo: 'yes', authenticatedPersonalInfo: [1, 2] }],
        ['msgHistConversation', VA_MSG, historyPath('conversation'), { _metadata: { count: '1' }, conversationHistoryRecords: { info: 'OPEN' } }],
        ['msgHistConsumer', VA_MSG, historyPath('consumer'), { _metadata: [], conversationHistoryRecords: [{ info: null, sdes: { events: 'none' } }] }],
    ])('wrongTypes: 200 JSON with the wrong shapes for %s', async (route, host, path, expected) => {
        sim.fault(route, { kind: 'wrongTypes' });
        const response = await call(sim, host, route === 'domain' || route === 'participantInfo' ? 'GET' : 'POST', path);
        expect(response.status).toBe(200);
        expect(json(response)).toEqual(expected);
    });

    const otherRoutes: RouteName[] = ['domainBulk', 'refresh', 'logout', 'unknown'];
    it.each(otherRoutes)('wrongTypes: valid JSON for %s too', async (route) => {
        sim.fault('*', { kind: 'wrongTypes' });
        const paths: Record<string, [string, string, string]> = {
            domainBulk: [API, 'GET', bulkPath()],
            refresh: [VA, 'POST', loginServicePath('refresh')],
            logout: [VA, 'POST', loginServicePath('logout')],
            unknown: [API, 'GET', '/nowhere'],
        };
        const [host, method, path] = paths[route];
        const response = await call(sim, host, method, path);
        expect(response.status).toBe(200);
        expect(() => json(response)).not.toThrow();
        expect(sim.requests[0].route).toBe(route);
    });

    it('hang: never answers, and the request is logged with status 0', async () => {
        sim.fault('domain', { kind: 'hang' }, 1);
        await expect(call(sim, API, 'GET', domainPath('agentVep'), { abortAfterMs: 50 })).rejects.toThrow('client timeout');
        await waitUntil(() => sim.requests[0]?.durationMs > 0);
        expect(sim.requests[0]).toMatchObject({ route: 'domain', status: 0 });
        expect((await call(sim, API, 'GET', domainPath('agentVep'))).status).toBe(200);
    });

    it('reset: drops the connection without an answer', async () => {
        sim.fault('login', { kind: 'reset' }, 1);
        await expect(call(sim, VA, 'POST', loginServicePath('login'), { body: botLoginBody })).rejects.toMatchObject({
            code: 'ECONNRESET',
        });
        expect(sim.requests[0]).toMatchObject({ route: 'login', status: 0, body: botLoginBody });
        await login(sim);
    });

    it('stop() ends hanging requests promptly', async () => {
        sim.fault('*', { kind: 'hang' });
        const pending = Array.from({ length: 5 }, () => call(sim, API, 'GET', domainPath('agentVep')));
        const settled = Promise.allSettled(pending);
        await waitUntil(() => sim.count() === 5);
        const started = Date.now();
        await sim.stop();
        const results = await settled;
        expect(Date.now() - started).toBeLessThan(500);
        expect(results.every((result) => result.status === 'rejected')).toBe(true);
    });
});

describe('latency', () => {
    it('delays one route by its latency and leaves the others alone', async () => {
        sim.setLatency('domain', 80);
        const started = Date.now();
        await call(sim, API, 'GET', domainPath('agentVep'));
        expect(Date.now() - started).toBeGreaterThanOrEqual(75);
        const bulkStarted = Date.now();
        await call(sim, API, 'GET', bulkPath());
        expect(Date.now() - bulkStarted).toBeLessThan(60);
        expect(sim.requests[0].durationMs).toBeGreaterThanOrEqual(75);
    });

    it('adds the global latencyMs to every route, on top of "*"', async () => {
        const slowSim = await startLivePersonSimulator({ accounts: sampleAccounts, latencyMs: 40 });
        try {
            slowSim.setLatency('*', 40);
            const started = Date.now();
            await call(slowSim, API, 'GET', '/nowhere');
            expect(Date.now() - started).toBeGreaterThanOrEqual(75);
        } finally {
            await slowSim.stop();
        }
    });

    it('delays faults too', async () => {
        sim.setLatency('domain', 60);
        sim.fault('domain', { status: 500 });
        const started = Date.now();
        expect((await call(sim, API, 'GET', domainPath('agentVep'))).status).toBe(500);
        expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    });

    it('stop() cancels pending latency timers', async () => {
        sim.setLatency('*', 10_000);
        const pending = call(sim, API, 'GET', domainPath('agentVep'));
        const outcome = pending.then(
            () => 'answered',
            () => 'closed',
        );
        await waitUntil(() => sim.count() === 1);
        const started = Date.now();
        await sim.stop();
        expect(await outcome).toBe('closed');
        expect(Date.now() - started).toBeLessThan(500);
    });

    it('refuses a negative latency', () => {
        expect(() => sim.setLatency('login', -1)).toThrow(RangeError);
    });
});

// ---- Messaging Interactions API (msgHist) ----

interface HistoryRecord {
    info: Record<string, unknown>;
    consumerParticipants?: unknown[];
    sdes?: { events: SimSdeEvent[] };
}

interface HistoryBody {
    _metadata: { count: number; next?: { rel: string; href: string } };
    conversationHistoryRecords: HistoryRecord[];
}

const ALL_CONTENT = ['sdes', 'consumerParticipants'];

function searchConsumer(sim: LivePersonSimulator, bearer: string, body: unknown, query = SOURCE, host = VA_MSG, account = ACC): Promise<SimResponse> {
    return call(sim, host, 'POST', historyPath('consumer', query, account), { headers: bearerHeader(bearer), body });
}

function searchConversation(sim: LivePersonSimulator, bearer: string, body: unknown, query = SOURCE, host = VA_MSG, account = ACC): Promise<SimResponse> {
    return call(sim, host, 'POST', historyPath('conversation', query, account), { headers: bearerHeader(bearer), body });
}

function history(response: SimResponse): HistoryBody {
    expect(response.status).toBe(200);
    return json(response) as HistoryBody;
}

const idsOf = (body: HistoryBody) => body.conversationHistoryRecords.map((record) => record.info.conversationId);

const openConsumerSearch = (consumer = messagingConsumerId, status = ['OPEN']) => ({
    consumer,
    status,
    contentToRetrieve: ALL_CONTENT,
});

function conversation(conversationId: string, status: 'OPEN' | 'CLOSE', startTime: number): SimConversation {
    return {
        conversationId,
        status,
        startTime,
        consumerParticipants: [{ participantId: 'added-consumer' }],
        sdes: { events: [] },
    };
}

describe('Messaging Interactions API: consumer search', () => {
    it('returns the open conversation of a consumer in the documented shape, SDEs and participants as is', async () => {
        const { bearer } = await login(sim);
        const response = await searchConsumer(sim, bearer, openConsumerSearch());
        expect(response.headers['content-type']).toBe('application/json');
        expect(history(response)).toEqual({
            _metadata: { count: 1 },
            conversationHistoryRecords: [
                {
                    info: {
                        startTime: '2026-02-01 00:00:00.000+0000',
                        startTimeL: 1769904000000,
                        endTime: 'undefined',
                        endTimeL: -1,
                        conversationId: openConversationId,
                        brandId: ACC,
                        status: 'OPEN',
                        isPartial: false,
                    },
                    consumerParticipants: openConversation.consumerParticipants,
                    sdes: openConversation.sdes,
                },
            ],
        });
    });

    it('filters by the statuses asked and puts the newest startTime first', async () => {
        const { bearer } = await login(sim);
        const both = history(await searchConsumer(sim, bearer, openConsumerSearch(messagingConsumerId, ['OPEN', 'CLOSE'])));
        expect(idsOf(both)).toEqual([openConversationId, closedConversationId]);
        expect(both._metadata.count).toBe(2);
        const closed = history(await searchConsumer(sim, bearer, openConsumerSearch(messagingConsumerId, ['CLOSE'])));
        expect(idsOf(closed)).toEqual([closedConversationId]);
        expect(closed.conversationHistoryRecords[0].info).toMatchObject({
            status: 'CLOSE',
            startTime: '2026-01-01 00:00:00.000+0000',
            endTime: '2026-01-01 00:30:00.000+0000',
            endTimeL: 1767227400000,
        });
    });

    it('orders by startTime whatever the order the conversations were given in', async () => {
        const { bearer } = await login(sim);
        sim.setConsumer(ACC, 'added-consumer', [
            conversation('middle', 'CLOSE', 2_000),
            conversation('oldest', 'OPEN', 1_000),
            conversation('newest', 'CLOSE', 3_000),
        ]);
        const body = history(await searchConsumer(sim, bearer, openConsumerSearch('added-consumer', ['CLOSE', 'OPEN'])));
        expect(idsOf(body)).toEqual(['newest', 'middle', 'oldest']);
    });

    it('pages by offset and limit; count is every match and next links the following page', async () => {
        const { bearer } = await login(sim);
        const search = openConsumerSearch(messagingConsumerId, ['OPEN', 'CLOSE']);
        const first = history(await searchConsumer(sim, bearer, search, `${SOURCE}&offset=0&limit=1`));
        expect(idsOf(first)).toEqual([openConversationId]);
        expect(first._metadata.count).toBe(2);
        const next = new URL(String(first._metadata.next?.href));
        const nextParts = [first._metadata.next?.rel, next.host, next.pathname];
        expect(nextParts).toEqual(['next', VA_MSG, historyPath('consumer', '')]);
        expect(Object.fromEntries(next.searchParams)).toEqual({ source: 'RocketChatVisitor', offset: '1', limit: '1' });
        const second = history(await searchConsumer(sim, bearer, search, `${SOURCE}&offset=1&limit=1`));
        expect(idsOf(second)).toEqual([closedConversationId]);
        expect(second._metadata).toEqual({ count: 2 });
        const past = history(await searchConsumer(sim, bearer, search, `${SOURCE}&offset=2&limit=10`));
        expect(past).toEqual({ _metadata: { count: 2 }, conversationHistoryRecords: [] });
    });

    it.each([
        ['nothing', undefined, ['info']],
        ['an empty list', [], ['info']],
        ['sdes', ['sdes'], ['info', 'sdes']],
        ['consumerParticipants', ['consumerParticipants'], ['info', 'consumerParticipants']],
        ['both, and a part it does not simulate', ['messageRecords', ...ALL_CONTENT], ['info', 'consumerParticipants', 'sdes']],
    ])('sends only the parts contentToRetrieve asks for: %s', async (_label, contentToRetrieve, keys) => {
        const { bearer } = await login(sim);
        const body = { consumer: messagingConsumerId, status: ['OPEN'], contentToRetrieve };
        const [record] = history(await searchConsumer(sim, bearer, body)).conversationHistoryRecords;
        expect(Object.keys(record)).toEqual(keys);
    });

    it('passes SDE values through untouched: strings stay strings, numbers numbers, events in order', async () => {
        const { bearer } = await login(sim);
        const [record] = history(await searchConsumer(sim, bearer, openConsumerSearch())).conversationHistoryRecords;
        const events = record.sdes?.events ?? [];
        expect(events.map((event) => [event.sdeType, event.serverTimeStamp])).toEqual([
            ['CUSTOMER_INFO', '1769904060000'],
            ['CUSTOMER_INFO', messagingLatestCustomerInfoTimeStamp],
            ['PERSONAL_INFO', '1769904060001'],
            ['CUSTOMER_INFO', '1769904000500'],
            ['PERSONAL_INFO', messagingLatestPersonalInfoTimeStamp],
        ]);
        const latestCustomer = events[1].customerInfo?.customerInfo;
        expect(latestCustomer).toEqual(messagingLatestCustomerInfo);
        expect([latestCustomer?.balance, latestCustomer?.companySize, latestCustomer?.registrationDate]).toEqual([
            '1500.25',
            '12',
            { day: '23', month: '5', year: '2019' },
        ]);
        expect(events[1].customerInfo?.serverTimeStamp).toBe(messagingLatestCustomerInfoTimeStamp);
        const older = { customerType: 'silver', balance: 900.5, companySize: 10 };
        expect(events[0].customerInfo?.customerInfo).toMatchObject(older);
        expect(events[4].personalInfo?.personalInfo).toEqual(messagingLatestPersonalInfo);
        expect(events[2].personalInfo?.personalInfo).toMatchObject({ customerAge: 33, language: 'en-GB' });
    });

    it('passes isPartial: true through', async () => {
        const { bearer } = await login(sim);
        const [record] = history(await searchConsumer(sim, bearer, openConsumerSearch(partialConsumerId))).conversationHistoryRecords;
        expect(record.info).toMatchObject({ conversationId: partialConversationId, isPartial: true });
        expect(record.sdes?.events.map((event) => event.customerInfo?.customerInfo ?? event.personalInfo?.personalInfo)).toEqual([
            partialLatestCustomerInfo,
            partialLatestPersonalInfo,
        ]);
    });

    it.each([
        ['a consumer without conversations', emptyConsumerId, ['OPEN', 'CLOSE']],
        ['an unknown consumer', 'nobody-at-all', ['OPEN']],
        ['a consumer with no conversation in the statuses asked', partialConsumerId, ['CLOSE']],
    ])('answers an empty list, not an error, for %s', async (_label, consumer, status) => {
        const { bearer } = await login(sim);
        const body = history(await searchConsumer(sim, bearer, openConsumerSearch(consumer, status)));
        expect(body).toEqual({ _metadata: { count: 0 }, conversationHistoryRecords: [] });
    });

    it('serves consumers set during the test, copied, and forgets removed ones', async () => {
        const { bearer } = await login(sim);
        const added = [conversation('added-1', 'OPEN', 5_000)];
        sim.setConsumer(ACC, 'added-consumer', added);
        added[0].status = 'CLOSE';
        const found = history(await searchConsumer(sim, bearer, openConsumerSearch('added-consumer')));
        expect(idsOf(found)).toEqual(['added-1']);
        sim.removeConsumer(ACC, messagingConsumerId);
        expect(history(await searchConsumer(sim, bearer, openConsumerSearch()))._metadata.count).toBe(0);
        expect(() => sim.setConsumer('00000000', 'x', [])).toThrow(/Unknown simulator account/);
        expect(() => sim.removeConsumer('00000000', 'x')).toThrow(/Unknown simulator account/);
    });

    it('serves the secondary account on its own msgHist host, with its own consumers only', async () => {
        const secondaryLogin = { ...botLoginBody, appKey: secondaryBotUser.appKey, secret: secondaryBotUser.secret };
        const { bearer } = await login(sim, secondaryLogin, secondaryAccountDomain, secondaryAccountId);
        const response = await searchConsumer(sim, bearer, openConsumerSearch(), SOURCE, LO_MSG, secondaryAccountId);
        expect(history(response)._metadata.count).toBe(0);
        sim.setConsumer(secondaryAccountId, messagingConsumerId, [conversation('lo-1', 'OPEN', 1)]);
        const after = await searchConsumer(sim, bearer, openConsumerSearch(), SOURCE, LO_MSG, secondaryAccountId);
        expect(idsOf(history(after))).toEqual(['lo-1']);
    });

    it.each<[string, unknown, string?]>([
        ['no status', { consumer: messagingConsumerId }],
        ['an empty status', { consumer: messagingConsumerId, status: [] }],
        ['a status it does not know', { consumer: messagingConsumerId, status: ['ARCHIVE'] }],
        ['status as a string', { consumer: messagingConsumerId, status: 'OPEN' }],
        ['no consumer', { status: ['OPEN'] }],
        ['contentToRetrieve not a list', { ...openConsumerSearch(), contentToRetrieve: 'sdes' }],
        ['a body that is not JSON', 'consumer=x'],
        ['no body', undefined],
        ['no source', openConsumerSearch(), ''],
        ['an empty source', openConsumerSearch(), '?source='],
        ['a source of 21 characters', openConsumerSearch(), `?source=${'s'.repeat(21)}`],
        ['limit=0', openConsumerSearch(), `${SOURCE}&limit=0`],
        ['limit=101', openConsumerSearch(), `${SOURCE}&limit=101`],
        ['offset=-1', openConsumerSearch(), `${SOURCE}&offset=-1`],
        ['limit=ten', openConsumerSearch(), `${SOURCE}&limit=ten`],
    ])('answers 400 to %s', async (_label, body, query = SOURCE) => {
        const { bearer } = await login(sim);
        const response = await searchConsumer(sim, bearer, body, query);
        expect(response.status).toBe(400);
        expect(json(response)).toEqual({ error: expect.any(String) });
    });

    it('accepts a source of exactly 20 characters and limit=100', async () => {
        const { bearer } = await login(sim);
        const response = await searchConsumer(sim, bearer, openConsumerSearch(), `?source=${'s'.repeat(20)}&limit=100`);
        expect(history(response)._metadata.count).toBe(1);
    });
});

describe('Messaging Interactions API: conversation search', () => {
    it('returns the conversation asked for, whatever its status', async () => {
        const { bearer } = await login(sim);
        const body = { conversationId: closedConversationId, contentToRetrieve: ALL_CONTENT };
        const found = history(await searchConversation(sim, bearer, body));
        expect(found._metadata).toEqual({ count: 1 });
        expect(found.conversationHistoryRecords).toEqual([
            {
                info: expect.objectContaining({ conversationId: closedConversationId, status: 'CLOSE', isPartial: false }),
                consumerParticipants: closedConversation.consumerParticipants,
                sdes: closedConversation.sdes,
            },
        ]);
    });

    it('returns several conversationIds in the order asked, once each, skipping unknown ones', async () => {
        const { bearer } = await login(sim);
        const conversationIds = [partialConversationId, 'no-such-conversation', openConversationId, partialConversationId];
        const found = history(await searchConversation(sim, bearer, { conversationIds }));
        expect(idsOf(found)).toEqual([partialConversationId, openConversationId]);
        expect(found._metadata.count).toBe(2);
        expect(Object.keys(found.conversationHistoryRecords[0])).toEqual(['info']);
    });

    it('answers an empty list, not an error, for an unknown conversation id', async () => {
        const { bearer } = await login(sim);
        const found = history(await searchConversation(sim, bearer, { conversationId: 'no-such-conversation' }));
        expect(found).toEqual({ _metadata: { count: 0 }, conversationHistoryRecords: [] });
    });

    it('passes isPartial and the SDEs through for a truncated record', async () => {
        const { bearer } = await login(sim);
        const body = { conversationId: partialConversationId, contentToRetrieve: ['sdes'] };
        const [record] = history(await searchConversation(sim, bearer, body)).conversationHistoryRecords;
        expect(record).toEqual({ info: expect.objectContaining({ isPartial: true }), sdes: partialConversation.sdes });
    });

    it("does not find another account's conversation", async () => {
        const secondaryLogin = { ...botLoginBody, appKey: secondaryBotUser.appKey, secret: secondaryBotUser.secret };
        const { bearer } = await login(sim, secondaryLogin, secondaryAccountDomain, secondaryAccountId);
        const body = { conversationId: openConversationId };
        const response = await searchConversation(sim, bearer, body, SOURCE, LO_MSG, secondaryAccountId);
        expect(history(response)._metadata.count).toBe(0);
    });

    it('takes up to 100 conversation ids', async () => {
        const { bearer } = await login(sim);
        const ids = Array.from({ length: 99 }, (_, index) => `unknown-${index}`);
        const hundred = await searchConversation(sim, bearer, { conversationIds: [openConversationId, ...ids] });
        expect(idsOf(history(hundred))).toEqual([openConversationId]);
        const tooMany = await searchConversation(sim, bearer, { conversationIds: [openConversationId, ...ids, 'extra'] });
        expect(tooMany.status).toBe(400);
    });

    it.each<[string, unknown, string?]>([
        ['no conversation id', { contentToRetrieve: ALL_CONTENT }],
        ['an empty conversationIds', { conversationIds: [] }],
        ['conversationIds not a list', { conversationIds: openConversationId }],
        ['a conversation id that is not a string', { conversationId: 42 }],
        ['no source', { conversationId: openConversationId }, ''],
        ['a source of 21 characters', { conversationId: openConversationId }, `?source=${'s'.repeat(21)}`],
    ])('answers 400 to %s', async (_label, body, query = SOURCE) => {
        const { bearer } = await login(sim);
        expect((await searchConversation(sim, bearer, body, query)).status).toBe(400);
    });
});

/** Both searches, each with a body that finds one conversation. */
const SEARCHES = [
    ['msgHistConsumer', 'consumer', openConsumerSearch()],
    ['msgHistConversation', 'conversation', { conversationId: openConversationId }],
] as const;

function search(kind: 'consumer' | 'conversation', body: unknown, headers: Record<string, string>, abortAfterMs?: number): Promise<SimResponse> {
    return call(sim, VA_MSG, 'POST', historyPath(kind), { headers, body, abortAfterMs });
}

describe('Messaging Interactions API: auth and routing', () => {
    it.each(SEARCHES)('%s: 401 without a bearer, an unknown one, or a non-Bearer scheme', async (_route, kind, body) => {
        await login(sim);
        for (const headers of [{}, bearerHeader('not-a-bearer'), { Authorization: 'Basic abc' }]) {
            const response = await search(kind, body, headers);
            expect(response.status).toBe(401);
            expect(json(response)).toEqual({ error: 'invalid or expired bearer' });
        }
    });

    it.each(SEARCHES)('%s: 401 after expireBearers and after logout, 200 after login', async (_route, kind, body) => {
        const old = await login(sim);
        expect((await search(kind, body, bearerHeader(old.bearer))).status).toBe(200);
        sim.expireBearers();
        expect((await search(kind, body, bearerHeader(old.bearer))).status).toBe(401);
        const session = await login(sim);
        expect((await search(kind, body, bearerHeader(session.bearer))).status).toBe(200);
        const logout = await call(sim, VA, 'POST', loginServicePath('logout'), {
            headers: { Cookie: session.cookie },
            body: { csrf: session.csrf },
        });
        expect(logout.status).toBe(200);
        expect((await search(kind, body, bearerHeader(session.bearer))).status).toBe(401);
    });

    it('answers 401 to a bearer of another account, and for an account nobody has', async () => {
        const { bearer } = await login(sim);
        const otherAccount = await searchConsumer(sim, bearer, openConsumerSearch(), SOURCE, LO_MSG, secondaryAccountId);
        const unknownAccount = await searchConsumer(sim, bearer, openConsumerSearch(), SOURCE, VA_MSG, '11112222');
        expect([otherAccount.status, unknownAccount.status]).toEqual([401, 401]);
    });

    it.each([
        ['the msgHist host of another region', LO_MSG, 'POST'],
        ['the agentVep host of the account', VA, 'POST'],
        ['the Domain API host', API, 'POST'],
        ['an unknown host', 'va.msghist.example.com', 'POST'],
        ['GET instead of POST', VA_MSG, 'GET'],
    ])('answers 404 as route "unknown" on %s', async (_label, host, method) => {
        const { bearer } = await login(sim);
        sim.clearLog();
        for (const kind of ['consumer', 'conversation'] as const) {
            // No body on a GET: node:http would send it unframed.
            const response = await call(sim, host, method, historyPath(kind), {
                headers: bearerHeader(bearer),
                body: method === 'POST' ? openConsumerSearch() : undefined,
            });
            expect(response.status).toBe(404);
        }
        expect(sim.requests.map((entry) => entry.route)).toEqual(['unknown', 'unknown']);
    });

    it('does not serve the Login Service or the Chat Agent API on a msgHist host', async () => {
        expect((await call(sim, VA_MSG, 'POST', loginServicePath('login'), { body: botLoginBody })).status).toBe(404);
        const { bearer } = await login(sim);
        const agentSession = await call(sim, VA_MSG, 'POST', agentSessionPath(), {
            headers: bearerHeader(bearer),
            body: { loginData: '' },
        });
        expect(agentSession.status).toBe(404);
    });

    it('logs both routes by name, with query and body', async () => {
        const { bearer } = await login(sim);
        sim.clearLog();
        await searchConsumer(sim, bearer, openConsumerSearch(), `${SOURCE}&offset=0&limit=10`);
        await searchConversation(sim, bearer, { conversationId: openConversationId });
        expect(sim.requests.map((entry) => [entry.route, entry.host, entry.status])).toEqual([
            ['msgHistConsumer', VA_MSG, 200],
            ['msgHistConversation', VA_MSG, 200],
        ]);
        expect(sim.requests[0].query).toEqual({ source: 'RocketChatVisitor', offset: '0', limit: '10' });
        expect(sim.requests[0].body).toEqual(openConsumerSearch());
        expect([sim.count('msgHistConsumer'), sim.count('msgHistConversation')]).toEqual([1, 1]);
    });
});

describe('Messaging Interactions API: faults and latency', () => {
    it.each(SEARCHES)('%s: status, html and malformedJson faults in turn, then normal', async (route, kind, body) => {
        const headers = bearerHeader((await login(sim)).bearer);
        sim.fault(route, { status: 503, headers: { 'Retry-After': '7' } }, 1);
        sim.fault(route, { kind: 'html' }, 1);
        sim.fault(route, { kind: 'malformedJson' }, 1);
        const unavailable = await search(kind, body, headers);
        expect([unavailable.status, unavailable.headers['retry-after']]).toEqual([503, '7']);
        const html = await search(kind, body, headers);
        expect([html.status, html.headers['content-type']]).toEqual([502, 'text/html; charset=utf-8']);
        const malformed = await search(kind, body, headers);
        expect(malformed.status).toBe(200);
        expect(() => json(malformed)).toThrow(SyntaxError);
        expect(history(await search(kind, body, headers))._metadata.count).toBe(1);
    });

    it.each(SEARCHES)('%s: hang never answers, reset drops the connection', async (route, kind, body) => {
        const headers = bearerHeader((await login(sim)).bearer);
        sim.fault(route, { kind: 'hang' }, 1);
        sim.fault(route, { kind: 'reset' }, 1);
        await expect(search(kind, body, headers, 50)).rejects.toThrow('client timeout');
        await expect(search(kind, body, headers)).rejects.toMatchObject({ code: 'ECONNRESET' });
        expect(sim.requests.slice(1).map((entry) => [entry.route, entry.status])).toEqual([
            [route, 0],
            [route, 0],
        ]);
        expect((await search(kind, body, headers)).status).toBe(200);
    });

    it('a "*" fault reaches the msgHist routes too', async () => {
        const { bearer } = await login(sim);
        sim.fault('*', { status: 500 });
        expect((await searchConsumer(sim, bearer, openConsumerSearch())).status).toBe(500);
        expect((await searchConversation(sim, bearer, { conversationId: openConversationId })).status).toBe(500);
    });

    it('delays one msgHist route by its latency and not the other', async () => {
        const { bearer } = await login(sim);
        sim.setLatency('msgHistConsumer', 80);
        const started = Date.now();
        expect((await searchConsumer(sim, bearer, openConsumerSearch())).status).toBe(200);
        expect(Date.now() - started).toBeGreaterThanOrEqual(75);
        const conversationStarted = Date.now();
        await searchConversation(sim, bearer, { conversationId: openConversationId });
        expect(Date.now() - conversationStarted).toBeLessThan(60);
    });
});

// ---- reset, session TTL, rate limiter ----

function sessionTtlOf(response: SimResponse): unknown {
    return (json(response) as { sessionTTl: unknown }).sessionTTl;
}

describe('setSessionTtlMs', () => {
    it('changes the sessionTTl of later logins', async () => {
        const before = await call(sim, VA, 'POST', loginServicePath('login'), { body: botLoginBody });
        sim.setSessionTtlMs(90_000);
        const after = await call(sim, VA, 'POST', loginServicePath('login'), { body: botLoginBody });
        expect([sessionTtlOf(before), sessionTtlOf(after)]).toEqual(['28800000', '90000']);
    });

    it.each([-1, 1.5, Number.NaN, Infinity])('refuses %p', (ms) => {
        expect(() => sim.setSessionTtlMs(ms)).toThrow(RangeError);
    });
});

describe('reset', () => {
    it('puts back everything a test can change, and empties the log in place', async () => {
        const log = sim.requests;
        const agent = await readyAgent(sim);
        sim.setParticipant(ACC, seedParticipantId, { replaced: true });
        sim.setParticipant(ACC, 'added', { added: true });
        sim.removeParticipant(ACC, twoContactsParticipantId);
        sim.setConsumer(ACC, 'added-consumer', [conversation('added-1', 'OPEN', 1)]);
        sim.setConsumer(ACC, partialConsumerId, []);
        sim.removeConsumer(ACC, messagingConsumerId);
        sim.setSessionTtlMs(5_000);
        sim.setLatency('*', 300);
        sim.setLatency('domain', 300);
        sim.fault('*', { status: 503 });
        sim.fault('domain', { kind: 'hang' });
        sim.rateLimit({ requestsPerSecond: 1 });

        sim.reset();

        expect(log).toBe(sim.requests);
        expect(log).toEqual([]);
        expect(sim.activeBearers()).toEqual([]);
        // No rate limit, no latency, no fault: a burst of ten answers at once, all 200.
        const started = Date.now();
        const burst = await Promise.all(Array.from({ length: 10 }, () => call(sim, API, 'GET', domainPath('agentVep'))));
        expect(burst.map((response) => response.status)).toEqual(Array(10).fill(200));
        expect(Date.now() - started).toBeLessThan(250);
        expect(sim.count429()).toBe(0);
        // Old sessions are gone, not just expired: the bearer, the agent session and the cookie all fail.
        expect((await getParticipant(sim, agent.bearer, agent.agentSessionId, seedParticipantId)).status).toBe(401);
        const refresh = await call(sim, VA, 'POST', loginServicePath('refresh'), {
            headers: { Cookie: agent.cookie },
            body: { csrf: agent.csrf },
        });
        expect(refresh.status).toBe(401);
        const fresh = await login(sim);
        expect(sim.activeBearers()).toEqual([fresh.bearer]);
        // The options' participants, exactly.
        const agentSessionId = await openAgentSession(sim, fresh.bearer);
        const participant = async (id: string) => getParticipant(sim, fresh.bearer, agentSessionId, id);
        expect(json(await participant(seedParticipantId))).toEqual(seedParticipant);
        expect(json(await participant(twoContactsParticipantId))).toEqual(twoContactsParticipant);
        expect((await participant('added')).status).toBe(404);
        // The options' consumers, exactly.
        const consumer = async (id: string) => history(await searchConsumer(sim, fresh.bearer, openConsumerSearch(id, ['OPEN', 'CLOSE'])));
        expect(idsOf(await consumer(messagingConsumerId))).toEqual([openConversationId, closedConversationId]);
        expect(idsOf(await consumer(partialConsumerId))).toEqual([partialConversationId]);
        expect((await consumer('added-consumer'))._metadata.count).toBe(0);
        // The option's session TTL (the default here).
        const again = await call(sim, VA, 'POST', loginServicePath('login'), { body: botLoginBody });
        expect(sessionTtlOf(again)).toBe('28800000');
    });

    it('keeps the users of the options: a login with them still works, a wrong secret still fails', async () => {
        sim.reset();
        await login(sim);
        const wrong = await call(sim, VA, 'POST', loginServicePath('login'), { body: { ...botLoginBody, secret: 'x' } });
        expect(wrong.status).toBe(401);
    });

    it('restores the sessionTtlMs option and keeps the global latencyMs, dropping per-route latencies', async () => {
        const other = await startLivePersonSimulator({ accounts: sampleAccounts, sessionTtlMs: 60_000, latencyMs: 40 });
        try {
            other.setSessionTtlMs(1_000);
            other.setLatency('*', 400);
            other.reset();
            const started = Date.now();
            const response = await call(other, VA, 'POST', loginServicePath('login'), { body: botLoginBody });
            const elapsed = Date.now() - started;
            expect(sessionTtlOf(response)).toBe('60000');
            expect(elapsed).toBeGreaterThanOrEqual(35);
            expect(elapsed).toBeLessThan(300);
        } finally {
            await other.stop();
        }
    });

    it('restores the options as they were at start, even if the caller changed them since', async () => {
        const accounts = structuredClone(sampleAccounts);
        const other = await startLivePersonSimulator({ accounts });
        try {
            accounts[0].participants[seedParticipantId] = { changed: true };
            accounts[0].users.length = 0;
            other.reset();
            const { bearer } = await login(other);
            const agentSessionId = await openAgentSession(other, bearer);
            const response = await call(other, VA, 'GET', participantPath(agentSessionId, seedParticipantId), {
                headers: bearerHeader(bearer),
            });
            expect(json(response)).toEqual(seedParticipant);
        } finally {
            await other.stop();
        }
    });

    it('drops a hanging request and one still waiting for its latency: neither answers into the next test', async () => {
        sim.fault('domain', { kind: 'hang' }, 1);
        sim.setLatency('login', 200);
        const hanging = call(sim, API, 'GET', domainPath('agentVep'));
        const delayed = call(sim, VA, 'POST', loginServicePath('login'), { body: botLoginBody });
        const settled = Promise.allSettled([hanging, delayed]);
        await waitUntil(() => sim.count() === 2);
        sim.reset();
        const results = await settled;
        expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
        // Past the latency: the login was never handled, so no session was made and nothing was logged.
        await new Promise((resolve) => setTimeout(resolve, 250));
        expect(sim.activeBearers()).toEqual([]);
        expect(sim.requests).toEqual([]);
        expect((await call(sim, API, 'GET', domainPath('agentVep'))).status).toBe(200);
    });
});

describe('reset between the tests of one shared simulator', () => {
    let shared: LivePersonSimulator;

    beforeAll(async () => {
        shared = await startLivePersonSimulator({ accounts: sampleAccounts });
    });

    afterAll(async () => {
        await shared.stop();
    });

    beforeEach(() => {
        shared.reset();
    });

    it('first test: leaves a session, a fault, a latency, a limiter and changed data behind', async () => {
        await login(shared);
        shared.fault('domainBulk', { status: 500 });
        shared.setLatency('domain', 1_000);
        shared.rateLimit({ requestsPerSecond: 3 });
        shared.removeConsumer(ACC, messagingConsumerId);
        expect((await call(shared, API, 'GET', bulkPath())).status).toBe(500);
        expect(shared.count()).toBe(2);
    });

    it('second test: sees none of it', async () => {
        expect([shared.count(), shared.activeBearers().length]).toEqual([0, 0]);
        const started = Date.now();
        const statuses = [];
        for (let index = 0; index < 4; index += 1) statuses.push((await call(shared, API, 'GET', bulkPath())).status);
        expect(statuses).toEqual([200, 200, 200, 200]);
        expect((await call(shared, API, 'GET', domainPath('agentVep'))).status).toBe(200);
        expect(Date.now() - started).toBeLessThan(500);
        const { bearer } = await login(shared);
        const body = history(await searchConsumer(shared, bearer, openConsumerSearch()));
        expect(idsOf(body)).toEqual([openConversationId]);
    });
});

describe('rate limiter', () => {
    const domainCall = () => call(sim, API, 'GET', domainPath('agentVep'));
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    it('lets requestsPerSecond through over all routes together, then answers 429 with Retry-After 1', async () => {
        sim.rateLimit({ requestsPerSecond: 3 });
        await domainCall();
        await call(sim, VA, 'POST', loginServicePath('login'), { body: botLoginBody });
        await call(sim, API, 'GET', '/nowhere');
        const limited = await domainCall();
        expect(limited.status).toBe(429);
        expect(limited.headers['retry-after']).toBe('1');
        expect(limited.headers['content-type']).toBe('application/json');
        expect(json(limited)).toEqual({ message: 'Too many requests' });
        expect(sim.requests.map((entry) => [entry.route, entry.status])).toEqual([
            ['domain', 200],
            ['login', 200],
            ['unknown', 404],
            ['domain', 429],
        ]);
        expect(sim.count429()).toBe(1);
        expect(sim.requests.filter((entry) => entry.status === 429)).toHaveLength(1);
    });

    it('limits the msgHist routes too', async () => {
        const { bearer } = await login(sim);
        sim.rateLimit({ requestsPerSecond: 1 });
        expect((await searchConsumer(sim, bearer, openConsumerSearch())).status).toBe(200);
        const limited = await searchConversation(sim, bearer, { conversationId: openConversationId });
        expect([limited.status, sim.requests[2].route]).toEqual([429, 'msgHistConversation']);
    });

    it('turns away exactly the excess of a concurrent burst', async () => {
        sim.rateLimit({ requestsPerSecond: 10 });
        const responses = await Promise.all(Array.from({ length: 25 }, domainCall));
        const statuses = responses.map((response) => response.status);
        expect(statuses.filter((status) => status === 200)).toHaveLength(10);
        expect(statuses.filter((status) => status === 429)).toHaveLength(15);
        expect(sim.count429()).toBe(15);
    });

    it('sends the configured Retry-After', async () => {
        sim.rateLimit({ requestsPerSecond: 1, retryAfterSeconds: 5 });
        await domainCall();
        expect((await domainCall()).headers['retry-after']).toBe('5');
    });

    it('slides: a request is let through again once the oldest one is a second old, not before', async () => {
        sim.rateLimit({ requestsPerSecond: 2 });
        const started = Date.now();
        expect((await domainCall()).status).toBe(200);
        await sleep(600 - (Date.now() - started));
        expect((await domainCall()).status).toBe(200);
        expect((await domainCall()).status).toBe(429);
        // At ~1.1 s the first request has left the window, the second (at ~0.6 s) has not: one more fits, not two.
        await sleep(1_100 - (Date.now() - started));
        expect((await domainCall()).status).toBe(200);
        expect((await domainCall()).status).toBe(429);
        expect(sim.count429()).toBe(2);
    });

    it('does not spend the window or queued faults on the requests it turns away', async () => {
        sim.rateLimit({ requestsPerSecond: 1 });
        await call(sim, API, 'GET', '/nowhere');
        sim.fault('domain', { status: 503 }, 1);
        expect((await domainCall()).status).toBe(429);
        sim.rateLimit(undefined);
        expect((await domainCall()).status).toBe(503);
        expect((await domainCall()).status).toBe(200);
    });

    it('is off with rateLimit(undefined), and a new rateLimit starts a fresh window', async () => {
        sim.rateLimit({ requestsPerSecond: 1 });
        await domainCall();
        expect((await domainCall()).status).toBe(429);
        sim.rateLimit({ requestsPerSecond: 1 });
        expect((await domainCall()).status).toBe(200);
        sim.rateLimit(undefined);
        const burst = await Promise.all(Array.from({ length: 20 }, domainCall));
        expect(burst.every((response) => response.status === 200)).toBe(true);
    });

    it.each([{ requestsPerSecond: 0 }, { requestsPerSecond: 2.5 }, { requestsPerSecond: 1, retryAfterSeconds: -1 }])('refuses %p', (limit) => {
        expect(() => sim.rateLimit(limit)).toThrow(RangeError);
    });
});
