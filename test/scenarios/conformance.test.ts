/**
 * LivePerson's own documented examples, verbatim, fed through the simulator into the packaged app: every call the
 * app makes, answered as LivePerson's pages show it (test/support/liveperson-docs.ts names each page's source).
 * What the docs document must never hide a profile; where an example contradicts its own field table, the table
 * is followed, and the test says so.
 */
import {
    closedConversationId,
    partialConsumerId,
    primaryAccountId,
    seedParticipant,
    seedParticipantId,
    singleContactObjectParticipantId,
    undefinedCompanySizeParticipantId,
} from '../support/liveperson-fixtures';
import { DOCUMENTED, engagementAttributesWithoutLead, type DocumentedExample } from '../support/liveperson-docs';
import { useWorld } from '../support/useWorld';
import { readPanel } from '../support/world';

const world = useWorld({ settings: { lp_mask_pii: false } });
const panel = () => readPanel(world.panel());
/** A documented answer as the simulator sends it ('' where the page says "OK with empty body"). */
const answer = ({ response }: DocumentedExample) => ({ status: response?.status ?? 200, body: response?.body ?? '' });
const requested = () => world.host.http.map((exchange) => new URL(exchange.url).hostname);

describe('Domain API (developers.liveperson.com/domain-api.html)', () => {
    it('the single-service answer, with its mixed-case host ("exampleDomain.liveperson.net"), is lower-cased and used', async () => {
        world.sim.reply('domain', answer(DOCUMENTED.domainService));
        await world.command(world.users.agent, world.rooms.externalIds);
        // The login goes to the documented host, lower-cased (the test network knows no such host: it stops there).
        expect(requested().slice(0, 2)).toEqual(['api.liveperson.net', 'exampledomain.liveperson.net']);
        expect(world.host.http[1].url).toBe('https://exampledomain.liveperson.net/api/account/12345678/login?v=1.3');
        expect(panel().notices[0]?.text).toContain("LivePerson can't be reached right now.");
    });

    it('the page’s list answer, shown for the same URL, is read as a list: it names no agentVep host, so no credentials go anywhere', async () => {
        world.sim.reply('domain', answer(DOCUMENTED.domainBulk));
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(requested()).toEqual(['api.liveperson.net']);
        expect(panel().notices[0]?.text).toContain("LivePerson sent an answer the app doesn't understand.");
        expect(world.appLogLines().join('\n')).toContain('LivePerson sent no host for agentVep to the domain request');
    });
});

describe('Login Service', () => {
    it.each([
        ['user login (login-service-api-methods-user-login.html)', DOCUMENTED.loginUser, { lp_auth_type: 'password', lp_password: 's3cret-Passw0rd' }],
        ['application login (login-service-api-methods-application-login.html)', DOCUMENTED.loginApplication, {}],
    ])(
        '%s: the documented answer is a session; its bearer goes with the next call, its host outside liveperson.net is ignored and said',
        async (_name, example, settings) => {
            await world.saveSettings(settings);
            world.sim.reply('login', { ...answer(example), headers: { 'Set-Cookie': 'Session_id=doc-session; Path=/; Secure; HttpOnly' } });
            await world.command(world.users.agent, world.rooms.externalIds);
            const agentSession = world.sim.requests.find((request) => request.route === 'agentSession');
            expect(agentSession?.headers.authorization).toBe('Bearer 9cf6ee24b6a1031e202f292a0ad20c8f52bfd9f01abc8b9489365995052c6603');
            expect(world.appLogLines().some((line) => line.includes('listed a host outside liveperson.net'))).toBe(true);
            expect(requested().every((host) => host.endsWith('.liveperson.net'))).toBe(true);
        },
    );

    it('the documented request bodies are what the app sends: the OAuth2 body with "dummy" tokens; or user name and password', async () => {
        const keysOf = (body: unknown) => Object.keys(body as object).sort();
        const logins = () => world.sim.requests.filter((request) => request.route === 'login');
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(keysOf(logins()[0].body)).toEqual(keysOf(JSON.parse(DOCUMENTED.loginApplication.request.body)));
        expect(logins()[0].body).toMatchObject({ accessToken: 'dummy', accessTokenSecret: 'dummy' });
        await world.saveSettings({ lp_auth_type: 'password', lp_password: 's3cret-Passw0rd' });
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(logins()).toHaveLength(2);
        expect(keysOf(logins()[1].body)).toEqual(keysOf(JSON.parse(DOCUMENTED.loginUser.request.body)));
    });

    it.each([
        ['refresh', DOCUMENTED.refresh],
        ['logout', DOCUMENTED.logout],
    ] as const)('the %s request is sent as documented: the URL, POST, the csrf in the body', async (route, example) => {
        await world.command(world.users.agent, world.rooms.externalIds);
        if (route === 'refresh') {
            world.advanceClock(4 * 60_000);
            await world.runDueJobs();
        } else {
            await world.disable();
        }
        const [sent] = world.sim.requests.filter((request) => request.route === route);
        expect(sent.method).toBe(example.request.method);
        expect(example.request.url).toBe(`https://{domain}${sent.path.replace(`/${primaryAccountId}/`, '/{accountId}/')}`);
        // The page shows no version; LivePerson's own agent SDK sends v=1.3, and so does the app.
        expect(sent.query).toEqual({ v: '1.3' });
        expect(Object.keys(sent.body as object)).toEqual(Object.keys(JSON.parse(example.request.body)));
        if (route === 'logout') await world.enable();
    });

    it('refresh (login-service-api-methods-refresh.html): "OK with empty body" keeps the session; the wrapped csrf 401 ends it, internalCode 10 in the log', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        world.sim.reply('refresh', answer(DOCUMENTED.refresh), 1);
        world.advanceClock(4 * 60_000);
        await world.runDueJobs();
        expect(world.sim.requests.filter((request) => request.route === 'refresh').map((request) => request.status)).toEqual([200]);
        const [csrfInvalid] = DOCUMENTED.refresh.otherResponses ?? [];
        world.sim.reply('refresh', { status: csrfInvalid.status, body: csrfInvalid.body ?? '' }, 1);
        world.advanceClock(4 * 60_000);
        await world.runDueJobs();
        expect(world.sim.count('login')).toBe(2);
        expect(world.appLogLines().some((line) => line.includes('"internalCode":10'))).toBe(true);
    });

    it('logout (login-service-api-methods-logout.html): "OK with empty body" on disable', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        world.sim.reply('logout', answer(DOCUMENTED.logout));
        await world.disable();
        expect(world.sim.requests.filter((request) => request.route === 'logout').map((request) => request.status)).toEqual([200]);
        await world.enable();
    });
});

