/**
 * The panel an agent reads in two seconds: who this is, whether LivePerson vouches for them, how to reach them;
 * then the details, grouped by what an agent uses; technical ids behind a toggle.
 */
import { seedParticipantId, stringNumbersParticipantId, twoContactsParticipant, unauthenticatedParticipantId } from '../support/liveperson-fixtures';
import { useWorld } from '../support/useWorld';
import { readPanel, SSO_APP_ID } from '../support/world';

const world = useWorld();
const UNMASKED = { lp_mask_pii: false, lp_show_sensitive: true };
const panel = () => readPanel(world.panel());

describe('the header: who is this, and is it verified?', () => {
    it('a visitor a sign-in app linked: LivePerson’s verified name, a success state with type and status, the ways to reach them', async () => {
        await world.saveSettings(UNMASKED);
        await world.command(world.users.agent, world.rooms.externalIds);
        const shown = panel();
        expect(shown.name).toBe('Test User');
        expect(shown.alsoKnownAs).toBe('Postman Test Visitor');
        expect(shown.state).toEqual({ variant: 'success', title: 'Verified by LivePerson', text: 'VIP · Cancelled' });
        expect(shown.fields.get('Email')).toBe('testuser@liveperson.com');
        expect(shown.fields.get('Phone')).toBe('+1-10-344-3765333');
        // The header comes first: name, state, reach, before any detail.
        const ids = (world.panel()?.blocks as Array<{ blockId: string }>).map((block) => block.blockId);
        expect(ids.slice(0, 4)).toEqual(['header-name', 'header-aka', 'header-state', 'header-reach-fields-0']);
    });

    it('Refresh sits in the header, beside the name', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        const [first] = world.panel()?.blocks as Array<{ blockId: string; accessory?: { actionId: string; text: { text: string } } }>;
        expect(first.accessory).toMatchObject({ actionId: 'lpvi-refresh', text: { text: 'Refresh' } });
    });

    it('a visitor an agent linked: an information state saying who linked them and when, in the agent’s time zone', async () => {
        await world.command(world.users.agent, world.rooms.none, 'link', seedParticipantId);
        await world.command(world.users.agent, world.rooms.none);
        expect(panel().state).toMatchObject({
            variant: 'info',
            title: 'Linked by an agent',
            text: expect.stringMatching(/^VIP · Cancelled\. Linked by Alice Agent, .+\(UTC\)\.$/),
        });
        expect(panel().name).toBe('Test User');
    });

    it('a visitor-editable id: a warning, and the name the visitor gave', async () => {
        await world.command(world.users.agent, world.rooms.field);
        expect(panel().state).toMatchObject({ variant: 'warning', title: 'Unverified: visitor-editable id' });
        expect(panel().name).toBe('Jane Doe');
    });

    it('a visitor who did not sign in to LivePerson: a warning, and no reference (nothing failed)', async () => {
        await world.command(world.users.agent, world.rooms.unauthenticated);
        expect(panel().state).toEqual({
            variant: 'warning',
            title: 'Not signed in to LivePerson',
            text: "This visitor hasn't signed in through LivePerson, so there is no verified profile.",
        });
    });

    it('a visitor not linked: information, with what an agent can do about it', async () => {
        await world.command(world.users.agent, world.rooms.none);
        expect(panel().state).toMatchObject({ variant: 'info', title: 'Not linked to LivePerson', text: expect.stringContaining('/visitorinfo link <id>') });
        expect(JSON.stringify(world.panel())).not.toMatch(/[\u200b-\u200f\u2060\ufeff]/);
    });

    it('LivePerson unavailable: a danger state with the sentence and a reference that is in the log', async () => {
        world.sim.fault('participantInfo', { status: 503 }, 1);
        await world.command(world.users.agent, world.rooms.externalIds);
        const state = panel().state;
        expect(state).toMatchObject({ variant: 'danger', title: 'LivePerson unavailable' });
        const reference = /Reference: (lp-[a-z0-9]{8})\./.exec(state?.text ?? '')?.[1];
        expect(reference).toBeDefined();
        expect(world.appLogLines().some((line) => line.includes(reference as string))).toBe(true);
        // The Rocket.Chat side still shows.
        expect(panel().name).toBe('Postman Test Visitor');
        expect(panel().fields.get('Department')).toBe('Billing');
    });

    it('reach: each email and phone once, whichever source has it', async () => {
        await world.saveSettings(UNMASKED);
        world.workspace.updateVisitor(world.visitors.externalIds.id, (visitor) => ({
            ...visitor,
            visitorEmails: [{ address: 'TESTUSER@liveperson.com' }, { address: 'other@example.com' }],
        }));
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(panel().fields.get('Emails')).toBe('testuser@liveperson.com, other@example.com');
        expect(panel().fields.get('Phone numbers')).toBe('+1-10-344-3765333, +15551234567');
    });
});

