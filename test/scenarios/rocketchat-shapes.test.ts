/**
 * What a real Rocket.Chat hands the app, and what the app makes of it: visitors through the visitor converter
 * (most fields under `_unmappedProperties_`, none at all when disabled), rooms with full departments and people,
 * transfer events whose `from` may be missing, hidden server settings, private messages shown only in the room
 * their user has open.
 */
import { settle, useWorld, waitFor } from '../support/useWorld';
import { readPanel } from '../support/world';

const world = useWorld();
const panel = () => readPanel(world.panel());

describe('visitors, as the visitor converter hands them over', () => {
    it('the first contact and the contact id come from _unmappedProperties_, where a real server puts them', async () => {
        const handed = world.workspace.visitor(world.visitors.externalIds.id) as unknown as Record<string, unknown>;
        expect(handed).not.toHaveProperty('ts');
        expect(handed).not.toHaveProperty('contactId');
        expect(handed._unmappedProperties_).toMatchObject({ ts: expect.any(Date), contactId: 'contact0000000001', lastChat: { _id: 'roomPortugues0001' } });

        await world.saveSettings({ lp_mask_pii: false });
        await world.command(world.users.agent, world.rooms.externalIds);
        await world.click(world.users.agent, { label: 'Show Rocket.Chat details' }, world.rooms.externalIds);
        expect(panel().fields.get('First contact')).toBe('Jun 5, 2026, 11:22 AM (UTC)');
        await world.click(world.users.agent, { label: 'Show technical details' }, world.rooms.externalIds);
        expect(panel().fields.get('Contact id')).toBe('contact0000000001');
    });

    it('a disabled visitor is no visitor: the room shows none, by id it is not found, an assignment asks LivePerson nothing', async () => {
        world.workspace.updateVisitor(world.visitors.externalIds.id, (visitor) => ({ ...visitor, disabled: true }));
        expect(world.workspace.room(world.rooms.externalIds.id)).not.toHaveProperty('visitor');

        await world.command(world.users.agent, world.rooms.externalIds);
        expect(world.lastNoticeText()).toBe('This room has no visitor to show.');
        await world.command(world.users.manager, world.rooms.channel, world.visitors.externalIds.id);
        expect(world.lastNoticeText()).toContain(`There is no visitor with the id ${world.visitors.externalIds.id}`);
        expect(world.host.web.surfaces).toEqual([]);

        await world.agentAssigned(world.rooms.externalIds.id, world.users.agent);
        await settle();
        expect(world.sim.count()).toBe(0);
    });
});

describe('rooms, as the room converter hands them over', () => {
    it('a room in a department carries the department itself (no departmentId), and the panel names it', async () => {
        const room = world.workspace.room(world.rooms.externalIds.id) as unknown as Record<string, unknown>;
        expect(room.department).toMatchObject({ id: world.department.id, name: 'Billing' });
        expect(room).not.toHaveProperty('departmentId');
        expect(room.servedBy).toMatchObject({ id: world.users.agent.id, name: 'Alice Agent', roles: expect.arrayContaining(['livechat-agent']) });
        expect(room.isOpen).toBe(true);
        expect(room).not.toHaveProperty('closer');

        await world.roomAction(world.users.agent, world.rooms.externalIds);
        await world.click(world.users.agent, { label: 'Show Rocket.Chat details' }, world.rooms.externalIds);
        expect(panel().fields.get('Department')).toBe('Billing');
        expect(JSON.stringify(world.panel())).not.toContain('[object Object]');
    });

    it('a closed conversation has no isOpen at all, a closer, and who closed it: its room action still shows the visitor', async () => {
        world.workspace.closeRoom(world.rooms.field.id, { at: new Date('2026-06-05T12:00:00Z'), by: world.users.agent, tags: ['billing'] });
        const room = world.workspace.room(world.rooms.field.id) as unknown as Record<string, unknown>;
        expect(room).not.toHaveProperty('isOpen');
        expect(room).toMatchObject({ closer: 'user', closedBy: { id: world.users.agent.id }, closedAt: expect.any(Date) });
        expect(room._unmappedProperties_).toMatchObject({ tags: ['billing'] });

        await world.roomAction(world.users.agent, world.rooms.field);
        expect(panel().name).toBe('Jane Doe');
    });
});

describe('transfers, as the listener bridge hands them over', () => {
    it('to a department from none (`from` undefined), back to the queue: nothing is fetched until an agent has it', async () => {
        expect(world.workspace.roomDocuments.get(world.rooms.field.id)?.departmentId).toBeUndefined();
        await world.transferredToDepartment(world.rooms.field.id, world.department);
        await settle();
        expect(world.sim.count()).toBe(0);

        await world.agentAssigned(world.rooms.field.id, world.users.otherAgent);
        await waitFor(() => world.sim.count('participantInfo') === 1);
    });

    it('to a department straight to an agent, and from the queue to an agent (`from` undefined): each is fetched ahead', async () => {
        await world.transferredToDepartment(world.rooms.field.id, world.department, world.users.otherAgent);
        await waitFor(() => world.sim.count('participantInfo') === 1);

        world.workspace.updateRoom(world.rooms.externalIds.id, ({ servedBy: _queued, ...room }) => room);
        await world.transferredToAgent(world.rooms.externalIds.id, world.users.agent);
        await waitFor(() => world.sim.count('participantInfo') === 2);
    });
});

describe('server settings', () => {
    it('a hidden setting is not readable: with the server language hidden, the panel falls back to English', async () => {
        world.workspace.serverSettings.set('Language', 'de');
        world.workspace.hiddenSettings.add('Language');
        await world.command(world.users.agent, world.rooms.none);
        expect(panel().state?.title).toBe('Not linked to LivePerson');

        world.workspace.hiddenSettings.delete('Language');
        // The app keeps the server language 10 s.
        world.advanceClock(11_000);
        await world.command(world.users.agent, world.rooms.none);
        expect(panel().state?.title).toBe('Nicht mit LivePerson verknüpft');
    });
});

describe('private messages', () => {
    it('are said in the room the user has open, where the client shows them', async () => {
        await world.command(world.users.agent, world.rooms.channel);
        expect(world.host.notices).toEqual([expect.objectContaining({ userId: world.users.agent.id, roomId: world.rooms.channel.id, seen: true })]);
    });
});
