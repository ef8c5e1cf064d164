import { agentActions } from '../support/actions';
import { shiftableClock } from '../support/clock';
import { PersistenceStore } from '../support/in-memory-host';
import { humanUser, primaryAccountDomain, seedParticipantId, stringNumbersParticipantId } from '../support/liveperson-fixtures';
import { expectPrivateAndSecret, shownPanel, surfaceText, waitFor } from '../support/observe';
import { perTestWorld, type Started } from '../support/perTestWorld';
import { startSampleWorld, type SampleWorld } from '../support/sample-world';

const routes = (world: SampleWorld) => world.sim.requests.map((request) => `${request.route} ${request.status}`);
const livePersonText = (world: SampleWorld) => surfaceText(shownPanel(world.host)).split('*LivePerson*')[1] ?? '';

describe('the LivePerson client, seen from LivePerson', () => {
    let world: SampleWorld;
    let act: Started['act'];
    let clock: ReturnType<typeof shiftableClock>;
    const start = perTestWorld((started) => ({ world, act } = started));
    beforeEach(() => {
        clock = shiftableClock();
    });
    afterEach(() => clock.restore());

    it('cold: Domain API, login, agent session, participant info, exactly as LivePerson documents them', async () => {
        await start();
        await act.command(world.users.agent, world.rooms.externalIds);
        const [domain, login, agentSession, info] = world.sim.requests;
        expect(routes(world)).toEqual(['domain 200', 'login 200', 'agentSession 201', 'participantInfo 200']);

        expect(domain).toMatchObject({ method: 'GET', host: 'api.liveperson.net', path: '/api/account/12345678/service/agentVep/baseURI.json', query: { version: '1.0' } });
        expect(login).toMatchObject({
            method: 'POST',
            host: primaryAccountDomain,
            path: '/api/account/12345678/login',
            query: { v: '1.3' },
            body: { username: 'rc-bot', appKey: 'app-key-1', secret: 'app-secret-1', accessToken: 'dummy', accessTokenSecret: 'dummy' },
        });
        expect(agentSession).toMatchObject({ method: 'POST', host: primaryAccountDomain, path: '/api/account/12345678/agentSession', query: { v: '1', NC: 'true' }, body: { loginData: '' } });
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
        await start();
        await act.prewarm();
        expect(routes(world)).toEqual(['domain 200', 'login 200', 'agentSession 201']);
        world.sim.clearLog();
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(routes(world)).toEqual(['participantInfo 200']);
        world.sim.clearLog();
        await act.command(world.users.agent, world.rooms.externalIds);
        await act.roomAction(world.users.agent, world.rooms.externalIds);
        expect(routes(world)).toEqual([]);
    });

    it('user login sends user name and password, nothing else', async () => {
        await start({ settings: { lp_auth_type: 'password', lp_username: humanUser.username, lp_password: humanUser.password } });
        await act.command(world.users.agent, world.rooms.externalIds);
        const login = world.sim.requests.find((request) => request.route === 'login');
        expect(login?.body).toEqual({ username: 'agent.smith', password: 's3cret-Passw0rd' });
        expect(livePersonText(world)).toContain('bank corp');
    });

    it('the keep-alive job refreshes a session in use with its csrf and cookie', async () => {
        await start();
        await act.command(world.users.agent, world.rooms.externalIds);
        const cookie = /Session_id=[^;]+/.exec(JSON.stringify(world.sim.requests.map((r) => r.headers)))?.[0];
        world.sim.clearLog();
        clock.advance(4 * 60_000);
        await world.host.runJob('lpvi-keep-alive');
        expect(routes(world)).toEqual(['refresh 200']);
        const [refresh] = world.sim.requests;
        expect(refresh.body).toEqual({ csrf: expect.any(String) });
        expect(refresh.headers.cookie).toMatch(/^Session_id=/);
        expect(cookie).toBeUndefined(); // the cookie only ever travels on refresh and logout
    });

    it('a refresh answered 401 (session gone) logs in again', async () => {
        await start();
        await act.command(world.users.agent, world.rooms.externalIds);
        world.sim.expireLoginSessions();
        world.sim.clearLog();
        clock.advance(4 * 60_000);
        await world.host.runJob('lpvi-keep-alive');
        expect(routes(world)).toEqual(['refresh 401', 'login 200']);
    });

    it('an idle session is left to expire; one older than 5 minutes is refreshed in the background of a click', async () => {
        await start();
        await act.command(world.users.agent, world.rooms.externalIds);
        world.sim.clearLog();
        clock.advance(31 * 60_000);
        await world.host.runJob('lpvi-keep-alive');
        expect(routes(world)).toEqual([]);

        await act.command(world.users.agent, world.rooms.field);
        await waitFor(() => world.sim.count('refresh') === 1);
        expect(routes(world)).toEqual(['participantInfo 200', 'refresh 200']);
    });

    it('a session near the end of its lifetime is renewed before it ends, and the old one logged out', async () => {
        await start({ sessionTtlMs: 60 * 60_000 });
        await act.command(world.users.agent, world.rooms.externalIds);
        // Renewal starts 6 minutes (a tenth of the lifetime, at most 10) before the end.
        clock.advance(55 * 60_000);
        await act.command(world.users.agent, world.rooms.field);
        await waitFor(() => world.sim.count('refresh') === 1);
        world.sim.clearLog();
        await world.host.runJob('lpvi-keep-alive');
        await waitFor(() => world.sim.count('logout') === 1);
        expect(routes(world)).toEqual(['login 200', 'logout 200']);
    });

    it('a bearer expired mid-flight costs one new login and the click still succeeds', async () => {
        await start();
        await act.prewarm();
        world.sim.expireBearers();
        world.sim.clearLog();
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(routes(world)).toEqual(['participantInfo 401', 'login 200', 'agentSession 201', 'participantInfo 200']);
        expect(livePersonText(world)).toContain('bank corp');
    });

    it('a second 401 in a row is a hard login failure, never a loop', async () => {
        await start();
        await act.prewarm();
        world.sim.fault('participantInfo', { status: 401 });
        world.sim.clearLog();
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(routes(world)).toEqual(['participantInfo 401', 'login 200', 'agentSession 201', 'participantInfo 401']);
        expect(livePersonText(world)).toContain("LivePerson refused the app's login.");
    });

    it('a 401 while opening the agent session is the click\'s one retry: a 401 after it is final', async () => {
        await start();
        world.sim.fault('agentSession', { status: 401 }, 1);
        world.sim.fault('participantInfo', { status: 401 });
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(routes(world)).toEqual(['domain 200', 'login 200', 'agentSession 401', 'login 200', 'agentSession 201', 'participantInfo 401']);
        expect(livePersonText(world)).toContain("LivePerson refused the app's login.");
    });

    it('a click during a slow pre-warm login waits no longer than its own time limit', async () => {
        await start({ settings: { lp_timeout_ms: 700 } });
        world.sim.setLatency('login', 3000);
        const prewarm = act.prewarm();
        await waitFor(() => world.sim.count('login') === 1);
        const started = Date.now();
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(Date.now() - started).toBeLessThan(1200);
        expect(livePersonText(world)).toContain("LivePerson didn't answer in time.");
        await prewarm;
        expect(world.sim.count('login')).toBe(1);
    });

    it('after disable and enable the stored (logged out) session is checked, not trusted', async () => {
        await start();
        await act.command(world.users.agent, world.rooms.externalIds);
        await world.host.disableApp();
        await world.host.enableApp();
        world.sim.clearLog();
        await act.prewarm();
        expect(routes(world)).toEqual(['refresh 401', 'login 200', 'agentSession 201']);
        world.sim.clearLog();
        await act.command(world.users.agent, world.rooms.field);
        expect(routes(world)).toEqual(['participantInfo 200']);
    });

    it('a stale agent session is recreated once', async () => {
        await start();
        await act.prewarm();
        world.sim.expireAgentSessions();
        world.sim.clearLog();
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(routes(world)).toEqual(['participantInfo 404', 'agentSession 201', 'participantInfo 200']);
    });

    it('an unknown participant is remembered for a minute', async () => {
        await start();
        world.sim.removeParticipant('12345678', seedParticipantId);
        await act.command(world.users.agent, world.rooms.externalIds);
        // Opened in this click: a 404 is about the participant, not the session.
        expect(routes(world)).toEqual(['domain 200', 'login 200', 'agentSession 201', 'participantInfo 404']);
        world.sim.clearLog();
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(routes(world)).toEqual([]);
        expect(livePersonText(world)).toContain('LivePerson has no participant with this id.');
        clock.advance(61_000);
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(world.sim.count('participantInfo')).toBeGreaterThan(0);
    });

    it('429 with Retry-After: not retried in the click, and LivePerson is left alone until then', async () => {
        await start();
        await act.prewarm();
        world.sim.fault('participantInfo', { status: 429, headers: { 'Retry-After': '20' } }, 1);
        world.sim.clearLog();
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(routes(world)).toEqual(['participantInfo 429']);
        await act.command(world.users.agent, world.rooms.field);
        expect(routes(world)).toEqual(['participantInfo 429']);
        expect(livePersonText(world)).toMatch(/Try Refresh in (19|20) s\./);
        clock.advance(21_000);
        await act.command(world.users.agent, world.rooms.field);
        expect(routes(world)).toEqual(['participantInfo 429', 'participantInfo 200']);
    });

    it('429 without Retry-After waits LivePerson’s minimum of one second', async () => {
        await start();
        await act.prewarm();
        world.sim.fault('participantInfo', { status: 429 }, 1);
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(livePersonText(world)).toContain('Try Refresh in 1 s.');
    });

    it('a 5xx is not retried inside the click', async () => {
        await start();
        await act.prewarm();
        world.sim.fault('participantInfo', { status: 502 }, 1);
        world.sim.clearLog();
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(routes(world)).toEqual(['participantInfo 502']);
    });

    it('a hang ends at the time limit', async () => {
        await start({ settings: { lp_timeout_ms: 600 } });
        await act.prewarm();
        world.sim.fault('participantInfo', { kind: 'hang' });
        const started = Date.now();
        await act.command(world.users.agent, world.rooms.externalIds);
        const elapsed = Date.now() - started;
        expect(elapsed).toBeGreaterThanOrEqual(550);
        expect(elapsed).toBeLessThan(1100);
        expect(livePersonText(world)).toContain("LivePerson didn't answer in time.");
    });

    it('connection refused and connection reset are "can\'t be reached"', async () => {
        await start({ routeTo: 'http://127.0.0.1:9' });
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(livePersonText(world)).toContain("LivePerson can't be reached right now.");

        await start();
        world.sim.fault('participantInfo', { kind: 'reset' }, 1);
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(livePersonText(world)).toContain("LivePerson can't be reached right now.");
    });

    it.each([
        ['login', { kind: 'html', status: 200 } as const],
        ['domain', { kind: 'wrongTypes' } as const],
        ['agentSession', { kind: 'wrongTypes' } as const],
        ['login', { kind: 'malformedJson' } as const],
    ])('garbage from %s is an unexpected response', async (route, fault) => {
        await start();
        world.sim.fault(route as 'login', fault, 1);
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(livePersonText(world)).toContain("LivePerson sent an answer the app doesn't understand.");
    });

    it('concurrent clicks for one participant share one request; a cold start logs in once for everyone', async () => {
        await start();
        await Promise.all([world.rooms.externalIds, world.rooms.field, world.rooms.unauthenticated].map((room) => act.command(world.users.agent, room)));
        expect(world.sim.count('domain')).toBe(1);
        expect(world.sim.count('login')).toBe(1);
        expect(world.sim.count('agentSession')).toBe(1);
        world.sim.setParticipant('12345678', stringNumbersParticipantId, { authenticatedParticipantInfo: { isUserAuthenticated: true, customerId: 'fresh' } });
        world.sim.clearLog();
        await Promise.all(Array.from({ length: 10 }, () => act.refresh(world.users.agent, world.rooms.field)));
        expect(routes(world)).toEqual(['participantInfo 200']);
    });

    it('after three outages in a row the circuit opens: answers at once, says when it tries again, then probes', async () => {
        await start();
        await act.prewarm();
        world.sim.fault('participantInfo', { status: 503 }, 3);
        for (let i = 0; i < 3; i++) {
            await act.refresh(world.users.agent, world.rooms.externalIds).catch(() => act.command(world.users.agent, world.rooms.externalIds));
        }
        world.sim.clearLog();
        await act.command(world.users.agent, world.rooms.field);
        expect(routes(world)).toEqual([]);
        expect(livePersonText(world)).toContain("LivePerson can't be reached right now; the app tries again in 30 s.");
        clock.advance(31_000);
        await act.command(world.users.agent, world.rooms.field);
        expect(routes(world)).toEqual(['participantInfo 200']);
        expect(livePersonText(world)).toContain('Jane');
    });

    it('new credentials: the old session is logged out at once, and the whole settings burst costs one login', async () => {
        await start();
        await act.command(world.users.agent, world.rooms.externalIds);
        world.sim.clearLog();
        await world.host.setSettings({ lp_account_id: '87654321', lp_app_key: 'app-key-2', lp_app_secret: 'app-secret-2' });
        await waitFor(() => world.sim.count('logout') === 1);
        expect(world.sim.count('login')).toBe(0);
        const prewarms = world.host.scheduledJobs().filter((job) => job.id === 'lpvi-prewarm' && !job.cancelled && !job.done);
        expect(prewarms).toHaveLength(1);
        await world.host.runJob('lpvi-prewarm');
        expect(routes(world)).toEqual(['logout 200', 'domain 200', 'login 200', 'agentSession 201']);
        expect(world.sim.requests.find((request) => request.route === 'login')?.host).toBe('lo.agentvep.liveperson.net');
    });

    it('two Rocket.Chat instances over one database share one LivePerson session', async () => {
        const persistence = new PersistenceStore();
        await start({ persistence });
        const second = await startSampleWorld({ persistence, sim: world.sim });
        try {
            await Promise.all([act.prewarm(), agentActions(second).prewarm()]);
            expect(world.sim.count('login')).toBe(1);
            world.sim.clearLog();
            await agentActions(second).command(second.users.agent, second.rooms.externalIds);
            await act.command(world.users.agent, world.rooms.field);
            expect(routes(world)).toEqual(['participantInfo 200', 'participantInfo 200']);
            expectPrivateAndSecret(second);
        } finally {
            await second.stop();
        }
    });

    it('disabling the app logs the session out', async () => {
        await start();
        await act.command(world.users.agent, world.rooms.externalIds);
        world.sim.clearLog();
        await world.host.disableApp();
        expect(routes(world)).toEqual(['logout 200']);
        expect(world.sim.activeBearers()).toEqual([]);
    });
});