describe('the details, grouped by what an agent uses', () => {
    it('customer, contact, conversation: every field of both views, nothing masked when the admin says so', async () => {
        await world.saveSettings(UNMASKED);
        await world.command(world.users.agent, world.rooms.externalIds);
        const { fields } = panel();
        expect(Object.fromEntries(fields)).toMatchObject({
            'Customer id': '57ac-072a-5d10-4506-721f-9ebf',
            'Customer type': 'VIP',
            'Customer status': 'Cancelled',
            Account: 'bank corp',
            Role: 'broker',
            'Company size': '500',
            'Customer since': 'May 23, 2013',
            Balance: '-400.99',
            'Last payment': 'Oct 15, 2014',
            IMEI: '3543546543545688',
            'Social id': '11256324780',
            'Name in Rocket.Chat': 'Postman Test Visitor',
            'Name in LivePerson': 'Test User',
            'LivePerson user name': 'testuser',
            Department: 'Billing',
            'Visitor status': 'Online',
            'First contact': 'Jun 5, 2026, 11:22 AM (UTC)',
            plan: 'gold',
            customerSince: '2019',
        });
        expect(panel().textObjects.map((object) => object.text)).toContain('From LivePerson just now.');
    });

    it('technical ids come last, behind a toggle that redraws the same panel', async () => {
        await world.saveSettings(UNMASKED);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(panel().fields.has('Visitor id')).toBe(false);
        world.sim.clearLog();
        await world.click(world.users.agent, { label: 'Show technical details' }, world.rooms.externalIds);
        const last = world.host.web.surfaces[world.host.web.surfaces.length - 1];
        expect(last).toMatchObject({ type: 'contextual_bar.update', dropped: false });
        expect(Object.fromEntries(panel().fields)).toMatchObject({
            'Visitor id': '6a22b1765528fa64dd29de70',
            'Rocket.Chat username': 'guest-10',
            'LivePerson product': 'Chat (Chat Agent API)',
            'Participant id': seedParticipantId,
            'Id found in': `the external id of app ${SSO_APP_ID}`,
            'Signed in to LivePerson': 'Yes',
            'External ids': `app ${SSO_APP_ID} · ${seedParticipantId} · channel=web-sso`,
        });
        // From the cache: the toggle asks LivePerson nothing.
        expect(world.sim.count()).toBe(0);
        await world.click(world.users.agent, { label: 'Hide technical details' }, world.rooms.externalIds);
        expect(panel().fields.has('Visitor id')).toBe(false);
    });

    it('sensitive fields (balance, last payment, IMEI, social id) stay hidden unless the admin allows them', async () => {
        await world.saveSettings({ lp_mask_pii: false });
        await world.command(world.users.agent, world.rooms.externalIds);
        for (const label of ['Balance', 'Last payment', 'IMEI', 'Social id']) expect(panel().fields.has(label)).toBe(false);
        expect(JSON.stringify(world.panel())).not.toContain('3543546543545688');
    });

    it('numbers sent as strings are shown as numbers, and a participant with two contacts shows both', async () => {
        await world.saveSettings(UNMASKED);
        await world.command(world.users.agent, world.rooms.field);
        expect(panel().fields.get('Company size')).toBe('25');
        expect(panel().fields.get('Customer since')).toBe('Jul 4, 2019');
        world.sim.setParticipant('12345678', seedParticipantId, twoContactsParticipant);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(panel().fields.get('Emails')).toContain('m.rossi@work.example.org');
        expect(panel().fields.get('Phone numbers')).toContain('+39-333-555-0199');
    });

    it('a cached profile says how old it is, in words', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        world.advanceClock(3 * 60_000 + 5000);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(panel().textObjects.map((object) => object.text)).toContain('From LivePerson 3 minutes ago.');
    });
});

