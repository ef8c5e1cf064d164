/**
 * The panel an agent reads in two seconds: who this is and whether LivePerson vouches for them, how to reach them,
 * then what an agent uses; what Rocket.Chat already shows and the technical ids behind toggles. How values are
 * worded, masked and dated is tested on the pure modules (test/unit); here, that the packaged app draws it.
 */
import { seedParticipantId, unauthenticatedParticipantId } from '../support/liveperson-fixtures';
import { useWorld } from '../support/useWorld';
import { buttonsOf, readPanel, SSO_APP_ID } from '../support/world';

const world = useWorld();
const UNMASKED = { lp_mask_pii: false, lp_show_sensitive: true };
const panel = () => readPanel(world.panel());
const blockIds = () => (world.panel()?.blocks as Array<{ blockId: string }>).map((block) => block.blockId);

describe('the top: who is this, and is it verified?', () => {
    it('a visitor a sign-in app linked: LivePerson’s name as the title, a success state with type and status, then how to reach them', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        const shown = panel();
        expect(shown.name).toBe('Test User');
        expect(shown.state).toEqual({
            variant: 'success',
            title: 'Verified by LivePerson',
            text: 'VIP · Cancelled. A sign-in app linked this visitor to their LivePerson profile.',
        });
        expect(Object.fromEntries(shown.fields)).toMatchObject({
            'Name in Rocket.Chat': 'Postman Test Visitor',
            Email: 'te••••@liveperson.com',
            Phone: '••••5333',
        });
        expect(blockIds().slice(0, 3)).toEqual(['header-state', 'header-reach-fields-0', 'header-actions']);
        expect(buttonsOf(world.panel()!).find((button) => button.blockId === 'header-actions')).toMatchObject({ actionId: 'lpvi-refresh', label: 'Refresh' });
    });

    it('every value appears once: no second name, email, phone, type or status below the top', async () => {
        await world.saveSettings(UNMASKED);
        await world.command(world.users.agent, world.rooms.externalIds);
        const text = JSON.stringify(world.panel());
        for (const value of ['Test User', 'Postman Test Visitor', 'testuser@liveperson.com', '+1-10-344-3765333', 'VIP', 'Cancelled']) {
            expect({ value, times: text.split(value).length - 1 }).toEqual({ value, times: 1 });
        }
    });

    it('a visitor a supervisor linked: information saying who linked them and when', async () => {
        await world.command(world.users.manager, world.rooms.none, 'link', seedParticipantId);
        await world.command(world.users.agent, world.rooms.none);
        expect(panel().state).toMatchObject({
            variant: 'info',
            title: 'Linked by a supervisor',
            text: expect.stringMatching(/^VIP · Cancelled\. Linked by Maria Manager, .+\(UTC\)\.$/),
        });
        expect(panel().name).toBe('Test User');
    });

    it('a visitor-editable id: a warning to verify first, the name the visitor gave, and LivePerson’s data behind a button', async () => {
        await world.command(world.users.agent, world.rooms.field);
        expect(panel().state).toMatchObject({
            variant: 'warning',
            title: 'Unverified: visitor-editable id',
            text: expect.stringContaining('verify who they are'),
        });
        expect(panel().name).toBe('Jane Doe');
        expect(panel().fields.has('Customer id')).toBe(false);
        world.sim.clearLog();
        await world.click(world.users.agent, { label: 'Show unverified profile' }, world.rooms.field);
        expect(panel().fields.get('Customer id')).toBe('••••0042');
        expect(panel().state?.title).toBe('Unverified: visitor-editable id');
        // The last answer, redrawn: LivePerson is not asked again.
        expect(world.sim.count()).toBe(0);
    });

    it('a visitor not linked: what a supervisor or the website can do about it', async () => {
        await world.command(world.users.agent, world.rooms.none);
        expect(panel().state).toMatchObject({
            variant: 'info',
            title: 'Not linked to LivePerson',
            text: expect.stringContaining('A supervisor can link one with /visitorinfo link <id>'),
        });
        expect(JSON.stringify(world.panel())).not.toMatch(/[\u200b-\u200f\u2060\ufeff]/);
    });

    it('LivePerson failing for a verified visitor: still "Verified by LivePerson", with the failure beside it and a reference that is in the log', async () => {
        world.sim.fault('participantInfo', { status: 503 }, 1);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(panel().state).toMatchObject({ variant: 'success', title: 'Verified by LivePerson' });
        const [notice] = panel().notices;
        expect(notice).toMatchObject({ variant: 'danger', title: 'LivePerson unavailable' });
        const reference = /Reference: (lp-[a-z0-9]{8})\./.exec(notice.text)?.[1];
        expect(world.appLogLines().some((line) => line.includes(reference as string))).toBe(true);
        // The Rocket.Chat side still shows, greeted by the Rocket.Chat name.
        expect(panel().name).toBe('Postman Test Visitor');
        expect(panel().fields.get('Email')).toBe('po••••@example.com');
    });

    it('a chat participant who did not sign in: a warning first, no green "verified" above it, and no reference (nothing failed)', async () => {
        await world.command(world.users.agent, world.rooms.unauthenticated);
        expect(panel().state).toEqual({
            variant: 'warning',
            title: 'Not signed in to LivePerson',
            text: "This visitor hasn't signed in through LivePerson, so there is no verified profile.",
        });
        expect(panel().notices).toEqual([]);
        expect(world.sim.requests.find((request) => request.route === 'participantInfo')?.path).toContain(unauthenticatedParticipantId);
    });
});

