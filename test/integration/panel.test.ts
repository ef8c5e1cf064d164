import { seedParticipant, seedParticipantId, twoContactsParticipant } from '../support/liveperson-fixtures';
import { lastNotificationText, shownPanel, surfaceText } from '../support/observe';
import { perTestWorld, type Started } from '../support/perTestWorld';
import { SSO_APP_ID, type SampleWorld } from '../support/sample-world';

const UNMASKED = { lp_mask_pii: false, lp_show_sensitive: true };

describe('the visitor panel', () => {
    let world: SampleWorld;
    let act: Started['act'];
    const start = perTestWorld((started) => ({ world, act } = started));

    const panelText = () => surfaceText(shownPanel(world.host));

    it('agent opens the panel with /visitorinfo: every field of both views, nothing masked when the admin says so', async () => {
        await start({ settings: UNMASKED });
        await act.command(world.users.agent, world.rooms.externalIds);

        expect(world.host.surfaces).toHaveLength(1);
        expect(world.host.surfaces[0]).toMatchObject({ action: 'open', dropped: false, surfaceType: 'contextualBar' });
        const text = panelText();
        // Rocket.Chat's visitors.info, externalIds included.
        for (const value of [
            'Postman Test Visitor',
            'guest-10',
            'online',
            'postman-test@example.com',
            '+15551234567',
            'Billing',
            '2026-06-05 11:22 UTC',
            '6a22b1765528fa64dd29de70',
            'plan: gold',
            `app ${SSO_APP_ID} · ${seedParticipantId} · channel=web-sso`,
        ]) {
            expect(text).toContain(value);
        }
        // LivePerson's participantExtendedInfo, every field of the seed.
        const { authenticatedParticipantInfo: lp, authenticatedPersonalInfo: personal } = seedParticipant;
        for (const value of [
            lp.participantId,
            lp.customerId,
            lp.customerStatus,
            lp.customerType,
            lp.userName,
            lp.accountName,
            lp.role,
            String(lp.companySize),
            '2013-05-23',
            String(lp.balance),
            '2014-10-15',
            lp.imei,
            lp.socialId,
            personal.name,
            personal.surname,
            personal.contacts[0].email,
            personal.contacts[0].phone,
        ]) {
            expect(text).toContain(value);
        }
        expect(text).toMatch(/\*Authenticated\*\nYes/);
        expect(text).toContain(`external id of app ${SSO_APP_ID}`);
        expect(text).toContain('Fetched from LivePerson just now.');
        expect(text).not.toContain('masked');
    });

    it('with masking on (the default) emails, phones and identifiers keep only their last 4 characters', async () => {
        await start({ settings: { lp_show_sensitive: true } });
        await act.command(world.users.agent, world.rooms.externalIds);
        const text = panelText();
        for (const raw of ['postman-test@example.com', '+15551234567', seedParticipantId, '57ac-072a-5d10-4506-721f-9ebf', 'testuser@liveperson.com', '+1-10-344-3765333', '3543546543545688', '11256324780', 'testuser']) {
            expect(text).not.toContain(raw);
        }
        for (const masked of ['••••.com', '••••4567', '••••8822', '••••9ebf', '••••5333', '••••5688', '••••4780']) {
            expect(text).toContain(masked);
        }
        // Names are what the agent greets the customer with: never masked.
        expect(text).toContain('Test');
        expect(text).toContain('Emails, phone numbers and identifiers are masked, as set by your admin.');
    });

    it('masking covers free-form places too: the participant field, email- or phone-like custom fields, other apps\' metadata', async () => {
        await start();
        world.host.addVisitor({
            ...world.host.storedVisitor(world.visitors.field.id as string)!,
            livechatData: { lpParticipantId: '0b7e4c1a-3f2d-4a6b-9c8e-1d2f3a4b5c6d', backupEmail: 'jane@example.org', mobile: '+44 20 7946 0958', plan: 'gold' },
            externalIds: [{ appId: 'whatsapp-app', entityId: 'wa-447700900123', metadata: { username: 'jane.whatsapp' } }],
        });
        await act.command(world.users.agent, world.rooms.field);
        const text = panelText();
        for (const raw of ['0b7e4c1a-3f2d-4a6b-9c8e-1d2f3a4b5c6d', 'jane@example.org', '+44 20 7946 0958', 'wa-447700900123', 'jane.whatsapp']) {
            expect(text).not.toContain(raw);
        }
        for (const masked of ['lpParticipantId: ••••5c6d', 'backupEmail: ••••.org', 'mobile: ••••0958', 'username=••••sapp', 'plan: gold']) {
            expect(text).toContain(masked);
        }
    });

    it('sensitive fields (balance, last payment, IMEI, social id) stay hidden unless the admin allows them', async () => {
        await start({ settings: { lp_mask_pii: false } });
        await act.command(world.users.agent, world.rooms.externalIds);
        const text = panelText();
        for (const label of ['Balance', 'Last payment', 'IMEI', 'Social id']) {
            expect(text).not.toContain(label);
        }
        for (const value of ['-400.99', '2014-10-15', '3543546543545688', '11256324780']) {
            expect(text).not.toContain(value);
        }
        expect(text).toContain('bank corp');
    });

    it('a participant with two contacts shows both', async () => {
        await start({ settings: UNMASKED });
        world.sim.setParticipant('12345678', seedParticipantId, twoContactsParticipant);
        await act.command(world.users.agent, world.rooms.externalIds);
        for (const contact of twoContactsParticipant.authenticatedPersonalInfo.contacts) {
            for (const value of Object.values(contact)) {
                expect(panelText()).toContain(value);
            }
        }
    });

    it('the visitor token never appears, whatever the settings', async () => {
        await start({ settings: UNMASKED });
        await act.command(world.users.agent, world.rooms.externalIds);
        await act.commandWithoutTrigger(world.users.agent, world.rooms.field);
        // expectPrivateAndSecret (after each test) checks every token against every output.
        expect(world.tokens.length).toBe(4);
    });

    it('the participant id can come from the visitor field, numbers sent as strings are shown as numbers', async () => {
        await start({ settings: UNMASKED });
        await act.command(world.users.agent, world.rooms.field);
        const text = panelText();
        expect(text).toContain('visitor field lpParticipantId');
        expect(text).toContain('C-000042');
        expect(text).toMatch(/\*Company size\*\n25/);
        expect(text).toContain('2019-07-04');
    });

    it('agent opens the panel from the room action: the same panel', async () => {
        await start();
        await act.roomAction(world.users.agent, world.rooms.externalIds);
        expect(world.host.surfaces).toHaveLength(1);
        expect(panelText()).toContain('Postman Test Visitor');
        expect(panelText()).toContain('Customer type');
    });

    it('the room action is registered for livechat rooms and view-l-room holders', async () => {
        await start();
        expect(world.host.actionButtons()).toEqual([
            expect.objectContaining({ actionId: 'lpvi-room-action', context: 'roomAction', labelI18n: 'room_action_label', when: { roomTypes: ['livechat'], hasOnePermission: ['view-l-room'] } }),
        ]);
    });

    it('Refresh fetches again past the cache and redraws the same panel', async () => {
        await start();
        await act.command(world.users.agent, world.rooms.externalIds);
        const opened = shownPanel(world.host);
        world.sim.clearLog();
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(world.sim.count()).toBe(0); // cached
        await act.refresh(world.users.agent, world.rooms.externalIds);
        expect(world.sim.count('participantInfo')).toBe(1);
        const last = world.host.surfaces[world.host.surfaces.length - 1];
        expect(last).toMatchObject({ action: 'update', dropped: false });
        expect(last.surface?.id).toBe(opened?.id);
        expect(panelText()).toContain('Fetched from LivePerson just now.');
    });

    it('a cached profile says how old it is', async () => {
        await start();
        await act.command(world.users.agent, world.rooms.externalIds);
        const realNow = Date.now;
        Date.now = () => realNow() + 42_000;
        try {
            await act.command(world.users.agent, world.rooms.externalIds);
        } finally {
            Date.now = realNow;
        }
        expect(panelText()).toContain('From LivePerson 42 s ago (cached).');
    });

    it('without a triggerId (some mobile clients) the same information arrives as a private message', async () => {
        await start({ settings: UNMASKED });
        await act.commandWithoutTrigger(world.users.agent, world.rooms.externalIds);
        expect(world.host.surfaces).toEqual([]);
        expect(world.host.notifications).toHaveLength(1);
        expect(world.host.notifications[0]).toMatchObject({ kind: 'user', user: expect.objectContaining({ id: world.users.agent.id }) });
        const text = lastNotificationText(world.host);
        expect(text).toContain("Your client can't open the panel here");
        expect(text).toContain('Postman Test Visitor');
        expect(text).toContain('bank corp');
    });

    it('an agent not serving the room is refused, and LivePerson is not asked', async () => {
        await start();
        await act.command(world.users.otherAgent, world.rooms.externalIds);
        await act.roomAction(world.users.otherAgent, world.rooms.externalIds);
        expect(world.host.surfaces).toEqual([]);
        expect(world.host.notifications).toHaveLength(2);
        expect(lastNotificationText(world.host)).toBe(
            "You can't see this visitor's details: only the agent serving the conversation and users with these roles can: livechat-manager, livechat-monitor, admin.",
        );
        expect(world.sim.requests.filter((request) => request.route === 'participantInfo')).toEqual([]);
    });

    it('a manager may see any conversation', async () => {
        await start();
        await act.command(world.users.manager, world.rooms.externalIds);
        expect(panelText()).toContain('bank corp');
    });

    it('in a room that is not livechat, /visitorinfo says where it works', async () => {
        await start();
        await act.command(world.users.agent, world.rooms.channel);
        expect(lastNotificationText(world.host)).toBe('/visitorinfo works in omnichannel (livechat) rooms. Elsewhere, give a visitor id: /visitorinfo <visitorId>.');
        expect(world.host.surfaces).toEqual([]);
    });

    it('a manager looks any visitor up by id', async () => {
        await start();
        await act.command(world.users.manager, world.rooms.channel, world.visitors.field.id as string);
        expect(panelText()).toContain('Jane Doe');
        expect(panelText()).toContain('C-000042'.slice(-4));
    });

    it('a visitor id that does not exist gets visitor-not-found, a missing one invalid-params', async () => {
        await start();
        await act.command(world.users.manager, world.rooms.channel, 'abcdefghijklmnopq');
        expect(lastNotificationText(world.host)).toBe('There is no visitor with the id abcdefghijklmnopq [visitor-not-found].');
        await act.command(world.users.manager, world.rooms.channel);
        expect(lastNotificationText(world.host)).toBe('Give a visitor id: /visitorinfo <visitorId> [invalid-params].');
        expect(world.host.surfaces).toEqual([]);
    });

    it('an agent without an allowed role cannot look visitors up by id', async () => {
        await start();
        await act.command(world.users.agent, world.rooms.channel, world.visitors.none.id as string);
        expect(lastNotificationText(world.host)).toBe('Only users with these roles can look up a visitor by id: livechat-manager, livechat-monitor, admin.');
    });

    it('help, and anything unknown, list the subcommands', async () => {
        await start();
        await act.command(world.users.agent, world.rooms.channel, 'help');
        const help = lastNotificationText(world.host);
        for (const sub of ['/visitorinfo refresh', '/visitorinfo link <participantId>', '/visitorinfo unlink', '/visitorinfo status', '/visitorinfo <visitorId>']) {
            expect(help).toContain(sub);
        }
        await act.command(world.users.agent, world.rooms.channel, 'refrsh');
        expect(lastNotificationText(world.host)).toBe(help);
    });

    it('the command registers with its i18n description, parameters and the view-l-room permission', async () => {
        await start();
        expect(world.host.slashCommands()).toEqual([
            expect.objectContaining({ command: 'visitorinfo', i18nDescription: 'visitorinfo_command_description', i18nParamsExample: 'visitorinfo_command_params' }),
        ]);
    });
});