describe('masking keeps what an agent needs', () => {
    it('emails keep their first letters and domain, phones and identifiers their last 4, names and metadata stay', async () => {
        await world.saveSettings({ lp_show_sensitive: true });
        world.workspace.updateVisitor(world.visitors.externalIds.id, (visitor) => ({
            ...visitor,
            livechatData: { plan: 'gold', backupEmail: 'jane@example.org', mobile: '+44 20 7946 0958' },
            externalIds: [
                ...(visitor.externalIds ?? []),
                { appId: 'whatsapp-app', entityId: 'wa-447700900123', metadata: { username: 'jane.whatsapp', linkedAt: '2026-06-05T11:22:30.717Z' } },
            ],
        }));
        await world.command(world.users.agent, world.rooms.externalIds);
        await world.click(world.users.agent, { actionId: 'lpvi-details' }, world.rooms.externalIds);
        const fields = Object.fromEntries(panel().fields);
        expect(fields).toMatchObject({
            Email: 'te••••@liveperson.com',
            Phone: '••••5333',
            'Customer id': '••••9ebf',
            IMEI: '••••5688',
            'LivePerson user name': '••••user',
            backupEmail: 'ja••••@example.org',
            mobile: '••••0958',
            plan: 'gold',
            'Name in LivePerson': 'Test User',
            'Participant id': '••••8822',
        });
        expect(fields['External ids']).toContain(`app ${SSO_APP_ID} · ••••8822 · channel=web-sso`);
        expect(fields['External ids']).toContain('app whatsapp-app · ••••0123 · username=••••sapp · linkedAt=2026-06-05T11:22:30.717Z');
        expect(panel().textObjects.map((object) => object.text)).toContain('Emails, phone numbers and identifiers are masked, as set by your admin.');
    });

    it('a value of 4 characters or fewer is masked by its kind, not turned into bullets only', async () => {
        world.sim.setParticipant('12345678', stringNumbersParticipantId, {
            authenticatedParticipantInfo: { isUserAuthenticated: true, userName: 'jdoe', customerId: '42' },
            authenticatedPersonalInfo: { contacts: [{ email: 'jo@x.io', phone: '1234' }] },
        });
        await world.command(world.users.agent, world.rooms.field);
        expect(Object.fromEntries(panel().fields)).toMatchObject({ 'LivePerson user name': 'j•••', 'Customer id': '4•••', Email: 'j••••@x.io', Phone: '•••4' });
    });
});

describe('values people read, in their language', () => {
    it('the Portuguese agent reads the panel in Portuguese, dates in their time zone', async () => {
        await world.saveSettings(UNMASKED);
        await world.command(world.users.agentPt, world.rooms.portuguese);
        const shown = panel();
        expect(shown.state?.title).not.toBe('Verified by LivePerson');
        expect(shown.fields.get('Departamento') ?? [...shown.fields.values()].join()).toContain('Billing');
        expect([...shown.fields.values()].join(' ')).toMatch(/\(UTC−3\)/);
    });
});

