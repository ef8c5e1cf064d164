/**
 * The simulator's own test: only what the app's scenarios lean on (faults, replies, the rate limiter, reset, session
 * expiry, counting, the Messaging search filters and LivePerson's documented defaults).
 */
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { DOCUMENTED, DOCUMENTED_SDE_TYPES } from './support/liveperson-docs';
import {
    botLoginBody,
    closedConversationId,
    everySdeConsumerId,
    everySdeConversationId,
    longHistoryConsumerId,
    longHistoryConversationId,
    messagingConsumerId,
    openConversation,
    primaryAccountDomain,
    primaryAccountId,
    sampleAccounts,
    seedParticipant,
    seedParticipantId,
    unauthenticatedCartConsumerId,
} from './support/liveperson-fixtures';
import type { LivePersonSimulator } from './support/liveperson-simulator';
import { startLivePersonSimulator } from './support/liveperson-simulator';

// ---- A tiny client. fetch() drops a custom Host header, so requests go through node:http. ----

interface SimResponse {
    status: number;
    headers: IncomingHttpHeaders;
    text: string;
}

function call(method: string, host: string, path: string, options: { headers?: Record<string, string>; body?: unknown; abortAfterMs?: number } = {}) {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    return new Promise<SimResponse>((resolve, reject) => {
        const headers = { Host: host, 'Content-Type': 'application/json', ...options.headers };
        const req = httpRequest(`${sim.url}${path}`, { method, agent: false, headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
        });
        req.on('error', reject);
        if (options.abortAfterMs !== undefined) req.setTimeout(options.abortAfterMs, () => req.destroy(new Error('client timeout')));
        req.end(payload);
    });
}

const json = (response: SimResponse) => JSON.parse(response.text) as Record<string, unknown>;

const API = 'api.liveperson.net';
const VA = primaryAccountDomain;
const VA_MSG = 'va.msghist.liveperson.net';
const ACCOUNT = `/api/account/${primaryAccountId}`;
const domainCall = () => call('GET', API, `${ACCOUNT}/service/agentVep/baseURI.json?version=1.0`);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function login() {
    const response = await call('POST', VA, `${ACCOUNT}/login?v=1.3`, { body: botLoginBody });
    expect(response.status).toBe(200);
    const { bearer: token, csrf } = json(response) as { bearer: string; csrf: string };
    return { token, csrf, cookie: String(response.headers['set-cookie']?.[0]).split(';')[0] };
}

/** Refresh or logout as LivePerson documents them: cookie and csrf, no `?v=` unless given. */
const sessionCall = (action: 'refresh' | 'logout', session: { csrf: string; cookie: string }, query = '') =>
    call('POST', VA, `${ACCOUNT}/${action}${query}`, { headers: { Cookie: session.cookie }, body: { csrf: session.csrf } });

const startAgentSession = (token: string) => call('POST', VA, `${ACCOUNT}/agentSession?v=1&NC=true`, { headers: bearer(token), body: { loginData: '' } });

async function agentSessionId(token: string): Promise<string> {
    const link = (json(await startAgentSession(token)) as { agentSessionLocation: { link: { '@href': string } } }).agentSessionLocation.link;
    return link['@href'].split('/').pop() as string;
}

const participant = (token: string, sessionId: string) =>
    call('GET', VA, `${ACCOUNT}/agentSession/${sessionId}/participantExtendedInfo/${seedParticipantId}?v=1&NC=true`, { headers: bearer(token) });

// ---- Messaging searches, as the app sends them ----

const CONTENT = ['sdes', 'unAuthSdes', 'consumerParticipants', 'summary'];
const APP_QUERY = '?source=RocketChatLPVisitor&v=2';
const HISTORY = `/messaging_history/api/account/${primaryAccountId}/conversations`;

interface Records {
    _metadata: { count: number };
    conversationHistoryRecords: ({ info: Record<string, unknown> } & Record<string, unknown>)[];
}

