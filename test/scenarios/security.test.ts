/**
 * The app tried as an attacker, a hostile visitor, a misbehaving LivePerson or proxy, and a careless admin would
 * try it: credentials only go to LivePerson, visitor text stays text, and a profile says how far it can be trusted.
 */
import { parseMessage } from '../support/messageParser';

import { primaryAccountDomain, seedParticipant, seedParticipantId, stringNumbersParticipantId } from '../support/liveperson-fixtures';
import { useWorld, waitFor } from '../support/useWorld';
import { readPanel } from '../support/world';

const world = useWorld();
const LIVEPERSON_URL = /^https:\/\/[a-z0-9.-]+\.liveperson\.net\//;

/** Every request the app handed to the host's HTTP, refused ones included: none may leave liveperson.net. */
const expectOnlyLivePerson = () => {
    for (const instance of world.instances) {
        for (const exchange of instance.recorder.http) expect(exchange.url).toMatch(LIVEPERSON_URL);
    }
};
afterEach(expectOnlyLivePerson);

describe('credentials only go to LivePerson', () => {
    it.each(['evil.example', 'user@evil.example', 'va.agentvep.liveperson.net:8443', '127.0.0.1', 'va.agentvep.liveperson.net.evil.example'])(
        'a poisoned Domain API answer (%s) gets no credentials',
        async (baseURI) => {
            world.sim.fault('domain', { status: 200, body: JSON.stringify({ service: 'agentVep', account: '12345678', baseURI }) });
            await world.command(world.users.agent, world.rooms.externalIds);
            expect(readPanel(world.panel()).notices[0]?.text).toContain("LivePerson sent an answer the app doesn't understand.");
            expect(world.sim.count('login')).toBe(0);
            expect(world.host.http.map((exchange) => new URL(exchange.url).hostname)).toEqual(['api.liveperson.net']);
        },
    );

    it('a poisoned login answer does not redirect the next login', async () => {
        const poisoned = {
            bearer: 'b'.repeat(40),
            csrf: 'c'.repeat(20),
            sessionTTl: '28800000',
            csdsCollectionResponse: { baseURIs: [{ service: 'agentVep', account: '12345678', baseURI: 'evil.example' }] },
        };
        world.sim.fault('login', { status: 200, body: JSON.stringify(poisoned), headers: { 'Set-Cookie': 'Session_id=s123; Path=/' } }, 1);
        await world.command(world.users.agent, world.rooms.externalIds);
        // That bearer and cookie mean nothing to LivePerson: once the login is over a minute old, a refusal is checked
        // with a refresh, which fails, and the app logs in again, on the host the Domain API named.
        world.advanceClock(61_000);
        await world.refresh(world.users.agent, world.rooms.externalIds);
        const logins = world.sim.requests.filter((request) => request.route === 'login');
        expect(logins.length).toBe(2);
        expect(readPanel(world.panel()).fields.get('Account')).toBe('bank corp');
        for (const login of logins) expect(login.host).toBe(primaryAccountDomain);
        expect(world.appLogLines().some((line) => line.includes('listed a host outside liveperson.net'))).toBe(true);
    });

    it.each(['evil.example', 'va.agentvep.liveperson.com', '127.0.0.1', '169.254.169.254', 'localhost', 'va.agentvep.liveperson.net.evil.example'])(
        'an agentVep host setting of %p is refused: nothing is sent, and status names the setting and why',
        async (domain) => {
            await world.saveSettings({ lp_domain: domain });
            await world.command(world.users.agent, world.rooms.externalIds);
            expect(readPanel(world.panel()).state).toMatchObject({
                variant: 'warning',
                text: expect.stringContaining('The LivePerson settings are incomplete or invalid'),
            });
            await world.command(world.users.admin, world.rooms.channel, 'status');
            const report = world.lastNoticeText();
            expect(report).toContain('agentVep host (optional)');
            expect(report).toMatch(/must be a host under liveperson\.net|isn't a valid host name/);
            expect(world.sim.count()).toBe(0);
            expect(world.host.http).toEqual([]);
        },
    );
});

describe('visitor text stays text', () => {
    const HOSTILE = [
        '@all',
        '@here',
        '@alice.agent',
        'https://evil.example/pay',
        'evil.example',
        '192.168.0.1',
        'jane@evil.example',
        '> quoted',
        '- listed',
        '- [x] task',
        '||spoiler||',
        '*bold* _it_ ~st~ `code`',
        '[click](https://evil.example)',
        '<https://evil.example|here>',
    ];
    /** Markup the client would draw from a mrkdwn text. */
    const MARKUP =
        /"type":"(LINK|MENTION_USER|MENTION_CHANNEL|QUOTE|UNORDERED_LIST|ORDERED_LIST|TASKS|SPOILER|INLINE_CODE|CODE|BOLD|ITALIC|STRIKE|EMOJI|COLOR|INLINE_KATEX|KATEX|BIG_EMOJI|IMAGE)"/g;

    beforeEach(async () => {
        await world.saveSettings({ lp_mask_pii: false, lp_show_sensitive: true });
        world.workspace.updateVisitor(world.visitors.externalIds.id, (visitor) => ({
            ...visitor,
            name: HOSTILE.join(' '),
            // Custom field names are the host's data too (an integration may write any key).
            livechatData: { ...Object.fromEntries(HOSTILE.map((value, index) => [`field${index}`, value])), '[key](https://evil.example/key)': 'value' },
            visitorEmails: [{ address: 'jane@evil.example' }],
        }));
        world.sim.setParticipant('12345678', seedParticipantId, {
            authenticatedParticipantInfo: {
                ...seedParticipant.authenticatedParticipantInfo,
                accountName: '@all https://evil.example',
                customerType: '||vip||',
                role: '> admin',
            },
            authenticatedPersonalInfo: { name: '@here', surname: '[x](https://evil.example)', contacts: [{ email: 'boss@evil.example', phone: '- 555' }] },
        });
    });

    const expectNoMarkupFromData = (texts: Array<{ type: string; text: string }>) => {
        for (const object of texts.filter((candidate) => candidate.type === 'mrkdwn')) {
            for (const hostile of [...HOSTILE, 'evil.example', '@here', '> admin']) expect(object.text).not.toContain(hostile);
            // The app's own labels are bold and nothing else.
            const tokens = JSON.stringify(parseMessage(object.text)).match(MARKUP) ?? [];
            expect(tokens.filter((token) => !token.includes('BOLD'))).toEqual([]);
        }
        expect(texts.filter((object) => object.type === 'plain_text').some((object) => object.text.includes('https://evil.example'))).toBe(true);
    };

    it('in the panel, no value becomes a link, mention, quote, list, task or spoiler', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        await world.click(world.users.agent, { actionId: 'lpvi-details' }, world.rooms.externalIds);
        expectNoMarkupFromData(readPanel(world.panel()).textObjects);
    });

    it('in the private message (no panel), the same: sent as blocks, data in plain text', async () => {
        await world.commandWithoutTrigger(world.users.agent, world.rooms.externalIds);
        const [notice] = world.host.notices;
        expect(notice.blocks?.length).toBeGreaterThan(5);
        expect(notice.text).not.toContain('evil.example');
        expectNoMarkupFromData(readPanel({ blocks: notice.blocks } as never).textObjects);
    });

    it('help after an unknown word quotes the word as text', async () => {
        await world.command(world.users.agent, world.rooms.channel, '@all');
        const blocks = world.host.notices[0].blocks as Array<{ text?: { type: string; text: string } }>;
        expect(blocks[0].text).toEqual({ type: 'plain_text', text: 'I don\'t know "@all". Here is what /visitorinfo can do:', emoji: false });
    });
});

