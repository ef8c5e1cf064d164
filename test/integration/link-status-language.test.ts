import { seedParticipantId, stringNumbersParticipantId } from '../support/liveperson-fixtures';
import { lastNotificationText, shownPanel, surfaceText } from '../support/observe';
import { perTestWorld, type Started } from '../support/perTestWorld';
import type { SampleWorld } from '../support/sample-world';

const APP_ID = '220e9cc3-3aaf-4e8f-b541-4992a847fa3c';

let world: SampleWorld;
let act: Started['act'];
const start = perTestWorld((started) => ({ world, act } = started));
const panelText = () => surfaceText(shownPanel(world.host));

describe('linking a visitor to a LivePerson participant', () => {
    it('link stores this app’s own namespaced external id, with no personal data, and the panel uses it', async () => {
        await start({ settings: { lp_mask_pii: false } });
        await act.command(world.users.agent, world.rooms.none, 'link', seedParticipantId);
        expect(lastNotificationText(world.host)).toBe(`Linked this visitor to the LivePerson participant ${seedParticipantId}.`);
        const stored = world.host.storedVisitor(world.visitors.none.id as string);
        expect(stored?.externalIds).toEqual([{ appId: APP_ID, entityId: `lp:12345678:${seedParticipantId}`, metadata: { linkedAt: expect.any(String) } }]);

        await act.command(world.users.agent, world.rooms.none);
        expect(panelText()).toContain('a link made with /visitorinfo link');
        expect(panelText()).toContain('bank corp');
    });

    it('unlink removes the link (the host has no removal: a marker the app ignores takes its place)', async () => {
        await start();
        await act.command(world.users.agent, world.rooms.none, 'link', seedParticipantId);
        await act.command(world.users.agent, world.rooms.none, 'unlink');
        expect(lastNotificationText(world.host)).toBe("Removed this app's LivePerson link from the visitor.");
        await act.command(world.users.agent, world.rooms.none, 'unlink');
        expect(lastNotificationText(world.host)).toBe('This visitor has no link made by this app.');
        await act.command(world.users.agent, world.rooms.none);
        expect(panelText()).toContain("This visitor isn't linked to a LivePerson participant.");
        expect(panelText()).toContain('removed by /visitorinfo unlink');
    });

    it('link refuses ids that are not ids, and asks for a missing one', async () => {
        await start();
        await act.command(world.users.agent, world.rooms.none, 'link', '../admin');
        expect(lastNotificationText(world.host)).toContain("That participant id can't be used");
        await act.command(world.users.agent, world.rooms.none, 'link');
        expect(lastNotificationText(world.host)).toBe('Give the participant id: /visitorinfo link <participantId>.');
        expect(world.host.storedVisitor(world.visitors.none.id as string)?.externalIds).toBeUndefined();
    });

    it('only someone who may see the visitor may link it, and only in its room', async () => {
        await start();
        await act.command(world.users.otherAgent, world.rooms.none, 'link', seedParticipantId);
        expect(lastNotificationText(world.host)).toContain("You can't see this visitor's details");
        await act.command(world.users.manager, world.rooms.channel, 'link', seedParticipantId);
        expect(lastNotificationText(world.host)).toBe("Run /visitorinfo link and unlink in the visitor's omnichannel room.");
    });

    it('on a host without external ids (before Rocket.Chat 8.4) link says so and the visitor field still works', async () => {
        await start({ host: { features: { externalIds: false } }, settings: { lp_mask_pii: false } });
        await act.command(world.users.agent, world.rooms.none, 'link', seedParticipantId);
        expect(lastNotificationText(world.host)).toBe(
            "This Rocket.Chat version can't store external ids (Rocket.Chat 8.4 or later is needed). An admin can put the participant id in the visitor field lpParticipantId instead.",
        );
        await act.command(world.users.agent, world.rooms.none, 'unlink');
        expect(lastNotificationText(world.host)).toContain("This Rocket.Chat version can't store external ids");
        await act.command(world.users.agent, world.rooms.field);
        expect(panelText()).toContain(stringNumbersParticipantId);
        expect(panelText()).not.toContain('External ids');
        await act.command(world.users.agent, world.rooms.externalIds);
        // The SSO app's entry does not exist on such a host: nothing to map.
        expect(panelText()).toContain("This visitor isn't linked to a LivePerson participant.");
    });
});