describe('Chat Agent API', () => {
    it('start agent session (chat-agent-api-methods-start-agent-session.html): 201, no Location; the id is the last segment of the @href', async () => {
        world.sim.reply('agentSession', answer(DOCUMENTED.startAgentSession));
        await world.command(world.users.agent, world.rooms.externalIds);
        const info = world.sim.requests.find((request) => request.route === 'participantInfo');
        // The page's placeholder "{agentSession Id}" is taken as the id, encoded into the next path.
        expect(info?.path).toContain('/agentSession/%7BagentSession%20Id%7D/participantExtendedInfo/');
    });

    it('retrieve participant info (chat-agent-api-methods-retrieve-participant-info.html): every field of the documented answer shows', async () => {
        await world.saveSettings({ lp_show_sensitive: true });
        world.sim.reply('participantInfo', answer(DOCUMENTED.participantInfo));
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(panel().name).toBe('Test User');
        expect(panel().state).toMatchObject({ title: 'Verified by LivePerson', text: expect.stringMatching(/^VIP · Cancelled\./) });
        expect(Object.fromEntries(panel().fields)).toMatchObject({
            Email: 'testuser@liveperson.com',
            Phone: '+1-10-344-3765333',
            'Customer id': '57ac-072a-5d10-4506-721f-9ebf',
            Balance: '-400.99',
            IMEI: '3543546543545688',
            'Social id': '11256324780',
            'LivePerson user name': 'testuser',
        });
        expect(world.sim.requests.find((request) => request.route === 'participantInfo')?.path).toContain(seedParticipantId);
    });
});