describe('a visitor cannot choose whose verified profile the agent sees', () => {
    it('a participant id in a visitor field is marked visitor-editable: not verified, greeted by the Rocket.Chat name', async () => {
        world.workspace.updateVisitor(world.visitors.field.id, (visitor) => ({ ...visitor, livechatData: { lpParticipantId: seedParticipantId } }));
        await world.command(world.users.agent, world.rooms.field);
        const panel = readPanel(world.panel());
        expect(panel.state).toMatchObject({
            variant: 'warning',
            title: 'Unverified: visitor-editable id',
            text: expect.stringContaining('The visitor can edit this id'),
        });
        expect(panel.name).toBe('Jane Doe');
        expect(panel.fields.has('Name in LivePerson')).toBe(false);
        await world.click(world.users.agent, { label: 'Show unverified profile' }, world.rooms.field);
        expect(readPanel(world.panel()).fields.get('Name in LivePerson')).toBe('Test User');
        expect(readPanel(world.panel()).name).toBe('Jane Doe');
    });

    it('the field route is off unless an admin names a field', async () => {
        await world.saveSettings({ lp_participant_field: '' });
        await world.command(world.users.agent, world.rooms.field);
        expect(readPanel(world.panel()).state).toMatchObject({ variant: 'info', title: 'Not linked to LivePerson' });
        expect(world.sim.count('participantInfo')).toBe(0);
    });

    it('link checks with LivePerson first: an id LivePerson does not know is not linked', async () => {
        await world.command(world.users.manager, world.rooms.none, 'link', 'no-such-participant-1');
        expect(world.lastNoticeText()).toContain('LivePerson has no participant with the id no-such-participant-1, so nothing was linked.');
        expect(world.workspace.visitors.get(world.visitors.none.id)?.externalIds).toBeUndefined();
        expect(world.workspace.recordsOf(world.appId).filter((record) => JSON.stringify(record).includes('link:'))).toEqual([]);
    });

    it('a link says who made it and when, kept in app persistence, not in the visitor’s external ids', async () => {
        await world.command(world.users.manager, world.rooms.none, 'link', seedParticipantId);
        expect(world.lastNoticeText()).toContain(`Linked this visitor to the LivePerson participant ${seedParticipantId}, after LivePerson confirmed the id.`);
        const [entry] = world.workspace.visitors.get(world.visitors.none.id)?.externalIds ?? [];
        expect(entry).toEqual({ appId: world.appId, entityId: `lp:12345678:${seedParticipantId}`, metadata: { linkedAt: expect.any(String) } });
        expect(world.workspace.recordsOf(world.appId).map((record) => record.data)).toContainEqual(
            expect.objectContaining({
                visitorId: world.visitors.none.id,
                linkedBy: { id: world.users.manager.id, username: 'maria.manager', name: 'Maria Manager' },
            }),
        );
        await world.command(world.users.agent, world.rooms.none);
        expect(readPanel(world.panel()).state).toMatchObject({
            variant: 'info',
            title: 'Linked by a supervisor',
            text: expect.stringContaining('Linked by Maria Manager'),
        });
    });
});