describe('the panel opens, and only for those allowed', () => {
    it('from the room action: the same panel', async () => {
        await world.roomAction(world.users.agent, world.rooms.externalIds);
        expect(world.host.web.surfaces).toEqual([expect.objectContaining({ type: 'contextual_bar.open', dropped: false })]);
        expect(panel().name).toBe('Test User');
    });

    it('the room action is registered for livechat rooms and view-l-room holders', async () => {
        expect(await world.manager.getUIActionButtonManager().getAllActionButtons()).toEqual([
            expect.objectContaining({
                actionId: 'lpvi-room-action',
                context: 'roomAction',
                labelI18n: 'room_action_label',
                when: { roomTypes: ['livechat'], hasOnePermission: ['view-l-room'] },
            }),
        ]);
    });

    it('Refresh fetches again past the cache and redraws the same panel', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        const opened = world.panel();
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(world.sim.count()).toBe(0);
        await world.refresh(world.users.agent, world.rooms.externalIds);
        expect(world.sim.count('participantInfo')).toBe(1);
        const last = world.host.web.surfaces[world.host.web.surfaces.length - 1];
        expect(last).toMatchObject({ type: 'contextual_bar.update', dropped: false });
        expect(last.view?.id).toBe(opened?.id);
    });

    it('without a triggerId (some mobile clients) the same information arrives as a private message, in blocks', async () => {
        await world.saveSettings(UNMASKED);
        await world.commandWithoutTrigger(world.users.agent, world.rooms.externalIds);
        expect(world.host.web.surfaces).toEqual([]);
        expect(world.host.notices).toEqual([expect.objectContaining({ userId: world.users.agent.id, roomId: world.rooms.externalIds.id })]);
        const message = readPanel({ blocks: world.host.notices[0].blocks } as never);
        expect(message.name).toBe('Test User');
        expect(message.fields.get('Account')).toBe('bank corp');
        expect(world.host.notices[0].text).toContain("Your client can't open the panel here");
    });

    it('an agent not serving the room is refused, told to ask a supervisor, and LivePerson is not asked', async () => {
        await world.command(world.users.otherAgent, world.rooms.externalIds);
        await world.roomAction(world.users.otherAgent, world.rooms.externalIds);
        expect(world.host.web.surfaces).toEqual([]);
        expect(world.host.notices).toHaveLength(2);
        expect(world.lastNoticeText()).toContain(
            "You can't see this visitor's details: only the agent serving the conversation and supervisors can. Ask a supervisor if you need them.",
        );
        expect(world.lastNoticeText()).not.toContain('livechat-manager');
        expect(world.sim.count('participantInfo')).toBe(0);
    });

    it('a manager may see any conversation, and look a visitor up by id', async () => {
        await world.command(world.users.manager, world.rooms.externalIds);
        expect(panel().name).toBe('Test User');
        await world.command(world.users.manager, world.rooms.channel, world.visitors.field.id);
        expect(panel().name).toBe('Jane Doe');
    });

    it('in a room that is not livechat, /visitorinfo says where it works; an unknown id gets visitor-not-found', async () => {
        await world.command(world.users.agent, world.rooms.channel);
        expect(world.lastNoticeText()).toContain('/visitorinfo works in omnichannel (livechat) rooms.');
        await world.command(world.users.manager, world.rooms.channel, 'abcdefghijklmnopq');
        expect(world.lastNoticeText()).toContain('There is no visitor with the id abcdefghijklmnopq [visitor-not-found].');
        await world.command(world.users.manager, world.rooms.channel);
        expect(world.lastNoticeText()).toContain('Give a visitor id: /visitorinfo <visitorId> [invalid-params].');
        await world.command(world.users.agent, world.rooms.channel, world.visitors.none.id);
        expect(world.lastNoticeText()).toContain('Only supervisors can look up a visitor by id.');
        expect(world.host.web.surfaces).toEqual([]);
    });

    it('help lists the subcommands; an unknown word is named first', async () => {
        await world.command(world.users.agent, world.rooms.channel, 'help');
        const help = world.lastNoticeText();
        for (const sub of ['/visitorinfo refresh', '/visitorinfo link <id>', '/visitorinfo unlink', '/visitorinfo status', '/visitorinfo <visitorId>'])
            expect(help).toContain(sub);
        await world.command(world.users.agent, world.rooms.channel, 'hlep');
        expect(world.lastNoticeText()).toContain('I don\'t know "hlep". Here is what /visitorinfo can do:');
        expect(world.lastNoticeText()).toContain('/visitorinfo status');
    });

    it('the command registers with its i18n description, parameters and the view-l-room permission', async () => {
        expect([...world.host.commands.values()]).toEqual([
            {
                appId: world.appId,
                command: expect.objectContaining({
                    command: 'visitorinfo',
                    i18nDescription: 'visitorinfo_command_description',
                    i18nParamsExample: 'visitorinfo_command_params',
                    permission: 'view-l-room',
                }),
            },
        ]);
    });

    it('the visitor token never appears, whatever the settings', async () => {
        await world.saveSettings(UNMASKED);
        await world.command(world.users.agent, world.rooms.externalIds);
        await world.commandWithoutTrigger(world.users.agent, world.rooms.field);
        await world.click(world.users.agent, { actionId: 'lpvi-details' }, world.rooms.field);
        // expectPrivateAndSecret (after each test) checks every token against every output.
        expect(world.tokens.length).toBe(5);
    });
});