function consumerSearch(token: string, consumer: string, options: { status?: string[]; content?: string[]; query?: string } = {}) {
    const body = { consumer, status: options.status ?? ['OPEN', 'CLOSE'], contentToRetrieve: options.content ?? CONTENT };
    return call('POST', VA_MSG, `${HISTORY}/consumer/search${options.query ?? `${APP_QUERY}&offset=0&limit=50`}`, { headers: bearer(token), body });
}

function conversationSearch(token: string, conversationId: string, query = APP_QUERY) {
    return call('POST', VA_MSG, `${HISTORY}/conversation/search${query}`, { headers: bearer(token), body: { conversationId, contentToRetrieve: CONTENT } });
}

function records(response: SimResponse): Records {
    expect(response.status).toBe(200);
    return json(response) as unknown as Records;
}

const idsOf = (answer: Records) => answer.conversationHistoryRecords.map((record) => record.info.conversationId);

/** LivePerson's wrapped error body. */
const errorOf = (response: SimResponse) => (json(response) as { error: Record<string, unknown> }).error;

const waitUntil = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

let sim: LivePersonSimulator;

beforeAll(async () => {
    sim = await startLivePersonSimulator({ accounts: sampleAccounts });
});

afterAll(async () => {
    await sim.stop();
});

beforeEach(() => sim.reset());

describe('LivePerson’s documented defaults', () => {
    it('refresh and logout: accepted without ?v= (the docs) and with v=1.3 (the SDK)', async () => {
        const session = await login();
        expect((await sessionCall('refresh', session)).status).toBe(200);
        expect((await sessionCall('refresh', session, '?v=1.3')).text).toBe('');
        expect((await sessionCall('logout', session)).status).toBe(200);
        const again = await login();
        expect((await sessionCall('logout', again, '?v=1.3')).status).toBe(200);
    });

    it('a wrong csrf: 401 with the wrapped documented body', async () => {
        const session = await login();
        const response = await sessionCall('refresh', { ...session, csrf: 'wrong' });
        expect(response.status).toBe(401);
        expect(errorOf(response)).toEqual({
            time: expect.stringMatching(/^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2} [AP]M$/),
            message: expect.stringMatching(/^CSRF token invalid/),
            internalCode: 10,
            responseStatus: 'UNAUTHORIZED',
        });
        expect(errorOf(await call('GET', API, '/nowhere'))).toMatchObject({ responseStatus: 'NOT_FOUND' });
    });

    it('start agent session: 201, the link in the body, no Location header', async () => {
        const response = await startAgentSession((await login()).token);
        expect(response.status).toBe(201);
        expect(response.headers.location).toBeUndefined();
        expect(json(response)).toEqual({
            agentSessionLocation: { link: { '@href': expect.stringContaining(`${VA}${ACCOUNT}/agentSession/`), '@rel': 'location' } },
        });
    });
});