describe('back-off: LivePerson is asked less, never locked out', () => {
    it.each([
        ['31536000', 900],
        ['Fri, 01 Jan 2099 00:00:00 GMT', 900],
    ])('a Retry-After of %p is held to 15 minutes', async (retryAfter, seconds) => {
        world.sim.fault('participantInfo', { status: 429, headers: { 'Retry-After': retryAfter } }, 1);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(readPanel(world.panel()).notices[0]?.text).toContain(`LivePerson asked the app to slow down. Try Refresh in ${seconds} s.`);
    });

    it('a refused login is not retried on every click: 10 clicks and the jobs make at most 2 login attempts', async () => {
        await world.saveSettings({ lp_app_secret: 'wrong-secret' });
        for (let click = 0; click < 10; click++) {
            await world.command(world.users.agent, click % 2 ? world.rooms.field : world.rooms.externalIds);
        }
        await world.prewarm();
        world.advanceClock(4 * 60_000);
        await world.runDueJobs();
        // The first refusal, and one more after its minute of back-off (the job ran 4 minutes later).
        expect(world.sim.count('login')).toBe(2);
        expect(readPanel(world.panel()).notices[0]?.text).toContain("LivePerson refused the app's login");
        // The second back-off (2 minutes) passes: exactly one more attempt, not one per click meanwhile.
        for (let click = 0; click < 5; click++) await world.command(world.users.agent, world.rooms.externalIds, 'refresh');
        expect(world.sim.count('login')).toBe(2);
        world.advanceClock(2 * 60_000 + 1000);
        for (let click = 0; click < 5; click++) await world.command(world.users.agent, world.rooms.externalIds, 'refresh');
        expect(world.sim.count('login')).toBe(3);
    });

    it('the admin’s status test waits out the back-off too, and says so', async () => {
        await world.saveSettings({ lp_app_secret: 'wrong-secret' });
        await world.command(world.users.agent, world.rooms.externalIds);
        const attempts = world.sim.count('login');
        await world.command(world.users.admin, world.rooms.channel, 'status');
        await world.command(world.users.admin, world.rooms.channel, 'status');
        expect(world.sim.count('login')).toBe(attempts);
        const fields = readPanel({ blocks: world.host.notices[world.host.notices.length - 1].blocks } as never).fields;
        expect(fields.get('Login')).toMatch(
            /^Failed in \d+ ms: not tried: the login waits 1 min after LivePerson refused it \(HTTP 401\)\. Correct the credentials and save to end the wait\.$/,
        );
    });

    it('status logs in afresh and ends the session it replaced at LivePerson', async () => {
        await world.prewarm();
        const [before] = world.sim.activeBearers();
        await world.command(world.users.admin, world.rooms.channel, 'status');
        await waitFor(() => world.sim.count('logout') === 1);
        expect(world.sim.activeBearers()).not.toContain(before);
        expect(world.sim.activeBearers()).toHaveLength(1);
    });

    it('new credentials end the back-off at once', async () => {
        await world.saveSettings({ lp_app_secret: 'wrong-secret' });
        await world.command(world.users.agent, world.rooms.externalIds);
        await world.saveSettings({ lp_app_secret: 'app-secret-1' });
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(readPanel(world.panel()).notices).toEqual([]);
        expect(readPanel(world.panel()).fields.get('Customer id')).toBe('••••9ebf');
    });

    it('a session lifetime of 1 ms is not believed: 6 clicks over 24 s, one login', async () => {
        world.sim.setSessionTtlMs(1);
        // Three visitors in turn, 4 s apart: each Refresh is past the floor of its own participant.
        const rooms = [world.rooms.externalIds, world.rooms.field, world.rooms.unauthenticated];
        for (let click = 0; click < 6; click++) {
            world.advanceClock(4_000);
            await world.command(world.users.agent, rooms[click % 3], 'refresh');
        }
        expect(world.sim.count('participantInfo')).toBe(6);
        expect(world.sim.count('login')).toBe(1);
    });
});