describe('every state keeps the Rocket.Chat data and opens in time', () => {
    afterEach(() => {
        expect(world.host.web.surfaces.filter((surface) => !surface.dropped).length).toBeGreaterThan(0);
        expect(panel().fields.get('Name in Rocket.Chat')).toBeDefined();
    });

    it.each([
        ['not configured', async () => world.saveSettings({ lp_account_id: '' }), "LivePerson isn't set up yet."],
        [
            'misconfigured',
            async () => world.saveSettings({ lp_domain: 'https://va.agentvep.liveperson.net/' }),
            'The LivePerson settings are incomplete or invalid.',
        ],
        ['unknown participant', async () => world.sim.removeParticipant('12345678', seedParticipantId), 'LivePerson has no participant with this id.'],
        ['access refused (451)', async () => world.sim.fault('participantInfo', { status: 451 }, 1), 'LivePerson refused access for this account or user.'],
        [
            'rate limited',
            async () => world.sim.fault('participantInfo', { status: 429, headers: { 'Retry-After': '30' } }, 1),
            'LivePerson asked the app to slow down. Try Refresh in 30 s.',
        ],
        ['down (503)', async () => world.sim.fault('participantInfo', { status: 503 }, 1), "LivePerson can't be reached right now."],
        [
            'an HTML page',
            async () => world.sim.fault('participantInfo', { kind: 'html', status: 200 }, 1),
            "LivePerson sent an answer the app doesn't understand.",
        ],
        [
            'malformed JSON',
            async () => world.sim.fault('participantInfo', { kind: 'malformedJson' }, 1),
            "LivePerson sent an answer the app doesn't understand.",
        ],
    ])('%s', async (_name, arrange, sentence) => {
        await arrange();
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(panel().state?.text).toContain(sentence);
    });

    it('an id a visitor typed that cannot be an id is not sent', async () => {
        world.workspace.updateVisitor(world.visitors.none.id, (visitor) => ({ ...visitor, livechatData: { lpParticipantId: '../../admin' } }));
        await world.command(world.users.agent, world.rooms.none);
        expect(panel().state).toMatchObject({
            variant: 'warning',
            title: 'Unusable LivePerson id',
            text: expect.stringContaining('the visitor field lpParticipantId'),
        });
        expect(world.sim.count('participantInfo')).toBe(0);
    });

    it('LivePerson hung: the panel still opens inside the time limit', async () => {
        await world.saveSettings({ lp_timeout_ms: 800 });
        world.sim.fault('participantInfo', { kind: 'hang' });
        const started = Date.now();
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(Date.now() - started).toBeLessThan(1500);
        expect(world.host.web.surfaces[0].openedAfterMs).toBeLessThan(1500);
        expect(panel().state?.text).toContain("LivePerson didn't answer in time.");
    });

    it('a user who may not see the visitor is still told', async () => {
        await world.command(world.users.agent, world.rooms.unauthenticated);
        expect(panel().state?.title).toBe('Not signed in to LivePerson');
        expect(world.sim.requests.find((request) => request.route === 'participantInfo')?.path).toContain(unauthenticatedParticipantId);
    });
});