describe('faults', () => {
    it('once: a status with its headers and LivePerson’s error body, then normal again', async () => {
        sim.fault('domain', { status: 503, headers: { 'X-Why': 'test' } }, 1);
        const faulted = await domainCall();
        expect([faulted.status, faulted.headers['x-why'], errorOf(faulted).responseStatus]).toEqual([503, 'test', 'SERVICE_UNAVAILABLE']);
        expect((await domainCall()).status).toBe(200);
    });

    it('always by default, until clearFaults; the route’s own fault before a "*" one', async () => {
        sim.fault('*', { status: 500 });
        sim.fault('domain', { status: 429 }, 1);
        const statuses = [];
        for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await domainCall()).status);
        expect(statuses).toEqual([429, 500, 500]);
        sim.clearFaults();
        expect((await domainCall()).status).toBe(200);
    });

    it('bodies: a custom one with its Content-Type, truncated JSON, an HTML error page', async () => {
        sim.fault('domain', { status: 451, body: 'blocked', headers: { 'Content-Type': 'text/plain' } }, 1);
        sim.fault('domain', { kind: 'malformedJson' }, 1);
        sim.fault('domain', { kind: 'html' }, 1);
        const custom = await domainCall();
        expect([custom.status, custom.text, custom.headers['content-type']]).toEqual([451, 'blocked', 'text/plain']);
        const malformed = await domainCall();
        expect(malformed.status).toBe(200);
        expect(() => json(malformed)).toThrow(SyntaxError);
        const html = await domainCall();
        expect([html.status, html.headers['content-type']]).toEqual([502, 'text/html; charset=utf-8']);
    });

    it('hang: no answer, logged with status 0; reset: the connection drops', async () => {
        sim.fault('domain', { kind: 'hang' }, 1);
        sim.fault('domain', { kind: 'reset' }, 1);
        await expect(call('GET', API, `${ACCOUNT}/service/agentVep/baseURI.json?version=1.0`, { abortAfterMs: 50 })).rejects.toThrow('client timeout');
        await expect(domainCall()).rejects.toMatchObject({ code: 'ECONNRESET' });
        expect(sim.requests.map((entry) => [entry.route, entry.status])).toEqual([
            ['domain', 0],
            ['domain', 0],
        ]);
    });

    it('refuses a status outside 100..999', () => {
        expect(() => sim.fault('domain', { status: 42 })).toThrow(RangeError);
        expect(() => sim.reply('domain', { status: 1000, body: '' })).toThrow(RangeError);
    });
});

describe('reply', () => {
    it('answers a documented example verbatim, `times` times, in turn with the faults', async () => {
        const { token } = await login();
        const documented = DOCUMENTED.messagingConversationsAnswer.response;
        sim.reply('msgHistConsumer', documented, 1);
        sim.fault('msgHistConsumer', { status: 500 }, 1);
        const verbatim = await consumerSearch(token, messagingConsumerId);
        expect([verbatim.status, verbatim.text, verbatim.headers['content-type']]).toEqual([200, documented.body, 'application/json']);
        expect((await consumerSearch(token, messagingConsumerId)).status).toBe(500);
        expect(idsOf(records(await consumerSearch(token, messagingConsumerId)))).toEqual([closedConversationId, openConversation.conversationId]);
    });

    it('sends the headers given, and keeps answering without `times`', async () => {
        sim.reply('domain', { status: 429, body: '', headers: { 'Retry-After': '20' } });
        for (const response of [await domainCall(), await domainCall()])
            expect([response.status, response.headers['retry-after'], response.text]).toEqual([429, '20', '']);
    });
});

describe('rate limiter', () => {
    it('turns away the excess of a burst with 429, no Retry-After, LivePerson’s error body', async () => {
        sim.rateLimit({ requestsPerSecond: 3 });
        const statuses = (await Promise.all(Array.from({ length: 5 }, domainCall))).map((response) => response.status);
        expect(statuses.sort()).toEqual([200, 200, 200, 429, 429]);
        const limited = await domainCall();
        expect(limited.headers['retry-after']).toBeUndefined();
        expect(errorOf(limited).responseStatus).toBe('TOO_MANY_REQUESTS');
        expect(sim.count429()).toBe(3);
    });

    it('sends Retry-After only when asked', async () => {
        sim.rateLimit({ requestsPerSecond: 1, retryAfterSeconds: 5 });
        await domainCall();
        expect((await domainCall()).headers['retry-after']).toBe('5');
        sim.rateLimit(undefined);
        expect((await domainCall()).status).toBe(200);
    });
});