describe('bounds: nothing makes the panel huge', () => {
    it('a 100 KB name, 5,000 custom fields and 2,000 external ids make a view under 100 KB, saying how many more', async () => {
        world.workspace.updateVisitor(world.visitors.externalIds.id, (visitor) => ({
            ...visitor,
            name: 'N'.repeat(100_000),
            livechatData: Object.fromEntries(Array.from({ length: 5000 }, (_, index) => [`field${index}`, `value-${index}`])),
            externalIds: [
                ...(visitor.externalIds ?? []),
                ...Array.from({ length: 2000 }, (_, index) => ({ appId: `app-${index}`, entityId: `entity-${index}`, metadata: { channel: 'x'.repeat(500) } })),
            ],
        }));
        await world.command(world.users.agent, world.rooms.externalIds);
        await world.click(world.users.agent, { actionId: 'lpvi-details' }, world.rooms.externalIds);
        await world.click(world.users.agent, { actionId: 'lpvi-host-fields' }, world.rooms.externalIds);
        const view = JSON.stringify(world.panel());
        expect(view.length).toBeLessThan(100_000);
        expect(view).toContain('and 4980 more');
        expect(view).toContain('and 1991 more');
    });

    it('a 12 MB LivePerson string makes no 12 MB view', async () => {
        // The bound is the point, not the clock: 12 MB through the runtime takes about a second, so the click gets the longest time limit.
        await world.saveSettings({ lp_timeout_ms: 3500 });
        world.sim.setParticipant('12345678', seedParticipantId, {
            authenticatedParticipantInfo: { isUserAuthenticated: true, participantId: seedParticipantId, accountName: 'A'.repeat(12_000_000) },
        });
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(JSON.stringify(world.panel()).length).toBeLessThan(100_000);
        expect(readPanel(world.panel()).fields.get('Account')).toMatch(/^A+…$/);
    });
});

