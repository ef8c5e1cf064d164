/** `/visitorinfo link`, `unlink` and `status`, and the languages the app speaks. */
import { seedParticipantId } from '../support/liveperson-fixtures';
import { useWorld } from '../support/useWorld';
import { readPanel } from '../support/world';

const world = useWorld();
const APP_ID = '220e9cc3-3aaf-4e8f-b541-4992a847fa3c';

describe('linking a visitor to a LivePerson participant: a supervisor’s act', () => {
    it('link stores this app’s own namespaced external id, with no personal data, and the panel uses it', async () => {
        await world.saveSettings({ lp_mask_pii: false });
        await world.command(world.users.manager, world.rooms.none, 'link', seedParticipantId);
        expect(world.lastNoticeText()).toContain(`Linked this visitor to the LivePerson participant ${seedParticipantId}`);
        expect(world.workspace.visitors.get(world.visitors.none.id)?.externalIds).toEqual([
            { appId: APP_ID, entityId: `lp:12345678:${seedParticipantId}`, metadata: { linkedAt: expect.any(String) } },
        ]);
        world.sim.clearLog();
        // The check before the link cached the profile: the first look costs nothing.
        await world.command(world.users.agent, world.rooms.none);
        expect(world.sim.count()).toBe(0);
        expect(readPanel(world.panel()).fields.get('Account')).toBe('bank corp');
        await world.click(world.users.agent, { actionId: 'lpvi-details' }, world.rooms.none);
        expect(readPanel(world.panel()).fields.get('Id found in')).toBe('a link made with /visitorinfo link');
    });

    it('unlink removes the link (the host has no removal: a marker the app ignores takes its place)', async () => {
        await world.command(world.users.manager, world.rooms.none, 'link', seedParticipantId);
        await world.command(world.users.manager, world.rooms.none, 'unlink');
        expect(world.lastNoticeText()).toContain("Removed this app's LivePerson link from the visitor.");
        await world.command(world.users.manager, world.rooms.none, 'unlink');
        expect(world.lastNoticeText()).toContain('This visitor has no link made by this app.');
        await world.command(world.users.agent, world.rooms.none);
        expect(readPanel(world.panel()).state?.title).toBe('Not linked to LivePerson');
        await world.click(world.users.agent, { actionId: 'lpvi-details' }, world.rooms.none);
        expect(readPanel(world.panel()).fields.get('External ids')).toContain('removed by /visitorinfo unlink');
    });

    it('link refuses ids that are not ids, and asks for a missing one', async () => {
        await world.command(world.users.manager, world.rooms.none, 'link', '../admin');
        expect(world.lastNoticeText()).toContain("That id can't be used");
        await world.command(world.users.manager, world.rooms.none, 'link');
        expect(world.lastNoticeText()).toContain('Give the participant id: /visitorinfo link <participantId>.');
        expect(world.workspace.visitors.get(world.visitors.none.id)?.externalIds).toBeUndefined();
        expect(world.sim.count('participantInfo')).toBe(0);
    });

    it('when Rocket.Chat refuses to store the link, the agent is told, and no half link is kept', async () => {
        world.workspace.failures.set('updateVisitorExternalId', 'write conflict');
        await world.command(world.users.manager, world.rooms.none, 'link', seedParticipantId);
        expect(world.lastNoticeText()).toBe("Rocket.Chat didn't store the link (the visitor may have been removed). Try again.");
        expect(world.workspace.recordsOf(world.appId).filter((record) => JSON.stringify(record).includes('link:'))).toEqual([]);
        await world.command(world.users.agent, world.rooms.none);
        expect(readPanel(world.panel()).state).toMatchObject({ title: 'Not linked to LivePerson' });
    });

    it('when LivePerson cannot confirm the id, nothing is linked and the agent is told why', async () => {
        world.sim.fault('participantInfo', { status: 503 }, 1);
        await world.command(world.users.manager, world.rooms.none, 'link', seedParticipantId);
        expect(world.lastNoticeText()).toMatch(
            /couldn't check the id with LivePerson, so nothing was linked: LivePerson can't be reached right now\..*\(reference lp-[a-z0-9]{8}\)/,
        );
        expect(world.workspace.visitors.get(world.visitors.none.id)?.externalIds).toBeUndefined();
    });

    it('the agent serving the room may not link or unlink: vouching for an identity is a supervisor’s act', async () => {
        await world.command(world.users.agent, world.rooms.none, 'link', seedParticipantId);
        expect(world.lastNoticeText()).toBe(
            'Only supervisors (the roles your admin allows) can link or unlink a visitor. Ask one to check the id and link it.',
        );
        await world.command(world.users.manager, world.rooms.none, 'link', seedParticipantId);
        await world.command(world.users.agent, world.rooms.none, 'unlink');
        expect(world.lastNoticeText()).toContain('Only supervisors');
        await world.command(world.users.agent, world.rooms.none);
        expect(readPanel(world.panel()).state?.title).toBe('Linked by a supervisor');
        expect(world.sim.count('participantInfo')).toBe(1);
    });

    it('links made before this change keep working, and keep showing who made them', async () => {
        const linkedAt = '2026-05-01T09:00:00.000Z';
        world.workspace.records.push({
            id: 'old-link',
            appId: world.appId,
            data: {
                visitorId: world.visitors.none.id,
                entityId: `lp:12345678:${seedParticipantId}`,
                linkedBy: { id: 'agent0000000001', username: 'alice.agent', name: 'Alice Agent' },
                linkedAt,
            },
            associations: [`misc:liveperson-visitor-info:link:${world.visitors.none.id}`],
        });
        world.workspace.updateVisitor(world.visitors.none.id, (visitor) => ({
            ...visitor,
            externalIds: [{ appId: world.appId, entityId: `lp:12345678:${seedParticipantId}` }],
        }));
        await world.command(world.users.agent, world.rooms.none);
        expect(readPanel(world.panel()).state).toMatchObject({
            title: 'Linked by a supervisor',
            text: expect.stringContaining('Linked by Alice Agent, May 1, 2026'),
        });
    });

    it('only in the visitor’s room', async () => {
        await world.command(world.users.manager, world.rooms.channel, 'link', seedParticipantId);
        expect(world.lastNoticeText()).toContain("Run /visitorinfo link and unlink in the visitor's omnichannel room.");
        expect(world.sim.count('participantInfo')).toBe(0);
    });
});

