import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import {
  botLoginBody,
  humanLoginBody,
  primaryAccount,
  primaryAccountDomain,
  primaryAccountId,
  sampleAccounts,
  secondaryAccountDomain,
  secondaryAccountId,
  seedParticipant,
  seedParticipantId,
  stringNumbersParticipant,
  stringNumbersParticipantId,
  twoContactsParticipant,
  twoContactsParticipantId,
  unauthenticatedParticipant,
  unauthenticatedParticipantId,
} from './support/liveperson-fixtures';
import type { LivePersonSimulator, RouteName } from './support/liveperson-simulator';
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

function call(
  sim: LivePersonSimulator,
  host: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<SimResponse> {
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
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
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

const domainPath = (service: string, account = ACC, query = '?version=1.0') =>
  `/api/account/${account}/service/${service}/baseURI.json${query}`;
const bulkPath = (account = ACC, query = '?version=1.0') => `/api/account/${account}/service/baseURI.json${query}`;
const loginServicePath = (action: 'login' | 'refresh' | 'logout', account = ACC, query = '?v=1.3') =>
  `/api/account/${account}/${action}${query}`;
const agentSessionPath = (account = ACC, query = '?v=1&NC=true') => `/api/account/${account}/agentSession${query}`;
const participantPath = (agentSessionId: string, participantId: string, account = ACC, query = '?v=1&NC=true') =>
  `/api/account/${account}/agentSession/${agentSessionId}/participantExtendedInfo/${participantId}${query}`;

interface LoggedIn {
  bearer: string;
  csrf: string;
  cookie: string;
}

async function login(
  sim: LivePersonSimulator,
  body: unknown = botLoginBody,
  host = VA,
  account = ACC,
): Promise<LoggedIn> {
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
  const href = (json(response) as { agentSessionLocation: { link: { '@href': string } } }).agentSessionLocation.link[
    '@href'
  ];
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
    expect(sim.hostnames).toEqual([API, VA, secondaryAccountDomain]);
  });

  it('does not let a test change the fixtures it was given', () => {
    sim.setParticipant(ACC, seedParticipantId, { changed: true });
    expect(primaryAccount.participants[seedParticipantId]).toBe(seedParticipant);
    expect(Object.isFrozen(seedParticipant.authenticatedParticipantInfo)).toBe(true);
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
      csdsCollectionResponse: { baseURIs: [{ service: 'agentVep', account: ACC, baseURI: VA }] },
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
      (json(await call(sim, VA, 'POST', loginServicePath('login'), { body })) as { config: { userId: string } }).config
        .userId;
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

  it("answers 401 to a bearer of another account, even on the right domain", async () => {
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
    const responses = await Promise.all(
      Array.from({ length: 150 }, () => getParticipant(sim, agent.bearer, agent.agentSessionId, seedParticipantId)),
    );
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
    [
      'participantInfo',
      VA,
      participantPath('any', seedParticipantId),
      { authenticatedParticipantInfo: 'yes', authenticatedPersonalInfo: [1, 2] },
    ],
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