describe('robust parsing', () => {
    it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('a participant field named %p does not crash the panel', async (field) => {
        await world.saveSettings({ lp_participant_field: field });
        await world.command(world.users.agent, world.rooms.none);
        expect(readPanel(world.panel()).state).toMatchObject({ title: 'Not linked to LivePerson' });
        expect(world.host.notices).toEqual([]);
    });

    it.each([
        ['{}', '{}'],
        ['another service’s JSON', '{"baseURI":"va.agentvep.liveperson.net","service":"agentVep"}'],
    ])('a 200 that is no participant-info document (%s) is an invalid answer, and is not cached', async (_name, body) => {
        await world.prewarm();
        world.sim.fault('participantInfo', { status: 200, body }, 1);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(readPanel(world.panel()).notices[0]?.text).toContain("LivePerson sent an answer the app doesn't understand.");
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(world.sim.count('participantInfo')).toBe(2);
        expect(readPanel(world.panel()).notices).toEqual([]);
    });

    it('a click that read the settings before a save never brings the old credentials back', async () => {
        world.sim.setLatency('login', 600);
        const slow = world.command(world.users.agent, world.rooms.externalIds);
        await waitFor(() => world.sim.count('login') === 1);
        await world.saveSettings({ lp_account_id: '87654321', lp_app_key: 'app-key-2', lp_app_secret: 'app-secret-2' });
        await slow;
        world.sim.setLatency('login', 0);
        await world.command(world.users.agent, world.rooms.field);
        await world.command(world.users.agent, world.rooms.field);
        const logins = world.sim.requests.filter((request) => request.route === 'login').map((request) => (request.body as { appKey: string }).appKey);
        // The slow click's login, made with the old key, then one login with the new key, which both later clicks share.
        expect(logins).toEqual(['app-key-1', 'app-key-2']);
        await waitFor(() => world.sim.activeBearers().length <= 1);
    });
});

describe('refresh keeps what was shown', () => {
    it('Refresh on a panel opened by visitor id redraws that visitor, from a channel too', async () => {
        await world.command(world.users.manager, world.rooms.channel, world.visitors.field.id);
        expect(readPanel(world.panel()).name).toBe('Jane Doe');
        world.advanceClock(11_000);
        await world.refresh(world.users.manager, world.rooms.channel);
        expect(readPanel(world.panel()).name).toBe('Jane Doe');
        expect(world.host.notices).toEqual([]);
        expect(world.sim.count('participantInfo')).toBe(2);
    });

    it('Refresh while LivePerson fails keeps the last known profile and says how old it is', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        world.advanceClock(3 * 60_000);
        world.sim.fault('participantInfo', { status: 503 }, 1);
        await world.refresh(world.users.agent, world.rooms.externalIds);
        const panel = readPanel(world.panel());
        expect(panel.name).toBe('Test User');
        expect(panel.fields.get('Account')).toBe('bank corp');
        expect(panel.notices).toEqual([
            expect.objectContaining({ variant: 'warning', title: "Couldn't refresh", text: expect.stringContaining('3 minutes ago') }),
        ]);
    });
});

describe('logs', () => {
    it('an unexpected error is logged by its name and stack frames, never its message', async () => {
        world.workspace.failures.set('findVisitorById', 'lookup failed for jane.doe@example.org\nsecond line with +44 20 7946 0958');
        await world.command(world.users.agent, world.rooms.field);
        expect(world.lastNoticeText()).toMatch(/Something went wrong while showing the visitor\. .*reference lp-[a-z0-9]{8}/);
        const logged = world.appLogLines().join('\n');
        expect(logged).toMatch(/Unexpected \w*Error while handling a request \[lp-/);
        expect(logged).not.toContain('jane.doe@example.org');
        expect(logged).not.toContain('7946');
    });
});

it('the field route’s stored id is used as given, never the visitor’s other fields', async () => {
    await world.command(world.users.agent, world.rooms.field);
    expect(world.sim.requests.filter((request) => request.route === 'participantInfo').map((request) => request.path.split('/').pop())).toEqual([
        stringNumbersParticipantId,
    ]);
});