describe('/visitorinfo status (admins)', () => {
    it('every setting by its label and its value in words, the connection step by step, no secret and no emoji', async () => {
        await world.prewarm();
        await world.command(world.users.admin, world.rooms.channel, 'status');
        const report = world.lastNoticeText();
        expect(report).toContain('LivePerson Visitor Info: status');
        const fields = readPanel({ blocks: world.host.notices[0].blocks } as never).fields;
        expect(Object.fromEntries(fields)).toMatchObject({
            'LivePerson account id': '12345678',
            'Login type': 'OAuth2 client credentials (bot user)',
            'Client id': 'set (hidden)',
            'Client secret': 'set (hidden)',
            Password: 'not set',
            'Mask personal data': 'Yes',
            'Show sensitive fields': 'No',
            'LivePerson product': 'Automatic (by the link)',
            'Domain API (where the account lives)': expect.stringMatching(/^OK in \d+ ms$/),
            Login: expect.stringMatching(/^OK in \d+ ms$/),
            'Agent session': expect.stringMatching(/^OK in \d+ ms$/),
            'Messaging history host': expect.stringMatching(/^OK in \d+ ms$/),
        });
        expect(report).toContain('Nothing is holding LivePerson calls back now.');
        expect(report).not.toMatch(/[\u{1F300}-\u{1FAFF}\u2600-\u27BF]/u);
        expect(report).not.toContain('app-secret-1');
        expect(report).not.toContain('app-key-1');
    });

    it('reports invalid values in plain words, and a failing login with a hint', async () => {
        await world.saveSettings({ lp_account_id: '12a', lp_domain: 'https://x.liveperson.net/path', lp_cache_ttl_seconds: -1, lp_timeout_ms: 99999 });
        await world.command(world.users.admin, world.rooms.channel, 'status');
        let report = world.lastNoticeText();
        expect(report).toContain('Problem: LivePerson account id must contain digits only.');
        expect(report).toContain('Problem: agentVep host (optional) must be a host name only, without http:// or https://.');
        expect(report).toContain('Problem: Profile cache (seconds) must be between 0 and 86400; the default is used meanwhile.');
        expect(report).toContain('Problem: LivePerson time limit (ms) must be between 100 and 3500; the default is used meanwhile.');
        expect(world.sim.count()).toBe(0);

        await world.reset();
        await world.saveSettings({ lp_app_secret: 'wrong' });
        await world.command(world.users.admin, world.rooms.channel, 'status');
        report = world.lastNoticeText();
        const fields = readPanel({ blocks: world.host.notices[world.host.notices.length - 1].blocks } as never).fields;
        expect(fields.get('Login')).toMatch(/^Failed in \d+ ms: the login was refused \(HTTP 401\)\. LivePerson refused the credentials/);
        expect(report).not.toContain('wrong');
    });

    it('status <visitor id> fetches that profile: each step, the trust route and the fields received, masked as the panel masks them', async () => {
        await world.command(world.users.admin, world.rooms.channel, 'status', world.visitors.externalIds.id);
        const fields = readPanel({ blocks: world.host.notices.at(-1)?.blocks ?? [] } as never).fields;
        expect(Object.fromEntries(fields)).toMatchObject({
            Profile: expect.stringMatching(/^OK in \d+ ms$/),
            Visitor: '••••de70',
            'Id found in': expect.stringContaining('the external id of app'),
            'Identity checked by': 'a sign-in app (verified)',
            Result: 'Received 8 fields, 0 conversations and 0 activities.',
            'Customer id': '••••9ebf',
        });
    });

    it('status <id> reports LivePerson answering garbage as a failure, where the connection alone looks fine', async () => {
        world.sim.fault('participantInfo', { kind: 'html', status: 200 });
        await world.command(world.users.admin, world.rooms.channel, 'status', world.visitors.externalIds.id);
        const fields = readPanel({ blocks: world.host.notices.at(-1)?.blocks ?? [] } as never).fields;
        expect(fields.get('Login')).toMatch(/^OK in/);
        expect(fields.get('Profile')).toMatch(/^Failed in \d+ ms: an answer the app does not understand/);
        expect(fields.get('Result')).toBe('Failed: an answer the app does not understand.');
    });

    it('the last line says what holds LivePerson back now: a refused login, a 429 pause, an open circuit', async () => {
        await world.saveSettings({ lp_app_secret: 'wrong' });
        await world.command(world.users.admin, world.rooms.channel, 'status');
        expect(world.lastNoticeText().split('\n').at(-1)).toBe(
            'Logins are held back because LivePerson refused the last one. Save corrected credentials to end the wait.',
        );
        await world.reset();
        world.sim.fault('participantInfo', { status: 429, headers: { 'Retry-After': '120' } }, 1);
        const clicked = Date.now();
        await world.command(world.users.agent, world.rooms.externalIds);
        await world.command(world.users.admin, world.rooms.channel, 'status');
        const last = world.lastNoticeText().split('\n').at(-1) ?? '';
        expect(last).toMatch(/^LivePerson asked the app to slow down: no calls for \d+ s more\.$/);
        // The app's clock runs on real time: 120 s less the time the click and the status took, rounded up (120 under a second).
        const seconds = Number(/(\d+) s more/.exec(last)?.[1]);
        expect(seconds).toBeLessThanOrEqual(120);
        expect(seconds).toBeGreaterThanOrEqual(Math.ceil(120 - (Date.now() - clicked) / 1000));
        await world.reset();
        await world.openCircuit(world.users.agent, world.rooms.externalIds);
        await world.command(world.users.admin, world.rooms.channel, 'status');
        expect(world.lastNoticeText().split('\n').at(-1)).toMatch(/^LivePerson failed several times in a row: the app waits \d+ s before trying again\.$/);
    });

    it('warns that OAuth1 reached end of life when an access token is set', async () => {
        await world.saveSettings({ lp_access_token: 'oauth1-token-123' });
        await world.command(world.users.admin, world.rooms.channel, 'status');
        expect(world.lastNoticeText()).toContain(
            'Warning: OAuth1 access token (end of life, leave blank) holds an OAuth1 token: OAuth1 keys reached end of life on 2026-04-30.',
        );
        expect(world.lastNoticeText()).not.toContain('oauth1-token-123');
    });

    it('is refused to anyone but admins', async () => {
        await world.command(world.users.manager, world.rooms.channel, 'status');
        expect(world.lastNoticeText()).toBe('Only admins can run /visitorinfo status.');
        expect(world.sim.count()).toBe(0);
    });

    it('says when LivePerson is not configured at all', async () => {
        await world.saveSettings({ lp_account_id: '' });
        await world.command(world.users.admin, world.rooms.channel, 'status');
        expect(world.lastNoticeText()).toContain("LivePerson isn't configured: set the account id, the login type and its credentials.");
    });
});

describe('languages', () => {
    it('the panel follows the user’s language', async () => {
        await world.command(world.users.agentPt, world.rooms.portuguese);
        expect(readPanel(world.panel()).state?.title).toBe('Verificado pelo LivePerson');
        await world.command(world.users.agentPt, world.rooms.channel, 'help');
        expect(world.lastNoticeText()).toContain('/visitorinfo refresh');
        expect(world.lastNoticeText()).not.toContain('fetch this room');
    });

    it('else the server’s default language', async () => {
        world.workspace.serverSettings.set('Language', 'de');
        await world.command(world.users.agent, world.rooms.none);
        expect(readPanel(world.panel()).state?.title).toBe('Nicht mit LivePerson verknüpft');
        expect(JSON.stringify(world.panel())).toContain('Aktualisieren');
    });
});