describe('Messaging Interactions API', () => {
    const CONSUMER = 'f92c9890-2c95-428b-8a32-083528620d31';

    it('the consumer search is sent as documented (…-get-conversations-by-consumer-id.html): the URL, source at most 20 characters, status required', async () => {
        await world.command(world.users.agent, world.rooms.messaging);
        const [search] = world.sim.requests.filter((request) => request.route === 'msgHistConsumer');
        expect(DOCUMENTED.consumerSearch.request?.url).toContain(search.path.replace('/12345678/', '/{accountID}/'));
        expect(search.query.source.length).toBeLessThanOrEqual(20);
        expect(search.body).toMatchObject({ status: ['OPEN', 'CLOSE'] });
        expect(Number(search.query.limit)).toBeLessThanOrEqual(100);
    });

    it('the conversation search is sent as documented (…-get-conversation-by-conversation-id.html): the URL, POST, source at most 20 characters', async () => {
        // The link names a conversation the consumer search does not bring: the app asks for it by its id.
        world.linkMessaging(partialConsumerId, { conversationId: closedConversationId });
        await world.command(world.users.agent, world.rooms.messaging);
        const [search] = world.sim.requests.filter((request) => request.route === 'msgHistConversation');
        expect(search.method).toBe(DOCUMENTED.conversationSearch.request.method);
        expect(DOCUMENTED.conversationSearch.request.url).toContain(search.path.replace(`/${primaryAccountId}/`, '/{accountID}/'));
        expect(search.query.source.length).toBeLessThanOrEqual(20);
    });

    it('the conversations answer (messaging-interactions-api-methods-conversations.html): its consumer’s conversation, outcome and summary show', async () => {
        world.linkMessaging(CONSUMER);
        world.sim.reply('msgHistConsumer', answer(DOCUMENTED.messagingConversationsAnswer));
        await world.command(world.users.agent, world.rooms.messaging);
        // The example's record says "csatRate" where the field table says "csat": both are read.
        expect(panel().sections.get('Earlier conversations')?.[0]).toMatchObject({
            headline: expect.stringContaining('LivePerson · Aug 29, 2016'),
            details: [
                // An open conversation shows no duration; LivePerson's codes read as words.
                'still open · michal@lp.com · Unassigned · APP · closed: manual close · CSAT 5/5 · positive sentiment',
                '“summary”',
            ],
        });
    });

    it('the engagement-attributes answer (messaging-interactions-api-engagement-attributes.html) as published is not JSON (its LEAD event): refused, never half read', async () => {
        world.linkMessaging(CONSUMER);
        world.sim.reply('msgHistConsumer', answer(DOCUMENTED.messagingEngagementAttributesAnswer));
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().notices[0]?.text).toContain("LivePerson sent an answer the app doesn't understand.");
    });

    it('its nine valid events, under the example’s key `consumerParticipant`: the field table says `consumerParticipants`, so the record names no consumer', async () => {
        world.linkMessaging(CONSUMER);
        world.sim.reply('msgHistConsumer', { status: 200, body: engagementAttributesWithoutLead() });
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().state).toMatchObject({ title: 'Not found in LivePerson' });
    });

    it('the same events under the field table’s key: the authenticated profile shows, and every page-sent attribute is marked as not verified', async () => {
        world.linkMessaging(CONSUMER);
        world.sim.reply('msgHistConsumer', {
            status: 200,
            body: engagementAttributesWithoutLead().replace('"consumerParticipant": [', '"consumerParticipants": ['),
        });
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().name).toBe('dummyName dummySurename');
        expect(panel().fields.get('Customer id')).toBe('12345678');
        const activity = panel().sections.get('Activity') ?? [];
        expect(activity.length).toBeGreaterThanOrEqual(7);
        for (const entry of activity) expect(entry.details.at(-1)).toBe('From the web page, not verified');
        // The page's unauthenticated customer info never becomes the profile.
        expect(world.panelText()).not.toContain('rollleeee');
    });
});

describe('the other shapes LivePerson documents: one field that does not read never hides the rest', () => {
    /** A supervisor links the unlinked visitor to `participantId`, then the serving agent opens the panel. */
    const open = async (participantId: string) => {
        await world.command(world.users.manager, world.rooms.none, 'link', participantId);
        await world.command(world.users.agent, world.rooms.none);
    };

    it('`contacts` as one object, not a list (as LivePerson sends a single entry): its email and phone show', async () => {
        await open(singleContactObjectParticipantId);
        expect(panel().name).toBe('Li Chen');
        expect(Object.fromEntries(panel().fields)).toMatchObject({ Email: 'li.chen@example.com', Phone: '+1-415-555-0142', 'Customer id': 'CUST-3141' });
    });

    it('"undefined" as a value is nothing: the company shows, no company size, and nothing is said to be unreadable', async () => {
        await open(undefinedCompanySizeParticipantId);
        expect(panel().fields.get('Account')).toBe('Haddad Trading');
        expect(world.panelText()).not.toContain('undefined');
        await world.click(world.users.agent, { actionId: 'lpvi-details' }, world.rooms.none);
        expect(panel().fields.has('Left out')).toBe(false);
    });

    it('a registration date and a company size that do not read are left out and named; every other field shows', async () => {
        world.sim.setParticipant(primaryAccountId, seedParticipantId, {
            ...seedParticipant,
            authenticatedParticipantInfo: {
                ...seedParticipant.authenticatedParticipantInfo,
                registrationDate: { year: 'soon', month: 13, day: 1 },
                companySize: 'a few',
            },
        });
        await open(seedParticipantId);
        expect(Object.fromEntries(panel().fields)).toMatchObject({
            Email: 'testuser@liveperson.com',
            'Customer id': '57ac-072a-5d10-4506-721f-9ebf',
            Account: 'bank corp',
        });
        expect(panel().fields.has('Customer since')).toBe(false);
        await world.click(world.users.agent, { actionId: 'lpvi-details' }, world.rooms.none);
        expect(panel().fields.get('Left out')).toBe("LivePerson sent these in a form the app can't read: Customer since, Company size.");
    });
});