describe('reset', () => {
    it('forgets sessions, data, faults, replies, latency, the limiter and the log (emptied in place)', async () => {
        const log = sim.requests;
        const session = await login();
        sim.setConsumer(primaryAccountId, messagingConsumerId, []);
        sim.setSessionTtlMs(1_000);
        sim.setLatency('*', 5_000);
        sim.fault('domain', { status: 503 });
        sim.reply('login', { status: 200, body: '{}' });
        sim.rateLimit({ requestsPerSecond: 1 });
        sim.reset();
        expect(sim.requests).toBe(log);
        expect([log, sim.activeBearers()]).toEqual([[], []]);
        const started = Date.now();
        expect((await Promise.all(Array.from({ length: 3 }, domainCall))).map((response) => response.status)).toEqual([200, 200, 200]);
        expect(Date.now() - started).toBeLessThan(1_000);
        expect((await sessionCall('refresh', session)).status).toBe(401);
        const fresh = await login();
        expect(idsOf(records(await consumerSearch(fresh.token, messagingConsumerId)))).toHaveLength(2);
        const relogin = await call('POST', VA, `${ACCOUNT}/login?v=1.3`, { body: botLoginBody });
        expect(json(relogin).sessionTTl).toBe('28800000');
    });

    it('drops a hanging request: it never answers into the next test', async () => {
        sim.fault('domain', { kind: 'hang' });
        const hanging = domainCall();
        await waitUntil(() => sim.count() === 1);
        sim.reset();
        await expect(hanging).rejects.toThrow();
        expect(sim.requests).toEqual([]);
    });
});

describe('sessions: expiry helpers and counting', () => {
    it('activeBearers() holds only live login sessions', async () => {
        const first = await login();
        const second = await login();
        expect(sim.activeBearers()).toEqual([first.token, second.token]);
        await sessionCall('logout', first);
        expect(sim.activeBearers()).toEqual([second.token]);
        sim.expireLoginSessions();
        expect(sim.activeBearers()).toEqual([]);
        expect((await sessionCall('refresh', second)).status).toBe(401);
        expect([sim.count('login'), sim.count('logout'), sim.count('refresh')]).toEqual([2, 1, 1]);
    });

    it('expireBearers: 401 on every bearer call; expireAgentSessions: 404 on the agent session', async () => {
        const { token } = await login();
        const sessionId = await agentSessionId(token);
        expect(json(await participant(token, sessionId))).toEqual(seedParticipant);
        sim.expireAgentSessions();
        expect((await participant(token, sessionId)).status).toBe(404);
        sim.expireBearers();
        expect(sim.activeBearers()).toEqual([]);
        expect((await startAgentSession(token)).status).toBe(401);
        expect((await consumerSearch(token, messagingConsumerId)).status).toBe(401);
    });
});

