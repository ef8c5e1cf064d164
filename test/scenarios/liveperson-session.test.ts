/**
 * The LivePerson conversation as LivePerson sees it: which requests the app sends, when, and how it recovers,
 * with the packaged app in the real Apps-Engine 1.62 Deno runtime.
 */
import { JOB_IDS } from '../../src/ids';
import { humanUser, primaryAccountDomain, seedParticipant, seedParticipantId, stringNumbersParticipantId } from '../support/liveperson-fixtures';
import { useWorld, waitFor } from '../support/useWorld';
import { readPanel } from '../support/world';

const world = useWorld();
const routes = () => world.sim.requests.map((request) => `${request.route} ${request.status}`);

describe('the LivePerson session, seen from LivePerson', () => {
    it('cold: Domain API, login, agent session, participant info, exactly as LivePerson documents them', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        const [domain, login, agentSession, info] = world.sim.requests;
        expect(routes()).toEqual(['domain 200', 'login 200', 'agentSession 201', 'participantInfo 200']);

        expect(domain).toMatchObject({
            method: 'GET',
            host: 'api.liveperson.net',
            path: '/api/account/12345678/service/agentVep/baseURI.json',
            query: { version: '1.0' },
        });
        expect(login).toMatchObject({
            method: 'POST',
            host: primaryAccountDomain,
            path: '/api/account/12345678/login',
            query: { v: '1.3' },
            body: { username: 'rc-bot', appKey: 'app-key-1', secret: 'app-secret-1', accessToken: 'dummy', accessTokenSecret: 'dummy' },
        });
        expect(agentSession).toMatchObject({
            method: 'POST',
            host: primaryAccountDomain,
            path: '/api/account/12345678/agentSession',
            query: { v: '1', NC: 'true' },
            body: { loginData: '' },
        });
        const bearer = agentSession.headers.authorization;
        expect(bearer).toMatch(/^Bearer .{8,}/);
        expect(info).toMatchObject({ method: 'GET', host: primaryAccountDomain, query: { v: '1', NC: 'true' } });
        expect(info.path).toMatch(new RegExp(`^/api/account/12345678/agentSession/[^/]+/participantExtendedInfo/${seedParticipantId}$`));
        expect(info.headers.authorization).toBe(bearer);
        for (const request of world.sim.requests) {
            expect(request.headers.accept).toBe('application/json');
            expect(request.headers['content-type']).toBe('application/json');
        }
    });

    it('warm (after the pre-warm the app runs when enabled): one request; cached: none', async () => {
        await world.prewarm();
        expect(routes()).toEqual(['domain 200', 'login 200', 'agentSession 201']);
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(routes()).toEqual(['participantInfo 200']);
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.externalIds);
        await world.roomAction(world.users.agent, world.rooms.externalIds);
        expect(routes()).toEqual([]);
    });

    it('user login sends user name and password, nothing else', async () => {
        await world.saveSettings({ lp_auth_type: 'password', lp_username: humanUser.username, lp_password: humanUser.password as string });
        await world.command(world.users.agent, world.rooms.externalIds);
        const login = world.sim.requests.find((request) => request.route === 'login');
        expect(login?.body).toEqual({ username: 'agent.smith', password: 's3cret-Passw0rd' });
        expect(world.panelText()).toContain('bank corp');
    });

    it('the keep-alive job refreshes a session in use with its csrf and cookie', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        const cookieBefore = world.sim.requests.some((request) => request.headers.cookie);
        world.sim.clearLog();
        world.advanceClock(4 * 60_000);
        await world.runDueJobs();
        expect(routes()).toEqual(['refresh 200']);
        const [refresh] = world.sim.requests;
        expect(refresh.body).toEqual({ csrf: expect.any(String) });
        expect(refresh.headers.cookie).toMatch(/^Session_id=/);
        // The cookie only ever travels on refresh and logout.
        expect(cookieBefore).toBe(false);
    });

    it('a refresh answered 401 (session gone) logs in again', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        world.sim.expireLoginSessions();
        world.sim.clearLog();
        world.advanceClock(4 * 60_000);
        await world.runDueJobs();
        expect(routes()).toEqual(['refresh 401', 'login 200']);
    });

    it('an idle session is left to expire; one due a refresh is refreshed in the background of a click', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        world.sim.clearLog();
        world.advanceClock(31 * 60_000);
        await world.runDueJobs();
        expect(routes()).toEqual([]);

        await world.command(world.users.agent, world.rooms.field);
        await waitFor(() => world.sim.count('refresh') === 1);
        expect(routes()).toEqual(['participantInfo 200', 'refresh 200']);
    });

    it('a session near the end of its lifetime is renewed before it ends, and the old one logged out', async () => {
        world.sim.setSessionTtlMs(60 * 60_000);
        await world.command(world.users.agent, world.rooms.externalIds);
        // Renewal starts 6 minutes (a tenth of the lifetime, at most 10) before the end.
        world.advanceClock(55 * 60_000);
        await world.command(world.users.agent, world.rooms.field);
        await waitFor(() => world.sim.count('refresh') === 1);
        world.sim.clearLog();
        await world.runDueJobs();
        await waitFor(() => world.sim.count('logout') === 1);
        expect(routes()).toEqual(['login 200', 'logout 200']);
    });

    it('a session LivePerson ended mid-flight: the refusal is checked with a refresh, then one new login, and the click still succeeds', async () => {
        await world.prewarm();
        world.advanceClock(2 * 60_000);
        world.sim.expireBearers();
        world.sim.expireLoginSessions();
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(routes()).toEqual(['participantInfo 401', 'refresh 401', 'login 200', 'agentSession 201', 'participantInfo 200']);
        expect(world.panelText()).toContain('bank corp');
    });

    it('a 401 on a session LivePerson accepted moments ago is that API refused to the user: no new login', async () => {
        await world.prewarm();
        world.sim.fault('participantInfo', { status: 401 });
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(routes()).toEqual(['participantInfo 401']);
        expect(readPanel(world.panel()).notices[0]?.text).toContain('LivePerson refused the app access to this information.');
        // A minute later the session is asked whether it is alive first: it is, so still no login.
        world.advanceClock(61_000);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(routes()).toEqual(['participantInfo 401', 'participantInfo 401', 'refresh 200']);
    });

    it('a second 401 in a row, after a new login, is final: never a loop', async () => {
        await world.prewarm();
        world.advanceClock(2 * 60_000);
        world.sim.expireBearers();
        world.sim.expireLoginSessions();
        world.sim.fault('participantInfo', { status: 401 });
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(routes()).toEqual(['participantInfo 401', 'refresh 401', 'login 200', 'agentSession 201', 'participantInfo 401']);
        expect(world.panelText()).toContain("LivePerson refused the app's login.");
    });

    it('a 401 while opening the agent session of a fresh login is final: no second login', async () => {
        world.sim.fault('agentSession', { status: 401 });
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(routes()).toEqual(['domain 200', 'login 200', 'agentSession 401']);
        expect(readPanel(world.panel()).notices[0]?.text).toContain('LivePerson refused the app access to this information.');
    });

    it('a click during a slow pre-warm login waits no longer than its own time limit', async () => {
        await world.saveSettings({ lp_timeout_ms: 700 });
        world.sim.setLatency('login', 3000);
        const prewarm = world.prewarm();
        await waitFor(() => world.sim.count('login') === 1);
        await world.command(world.users.agent, world.rooms.externalIds);
        // The click joined the login in flight and stopped waiting at its limit: the panel opened before the login ended.
        expect(world.sim.requests.find((request) => request.route === 'login')?.status).toBe(0);
        expect(world.panelText()).toContain("LivePerson didn't answer in time.");
        await prewarm;
        expect(world.sim.count('login')).toBe(1);
    });

    it('after disable and enable, the session the app logged out is not used again, though the store kept it', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        await world.disable();
        await world.enable();
        world.sim.clearLog();
        await world.prewarm();
        expect(routes()).toEqual(['login 200', 'agentSession 201']);
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.field);
        expect(routes()).toEqual(['participantInfo 200']);
    });

    it('an agent session not seen alive for minutes that answers 404 is recreated once', async () => {
        await world.prewarm();
        world.advanceClock(4 * 60_000 + 1000);
        world.sim.expireAgentSessions();
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(routes().filter((route) => !route.startsWith('refresh'))).toEqual(['participantInfo 404', 'agentSession 201', 'participantInfo 200']);
    });

    it('an agent session seen alive moments ago that answers 404 says the participant is unknown: no new agent session', async () => {
        await world.prewarm();
        world.sim.removeParticipant('12345678', seedParticipantId);
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(routes()).toEqual(['participantInfo 404']);
    });

    it('an unknown participant is remembered for a minute', async () => {
        world.sim.removeParticipant('12345678', seedParticipantId);
        await world.command(world.users.agent, world.rooms.externalIds);
        // Opened in this click: a 404 is about the participant, not the session.
        expect(routes()).toEqual(['domain 200', 'login 200', 'agentSession 201', 'participantInfo 404']);
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(routes()).toEqual([]);
        expect(world.panelText()).toContain('LivePerson has no participant with this id.');
        world.advanceClock(61_000);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(world.sim.count('participantInfo')).toBeGreaterThan(0);
    });

    it('429 with Retry-After: not retried in the click, and LivePerson is left alone until then', async () => {
        await world.prewarm();
        world.sim.fault('participantInfo', { status: 429, headers: { 'Retry-After': '20' } }, 1);
        world.sim.clearLog();
        const clicked = Date.now();
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(routes()).toEqual(['participantInfo 429']);
        await world.command(world.users.agent, world.rooms.field);
        expect(routes()).toEqual(['participantInfo 429']);
        // The app's clock runs on real time (the test clock only moves it ahead): the wait shown is the 20 s less the
        // time these two clicks took, rounded up. Exactly 20 when they took under a second, as they do unless the machine crawls.
        const seconds = Number(/Try Refresh in (\d+) s\./.exec(world.panelText())?.[1]);
        expect(seconds).toBeLessThanOrEqual(20);
        expect(seconds).toBeGreaterThanOrEqual(Math.ceil(20 - (Date.now() - clicked) / 1000));
        world.advanceClock(21_000);
        await world.command(world.users.agent, world.rooms.field);
        expect(routes()).toEqual(['participantInfo 429', 'participantInfo 200']);
    });

    it("429 without Retry-After waits LivePerson's minimum of one second", async () => {
        await world.prewarm();
        world.sim.fault('participantInfo', { status: 429 }, 1);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(world.panelText()).toContain('Try Refresh in 1 s.');
    });

    it('a 5xx is not retried inside the click', async () => {
        await world.prewarm();
        world.sim.fault('participantInfo', { status: 502 }, 1);
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(routes()).toEqual(['participantInfo 502']);
    });

    it('a hang ends at the time limit', async () => {
        await world.saveSettings({ lp_timeout_ms: 600 });
        await world.prewarm();
        world.sim.fault('participantInfo', { kind: 'hang' });
        world.host.http.length = 0;
        const clicked = Date.now();
        await world.command(world.users.agent, world.rooms.externalIds);
        // The request carried what was left of the 600 ms as its timeout, and the host ended it there.
        const [asked] = world.host.http;
        expect(asked).toMatchObject({ status: 'error', timeoutMs: expect.any(Number) });
        expect(asked.timeoutMs).toBeLessThanOrEqual(600);
        // What the click spent before sending is real time (the app reading the visitor, the runtime's round trips),
        // not test-clock time: at most the time from the click to the request's arrival at LivePerson.
        const arrived = world.sim.requests.find((request) => request.route === 'participantInfo')?.at ?? Infinity;
        expect(asked.timeoutMs).toBeGreaterThanOrEqual(600 - (arrived - clicked));
        expect(world.panelText()).toContain("LivePerson didn't answer in time.");
    });

    it('connection refused and connection reset are "can\'t be reached"', async () => {
        world.loopback.route.url = 'http://127.0.0.1:9';
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(world.panelText()).toContain("LivePerson can't be reached right now.");

        world.loopback.route.url = world.sim.url;
        world.sim.fault('participantInfo', { kind: 'reset' }, 1);
        await world.command(world.users.agent, world.rooms.field);
        expect(world.panelText()).toContain("LivePerson can't be reached right now.");
    });

    it.each([
        ['login', { kind: 'html', status: 200 } as const],
        ['domain', { kind: 'wrongTypes' } as const],
        ['agentSession', { kind: 'wrongTypes' } as const],
        ['login', { kind: 'malformedJson' } as const],
    ])('garbage from %s is an unexpected response', async (route, fault) => {
        world.sim.fault(route as 'login', fault, 1);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(world.panelText()).toContain("LivePerson sent an answer the app doesn't understand.");
    });

    it('concurrent clicks for one participant share one request; a cold start logs in once for everyone', async () => {
        await Promise.all([world.rooms.externalIds, world.rooms.field, world.rooms.unauthenticated].map((room) => world.command(world.users.agent, room)));
        expect(world.sim.count('domain')).toBe(1);
        expect(world.sim.count('login')).toBe(1);
        expect(world.sim.count('agentSession')).toBe(1);
        world.sim.setParticipant('12345678', stringNumbersParticipantId, { authenticatedParticipantInfo: { isUserAuthenticated: true, customerId: 'fresh' } });
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.field);
        world.advanceClock(11_000);
        await Promise.all(Array.from({ length: 10 }, () => world.refresh(world.users.agent, world.rooms.field)));
        expect(routes()).toEqual(['participantInfo 200']);
    });

    it('after three outages in a row the circuit opens: answers at once, says when it tries again, then probes', async () => {
        await world.prewarm();
        await world.openCircuit(world.users.agent, world.rooms.externalIds);
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.field);
        expect(routes()).toEqual([]);
        expect(world.panelText()).toContain("LivePerson can't be reached right now; the app tries again in 30 s.");
        world.advanceClock(31_000);
        await world.command(world.users.agent, world.rooms.field);
        expect(routes()).toEqual(['participantInfo 200']);
        expect(world.panelText()).toContain('Jane');
    });

    it('an hour-old domain is still used while a background call renews it', async () => {
        await world.prewarm();
        world.advanceClock(61 * 60_000);
        world.sim.clearLog();
        await world.prewarm();
        // Both hosts the app uses (the login answer listed them), renewed; the session stays: no new login.
        await waitFor(() => world.sim.count('domain') === 2);
        expect(world.sim.requests.map((request) => request.path.split('/')[5]).sort()).toEqual(['agentVep', 'msgHist']);
        expect(world.sim.count('login')).toBe(0);
    });

    it.each([
        ['chat', 'participantInfo', 'externalIds', 'agentVep'],
        ['Messaging', 'msgHistConsumer', 'messaging', 'msgHist'],
    ] as const)('after a connection failure (%s) the domain of that service is asked again, in the background', async (_product, route, room, service) => {
        await world.command(world.users.agent, world.rooms[room]);
        world.sim.fault(route, { kind: 'reset' }, 1);
        world.sim.clearLog();
        world.advanceClock(11_000);
        await world.refresh(world.users.agent, world.rooms[room]);
        expect(world.panelText()).toContain("LivePerson can't be reached right now.");
        await waitFor(() => world.sim.count('domain') === 1);
        expect(world.sim.requests.find((request) => request.route === 'domain')?.path).toContain(`/${service}`);
        // Same host as before: the session stays, the next click costs one request.
        world.advanceClock(11_000);
        await world.refresh(world.users.agent, world.rooms[room]);
        expect(world.sim.requests.map((request) => request.route)).toEqual([route, 'domain', route]);
    });

    it('every LivePerson log line names the step, the kind, the status, the reference and the duration', async () => {
        world.sim.fault('participantInfo', { status: 503, body: '{"internalCode":42}' }, 1);
        await world.command(world.users.agent, world.rooms.externalIds);
        const line = world.appLogLines().find((text) => text.includes('participantInfo') && text.startsWith('warning'));
        const [, fields] = JSON.parse((line ?? 'warning: []').slice('warning: '.length)) as [string, Record<string, unknown>];
        expect(fields).toEqual({
            step: 'participantInfo',
            kind: 'unavailable',
            status: 503,
            internalCode: 42,
            reference: expect.stringMatching(/^lp-[a-z0-9]{8}$/),
            durationMs: expect.any(Number),
        });
    });

    it('new credentials: the old session is logged out at once, and the whole settings burst costs one login', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        world.sim.clearLog();
        await world.saveSettings({ lp_account_id: '87654321', lp_app_key: 'app-key-2', lp_app_secret: 'app-secret-2' });
        await waitFor(() => world.sim.count('logout') === 1);
        expect(world.sim.count('login')).toBe(0);
        expect(world.scheduler.named(world.jobName(JOB_IDS.prewarm))).toHaveLength(1);
        // The pre-warm comes due 2 s after the save, and Agenda runs it.
        world.advanceClock(2500);
        await world.runDueJobs();
        expect(world.scheduler.named(world.jobName(JOB_IDS.prewarm))).toEqual([]);
        expect(routes()).toEqual(['logout 200', 'domain 200', 'login 200', 'agentSession 201']);
        expect(world.sim.requests.find((request) => request.route === 'login')?.host).toBe('lo.agentvep.liveperson.net');
    });

    it('disabling the app logs the session out', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        world.sim.clearLog();
        await world.disable();
        expect(routes()).toEqual(['logout 200']);
        expect(world.sim.activeBearers()).toEqual([]);
        await world.enable();
    });

    it('many participants: every one answered, the cache bounded by the client (see the unit test for the bound)', async () => {
        for (let i = 0; i < 5; i++) {
            world.sim.setParticipant('12345678', `p-${i}`, {
                ...seedParticipant,
                authenticatedParticipantInfo: { ...seedParticipant.authenticatedParticipantInfo, participantId: `p-${i}` },
            });
        }
        for (let i = 0; i < 5; i++) {
            world.workspace.updateVisitor(world.visitors.none.id, (visitor) => ({ ...visitor, livechatData: { lpParticipantId: `p-${i}` } }));
            await world.command(world.users.agent, world.rooms.none);
            // Found (the unverified profile waits behind its button), not failed.
            expect(readPanel(world.panel()).notices).toEqual([]);
            expect(world.panelText()).toContain('Show unverified profile');
        }
        expect(world.sim.count('participantInfo')).toBe(5);
    });
});