describe('/visitorinfo status (admins)', () => {
    it('checks every setting in plain words, tests the connection with timings, and shows no secret', async () => {
        await start();
        await act.prewarm();
        await act.command(world.users.admin, world.rooms.channel, 'status');
        const report = lastNotificationText(world.host);
        expect(report).toContain('LivePerson Visitor Info: status');
        expect(report).toContain('✅ LivePerson account id: 12345678');
        expect(report).toContain('✅ App secret / client secret: OK');
        expect(report).toContain('• Password: not set');
        expect(report).toMatch(/✅ Domain API \(where the account lives\): OK in \d+ ms/);
        expect(report).toMatch(/✅ Login: OK in \d+ ms/);
        expect(report).toMatch(/✅ Agent session: OK in \d+ ms/);
        expect(report).toMatch(/Last background connection: ready at \d{4}-\d\d-\d\d/);
        expect(report).not.toContain('app-secret-1');
        expect(report).not.toContain('app-key-1');
    });

    it('reports invalid values in plain words and a failing login with a hint', async () => {
        await start({ settings: { lp_account_id: '12a', lp_domain: 'https://x.liveperson.net/path', lp_cache_ttl_seconds: -1, lp_timeout_ms: 99999 } });
        await act.command(world.users.admin, world.rooms.channel, 'status');
        let report = lastNotificationText(world.host);
        expect(report).toContain('⚠️ LivePerson account id must contain digits only.');
        expect(report).toContain('⚠️ agentVep host (optional) must be a host name only, without http:// or https://.');
        expect(report).toContain('⚠️ Profile cache (seconds) must be between 0 and 86400; the default is used meanwhile.');
        expect(report).toContain('⚠️ LivePerson time limit (ms) must be between 100 and 3500; the default is used meanwhile.');
        expect(world.sim.count()).toBe(0);

        await start({ settings: { lp_app_secret: 'wrong' } });
        await act.command(world.users.admin, world.rooms.channel, 'status');
        report = lastNotificationText(world.host);
        expect(report).toMatch(/❌ Login: failed in \d+ ms \(auth, HTTP 401\)/);
        expect(report).toContain('LivePerson refused the credentials: check the login name and the secret for the chosen login type.');
        expect(report).not.toContain('wrong');
    });

    it('is refused to anyone but admins', async () => {
        await start();
        await act.command(world.users.manager, world.rooms.channel, 'status');
        expect(lastNotificationText(world.host)).toBe('Only admins can run /visitorinfo status.');
        expect(world.sim.count()).toBe(0);
    });

    it('says when LivePerson is not configured at all', async () => {
        await start({ settings: { lp_account_id: '' } });
        await act.command(world.users.admin, world.rooms.channel, 'status');
        expect(lastNotificationText(world.host)).toContain("LivePerson isn't configured: set the account id, the login type and its credentials.");
    });
});

describe('languages', () => {
    it('the panel follows the user’s language', async () => {
        await start();
        world.host.addRoom({ ...world.rooms.externalIds, servedBy: world.users.agentPt });
        await act.command(world.users.agentPt, world.rooms.externalIds);
        expect(panelText()).toContain('Informações do visitante');
        await act.command(world.users.agentPt, world.rooms.channel, 'help');
        expect(lastNotificationText(world.host)).toContain('/visitorinfo refresh');
        expect(lastNotificationText(world.host)).not.toContain('fetch this room');
    });

    it('else the server’s default language', async () => {
        await start({ host: { serverSettings: { Language: 'de' } } });
        await act.command(world.users.agent, world.rooms.none);
        expect(panelText()).toContain('Besucherinfo');
        expect(panelText()).toContain('Aktualisieren');
    });
});