describe('Messaging searches', () => {
    it('status: OPEN, CLOSE or both; records oldest first (LivePerson documents no order)', async () => {
        const { token } = await login();
        const search = async (status: string[]) => records(await consumerSearch(token, longHistoryConsumerId, { status }));
        expect(idsOf(await search(['OPEN']))).toEqual([longHistoryConversationId(12)]);
        expect(idsOf(await search(['CLOSE']))).toEqual(Array.from({ length: 11 }, (_, index) => longHistoryConversationId(index + 1)));
        const both = await search(['OPEN', 'CLOSE']);
        const starts = both.conversationHistoryRecords.map((record) => record.info.startTimeL as number);
        expect([both._metadata.count, starts]).toEqual([12, [...starts].sort((first, second) => first - second)]);
        expect((await consumerSearch(token, longHistoryConsumerId, { status: [] })).status).toBe(400);
    });

    it('offset and limit: a page of the matches, count of all; limit at most 100', async () => {
        const { token } = await login();
        const page = records(await consumerSearch(token, longHistoryConsumerId, { query: `${APP_QUERY}&offset=10&limit=5` }));
        expect([page._metadata.count, idsOf(page)]).toEqual([12, [longHistoryConversationId(11), longHistoryConversationId(12)]]);
        expect(idsOf(records(await consumerSearch(token, longHistoryConsumerId, { query: APP_QUERY })))).toHaveLength(12);
        expect((await consumerSearch(token, longHistoryConsumerId, { query: `${APP_QUERY}&limit=100` })).status).toBe(200);
        expect((await consumerSearch(token, longHistoryConsumerId, { query: `${APP_QUERY}&limit=101` })).status).toBe(400);
    });

    it('contentToRetrieve: only the parts asked for, info always, with the documented fields', async () => {
        const { token } = await login();
        const [closed] = records(await consumerSearch(token, longHistoryConsumerId, { content: ['summary'] })).conversationHistoryRecords;
        expect(Object.keys(closed)).toEqual(['info', 'summary']);
        expect(closed.info).toMatchObject({ startTime: '2025-03-04 09:15:00.000+0000', endTime: '2025-03-04 09:33:00.000+0000', duration: 18 * 60_000 });
        expect(closed.info).toMatchObject({ latestAgentFullName: 'Priya Natarajan', closeReason: 'AGENT', mcs: 81, alertedMCS: 1, csat: 5, status: 'CLOSE' });
        const bare = records(await consumerSearch(token, messagingConsumerId, { content: [] })).conversationHistoryRecords;
        expect(bare.map(Object.keys)).toEqual([['info'], ['info']]);
        const [open] = records(await conversationSearch(token, everySdeConversationId)).conversationHistoryRecords;
        expect(Object.keys(open).sort()).toEqual(['consumerParticipants', 'info', 'sdes', 'unAuthSdes']);
        expect(open.info).toMatchObject({ endTime: 'undefined', endTimeL: -1, status: 'OPEN' });
    });

    it('absent token and email are the string "undefined"', async () => {
        const { token } = await login();
        const [record] = records(await consumerSearch(token, unauthenticatedCartConsumerId)).conversationHistoryRecords;
        expect(record.consumerParticipants).toEqual([
            { participantId: unauthenticatedCartConsumerId, firstName: 'Visitor', token: 'undefined', email: 'undefined' },
        ]);
    });

    it('unAuthSdes only with v=2, each event marked isAuthenticated: false', async () => {
        const { token } = await login();
        const withV2 = records(await consumerSearch(token, everySdeConsumerId)).conversationHistoryRecords[0];
        const eventsOf = (container: unknown) => (container as { events: Record<string, unknown>[] }).events;
        const fromPage = eventsOf(withV2.unAuthSdes);
        expect(fromPage.map((event) => event.sdeType).sort()).toEqual([...DOCUMENTED_SDE_TYPES].sort());
        expect(fromPage.every((event) => event.isAuthenticated === false)).toBe(true);
        expect(
            eventsOf(withV2.sdes)
                .map((event) => event.sdeType)
                .sort(),
        ).toEqual([...DOCUMENTED_SDE_TYPES].sort());
        expect(eventsOf(withV2.sdes).some((event) => 'isAuthenticated' in event)).toBe(false);
        const v1Query = '?source=RocketChatLPVisitor&offset=0&limit=50';
        const withoutV2 = records(await consumerSearch(token, unauthenticatedCartConsumerId, { query: v1Query })).conversationHistoryRecords[0];
        expect(withoutV2.unAuthSdes).toBeUndefined();
        expect(
            records(await conversationSearch(token, everySdeConversationId, '?source=RocketChatLPVisitor')).conversationHistoryRecords[0].unAuthSdes,
        ).toBeUndefined();
    });

    it('source is required, at most 20 characters', async () => {
        const { token } = await login();
        expect((await consumerSearch(token, messagingConsumerId, { query: '?v=2' })).status).toBe(400);
        expect((await conversationSearch(token, closedConversationId, `?source=${'s'.repeat(21)}&v=2`)).status).toBe(400);
        expect((await conversationSearch(token, closedConversationId, `?source=${'s'.repeat(20)}&v=2`)).status).toBe(200);
    });
});