describe('what an agent uses, and what stays folded', () => {
    it('the customer, every field once, sensitive ones only when the admin allows them', async () => {
        await world.saveSettings(UNMASKED);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(Object.fromEntries(panel().fields)).toMatchObject({
            'Customer id': '57ac-072a-5d10-4506-721f-9ebf',
            Account: 'bank corp',
            Role: 'broker',
            'Company size': '500',
            'Customer since': 'May 23, 2013',
            'LivePerson user name': 'testuser',
            Balance: '-400.99',
            'Last payment': 'Oct 15, 2014',
            IMEI: '3543546543545688',
            'Social id': '11256324780',
        });
        await world.saveSettings({ lp_show_sensitive: false });
        await world.refresh(world.users.agent, world.rooms.externalIds);
        for (const label of ['Balance', 'Last payment', 'IMEI', 'Social id']) expect(panel().fields.has(label)).toBe(false);
        expect(JSON.stringify(world.panel())).not.toContain('3543546543545688');
    });

    it('what Rocket.Chat’s own Contact Info shows is folded, with readable labels, and opens without asking LivePerson', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(panel().fields.has('Department')).toBe(false);
        world.sim.clearLog();
        await world.click(world.users.agent, { label: 'Show Rocket.Chat details' }, world.rooms.externalIds);
        expect(Object.fromEntries(panel().fields)).toMatchObject({ Department: 'Billing', 'Visitor status': 'Online', Plan: 'gold', 'Customer since': '2019' });
        expect(world.sim.count()).toBe(0);
        expect(world.host.web.surfaces.at(-1)).toMatchObject({ type: 'contextual_bar.update', dropped: false });
    });

    it('technical ids behind their own toggle, redrawn from the last answer even when LivePerson just failed', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        world.sim.fault('participantInfo', { status: 503 });
        world.advanceClock(11_000);
        await world.refresh(world.users.agent, world.rooms.externalIds);
        expect(world.sim.count('participantInfo')).toBe(2);
        world.sim.clearLog();
        await world.click(world.users.agent, { label: 'Show technical details' }, world.rooms.externalIds);
        expect(Object.fromEntries(panel().fields)).toMatchObject({
            'Visitor id': '6a22b1765528fa64dd29de70',
            'LivePerson product': 'Chat (Chat Agent API)',
            'Participant id': '••••8822',
            'Id found in': `the external id of app ${SSO_APP_ID}`,
            'Identity checked by': 'a sign-in app (verified)',
            'External ids': `app ${SSO_APP_ID} · ••••8822 · channel=web-sso`,
        });
        expect(world.sim.count()).toBe(0);
        expect(panel().notices[0]?.title).toBe("Couldn't refresh");
        await world.click(world.users.agent, { label: 'Hide technical details' }, world.rooms.externalIds);
        expect(panel().fields.has('Visitor id')).toBe(false);
    });

    it('a cached profile says how old it is, in one footnote line', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        world.advanceClock(3 * 60_000 + 5000);
        await world.command(world.users.agent, world.rooms.externalIds);
        const footnote = (world.panel()?.blocks as Array<{ blockId: string; elements?: Array<{ text: string }> }>).find(
            (block) => block.blockId === 'footnote',
        );
        expect(footnote?.elements).toEqual([
            expect.objectContaining({
                type: 'plain_text',
                text: 'From LivePerson 3 minutes ago. Emails, phone numbers and identifiers are masked, as set by your admin.',
            }),
        ]);
    });

    it('the Portuguese agent reads the panel in Portuguese, dates in their time zone', async () => {
        await world.command(world.users.agentPt, world.rooms.portuguese);
        await world.click(world.users.agentPt, { actionId: 'lpvi-host-fields' }, world.rooms.portuguese);
        expect(panel().state?.title).toBe('Verificado pelo LivePerson');
        expect([...panel().fields.values()].join(' ')).toMatch(/\(UTC−3\)/);
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
        world.advanceClock(15_000);
        await world.refresh(world.users.agent, world.rooms.externalIds);
        expect(world.sim.count('participantInfo')).toBe(1);
        expect(world.host.web.surfaces.at(-1)).toMatchObject({
            type: 'contextual_bar.update',
            dropped: false,
            view: expect.objectContaining({ id: opened?.id }),
        });
    });

    it('without a triggerId (some mobile clients) the same information arrives as a private message, in blocks', async () => {
        await world.saveSettings(UNMASKED);
        await world.commandWithoutTrigger(world.users.agent, world.rooms.externalIds);
        expect(world.host.web.surfaces).toEqual([]);
        expect(world.host.notices).toEqual([expect.objectContaining({ userId: world.users.agent.id, roomId: world.rooms.externalIds.id })]);
        const message = readPanel({ blocks: world.host.notices[0].blocks } as never);
        expect(message.fields.get('Account')).toBe('bank corp');
        expect(world.lastNoticeText()).toContain('Test User');
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

    it('help lists the subcommands, saying linking is for supervisors; an unknown word is named first', async () => {
        await world.command(world.users.agent, world.rooms.channel, 'help');
        const help = world.lastNoticeText();
        for (const line of [
            '/visitorinfo refresh',
            '/visitorinfo link <id>: supervisors link',
            '/visitorinfo unlink: supervisors',
            '/visitorinfo status [visitorId]',
            '/visitorinfo <visitorId>',
        ])
            expect(help).toContain(line);
        await world.command(world.users.agent, world.rooms.channel, 'hlep');
        expect(world.lastNoticeText()).toContain('I don\'t know "hlep". Here is what /visitorinfo can do:');
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
        expect(panel().name).toBe('Postman Test Visitor');
    });

    it.each([
        ['not configured', async () => world.saveSettings({ lp_account_id: '' }), 'state', "LivePerson isn't set up yet"],
        [
            'misconfigured',
            async () => world.saveSettings({ lp_domain: 'https://va.agentvep.liveperson.net/' }),
            'state',
            'The LivePerson settings are incomplete or invalid',
        ],
        ['unknown participant', async () => world.sim.removeParticipant('12345678', seedParticipantId), 'state', 'LivePerson has no participant with this id.'],
        [
            'access refused (451)',
            async () => world.sim.fault('participantInfo', { status: 451 }, 1),
            'notice',
            'LivePerson refused the app access to this information.',
        ],
        [
            'rate limited',
            async () => world.sim.fault('participantInfo', { status: 429, headers: { 'Retry-After': '30' } }, 1),
            'notice',
            'LivePerson asked the app to slow down. Try Refresh in 30 s.',
        ],
        ['down (503)', async () => world.sim.fault('participantInfo', { status: 503 }, 1), 'notice', "LivePerson can't be reached right now."],
        [
            'an HTML page',
            async () => world.sim.fault('participantInfo', { kind: 'html', status: 200 }, 1),
            'notice',
            "LivePerson sent an answer the app doesn't understand.",
        ],
        [
            'malformed JSON',
            async () => world.sim.fault('participantInfo', { kind: 'malformedJson' }, 1),
            'notice',
            "LivePerson sent an answer the app doesn't understand.",
        ],
    ])('%s', async (_name, arrange, where, sentence) => {
        await arrange();
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(where === 'state' ? panel().state?.text : panel().notices[0]?.text).toContain(sentence);
    });

    it('an id a visitor typed that cannot be an id is not sent', async () => {
        world.workspace.updateVisitor(world.visitors.externalIds.id, (visitor) => ({
            ...visitor,
            externalIds: [],
            livechatData: { lpParticipantId: '../../admin' },
        }));
        await world.command(world.users.agent, world.rooms.externalIds);
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
        await world.command(world.users.agent, world.rooms.externalIds);
        // Real time by nature: the app really waits out the 800 ms before it opens the panel, so only a generous bound
        // holds on a loaded machine; it still fails if the panel waited for the hang instead of the time limit.
        expect(world.host.web.surfaces[0].openedAfterMs).toBeLessThan(1500);
        expect(panel().notices[0]?.text).toContain("LivePerson didn't answer in time.");
    });
});
