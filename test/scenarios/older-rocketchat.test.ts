/**
 * A Rocket.Chat whose server keeps no external ids for visitors (before 8.4: no `updateVisitorExternalId` behind
 * the bridge, no `externalIds` on visitors). The visitor field works, and so do links: the app keeps them.
 */
import { seedParticipantId, stringNumbersParticipantId } from '../support/liveperson-fixtures';
import { useWorld } from '../support/useWorld';
import { readPanel } from '../support/world';

const world = useWorld({ externalIdWrites: false });

beforeEach(() => {
    for (const visitor of world.workspace.visitors.values()) delete visitor.externalIds;
});

describe('a Rocket.Chat without external ids', () => {
    it('link still works: the app keeps the link, and says the server cannot show it', async () => {
        await world.command(world.users.manager, world.rooms.none, 'link', seedParticipantId);
        expect(world.lastNoticeText()).toContain('This Rocket.Chat version keeps no external ids, so the app keeps the link itself.');
        expect(world.workspace.visitors.get(world.visitors.none.id)?.externalIds).toBeUndefined();
        await world.command(world.users.agent, world.rooms.none);
        expect(readPanel(world.panel()).state).toMatchObject({
            variant: 'info',
            title: 'Linked by a supervisor',
            text: expect.stringContaining('Maria Manager'),
        });
    });

    it('unlink removes the app’s own link', async () => {
        await world.command(world.users.manager, world.rooms.none, 'unlink');
        expect(world.lastNoticeText()).toBe('This visitor has no link made by this app.');
        await world.command(world.users.manager, world.rooms.none, 'link', seedParticipantId);
        await world.command(world.users.manager, world.rooms.none, 'unlink');
        expect(world.lastNoticeText()).toBe("Removed this app's LivePerson link from the visitor.");
        await world.command(world.users.agent, world.rooms.none);
        expect(readPanel(world.panel()).state?.title).toBe('Not linked to LivePerson');
    });

    it('the visitor field works, and a sign-in app’s entry cannot exist: nothing to map', async () => {
        await world.saveSettings({ lp_mask_pii: false });
        await world.command(world.users.agent, world.rooms.field);
        await world.click(world.users.agent, { actionId: 'lpvi-details' }, world.rooms.field);
        expect(readPanel(world.panel()).fields.get('Participant id')).toBe(stringNumbersParticipantId);
        expect(readPanel(world.panel()).fields.has('External ids')).toBe(false);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(readPanel(world.panel()).state?.title).toBe('Not linked to LivePerson');
    });
});