describe('who the visitor is in LivePerson, and what the agent reads when there is nothing to show', () => {
    let world: SampleWorld;
    let act: Started['act'];
    // Every state keeps the Rocket.Chat section and opens the panel in time.
    const start = perTestWorld(
        (started) => ({ world, act } = started),
        (ended) => {
            expect(ended.host.surfaces.filter((surface) => !surface.dropped).length).toBeGreaterThan(0);
            expect(surfaceText(shownPanel(ended.host))).toContain('Rocket.Chat');
        },
    );
    const livePersonSection = () => surfaceText(shownPanel(world.host)).split('*LivePerson*')[1] ?? '';

    it('LivePerson not configured: tells admins what to set', async () => {
        await start({ settings: { lp_account_id: '' } });
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(livePersonSection()).toContain("LivePerson isn't set up yet. An admin can add the account and credentials in Administration > Apps > LivePerson Visitor Info > Settings.");
        expect(world.sim.count()).toBe(0);
    });

    it('LivePerson settings invalid: points admins to /visitorinfo status', async () => {
        await start({ settings: { lp_domain: 'https://va.agentvep.liveperson.net/' } });
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(livePersonSection()).toContain('The LivePerson settings are incomplete or invalid. An admin can run /visitorinfo status to see what to fix.');
        expect(world.sim.count()).toBe(0);
    });

    it('no participant id for this visitor: says how to link one', async () => {
        await start();
        await act.command(world.users.agent, world.rooms.none);
        expect(livePersonSection()).toContain("This visitor isn't linked to a LivePerson participant. Link one with /visitorinfo link <participantId>.");
        expect(world.sim.count('participantInfo')).toBe(0);
    });

    it('a participant id a visitor typed into the field that cannot be an id is not sent', async () => {
        await start();
        world.host.addVisitor({ ...world.host.storedVisitor(world.visitors.none.id as string)!, livechatData: { lpParticipantId: '../../admin' } });
        await act.command(world.users.agent, world.rooms.none);
        expect(livePersonSection()).toContain("The participant id stored for this visitor (visitor field lpParticipantId) isn't a valid id, so LivePerson wasn't asked.");
        expect(world.sim.count('participantInfo')).toBe(0);
    });

    it('participant unknown to LivePerson', async () => {
        await start();
        world.sim.removeParticipant('12345678', seedParticipantId);
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(livePersonSection()).toContain('LivePerson has no participant with this id.');
    });

    it('visitor not authenticated in LivePerson', async () => {
        await start();
        await act.command(world.users.agent, world.rooms.unauthenticated);
        expect(livePersonSection()).toContain("This visitor hasn't signed in through LivePerson, so there is no verified profile.");
    });

    it('login refused: an admin hint, and a reference to find the log line', async () => {
        await start({ settings: { lp_app_secret: 'wrong-secret' } });
        await act.command(world.users.agent, world.rooms.externalIds);
        const text = livePersonSection();
        expect(text).toContain("LivePerson refused the app's login. An admin should check the credentials with /visitorinfo status.");
        const reference = /Reference: (lp-[a-z0-9]{8})/.exec(text)?.[1];
        expect(reference).toBeDefined();
        expect(world.host.logs.some((log) => log.text.includes(reference as string) && log.text.includes('login'))).toBe(true);
    });

    it('access refused (403 and 451)', async () => {
        await start();
        world.sim.fault('participantInfo', { status: 451 }, 1);
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(livePersonSection()).toContain('LivePerson refused access for this account or user.');
    });

    it('rate limited: says when to try again', async () => {
        await start();
        world.sim.fault('participantInfo', { status: 429, headers: { 'Retry-After': '30' } }, 1);
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(livePersonSection()).toContain('LivePerson asked the app to slow down. Try Refresh in 30 s.');
    });

    it('LivePerson hung: the panel still opens, inside the time limit, saying LivePerson did not answer', async () => {
        await start({ settings: { lp_timeout_ms: 800 } });
        world.sim.fault('participantInfo', { kind: 'hang' });
        const started = Date.now();
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(Date.now() - started).toBeLessThan(1500);
        expect(world.host.surfaces[0].openedAfterMs).toBeLessThan(1500);
        expect(livePersonSection()).toContain("LivePerson didn't answer in time. Try Refresh in a moment.");
    });

    it('LivePerson down (500)', async () => {
        await start();
        world.sim.fault('participantInfo', { status: 503 }, 1);
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(livePersonSection()).toContain("LivePerson can't be reached right now. Try Refresh in a moment.");
    });

    it.each([
        ['an HTML error page', { kind: 'html', status: 200 } as const],
        ['an XML body', { kind: 'xml' } as const],
        ['malformed JSON', { kind: 'malformedJson' } as const],
        ['fields of the wrong type', { kind: 'wrongTypes' } as const],
    ])('LivePerson answers garbage (%s): an unexpected-response sentence', async (_name, fault) => {
        await start();
        world.sim.fault('participantInfo', fault, 1);
        await act.command(world.users.agent, world.rooms.externalIds);
        expect(livePersonSection()).toContain("LivePerson sent an answer the app doesn't understand.");
    });
});
