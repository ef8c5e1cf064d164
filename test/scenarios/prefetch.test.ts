/**
 * Zero-wait first click: when a conversation reaches an agent, the app fetches the profile in the background,
 * through the 1.62 runtime's listener, so the agent's first click costs no LivePerson request.
 */
import { seedParticipantId } from '../support/liveperson-fixtures';
import { settle, useWorld, waitFor } from '../support/useWorld';
import { readPanel } from '../support/world';

const world = useWorld();
const info = () => world.sim.count('participantInfo');
const assigned = (room: { id: string }) => world.agentAssigned(room.id, world.users.agent);
const closed = (room: { id: string }) => world.roomClosed(room.id, { at: new Date(), by: world.users.agent });

describe('prefetch on assignment', () => {
    it('the first click after assignment costs no LivePerson request', async () => {
        await assigned(world.rooms.externalIds);
        await waitFor(() => info() === 1);
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(world.sim.count()).toBe(0);
        expect(readPanel(world.panel()).state).toMatchObject({ variant: 'success', title: 'Verified by LivePerson' });
    });

    it('a room started with an agent, and a transfer, are assignments too; a transfer costs nothing more', async () => {
        await world.roomStarted(world.rooms.field.id);
        await waitFor(() => info() === 1);
        await world.transferredToAgent(world.rooms.field.id, world.users.manager);
        await settle();
        world.sim.clearLog();
        await world.command(world.users.manager, world.rooms.field);
        expect(world.sim.count()).toBe(0);
        expect(readPanel(world.panel()).name).toBe('Jane Doe');
    });

    it('a room started without an agent waits for its assignment', async () => {
        world.workspace.updateRoom(world.rooms.externalIds.id, ({ servedBy: _queued, ...room }) => room);
        await world.roomStarted(world.rooms.externalIds.id);
        await settle();
        expect(world.sim.count()).toBe(0);
    });

    it('a visitor with no LivePerson id costs no request at all', async () => {
        await assigned(world.rooms.none);
        await settle();
        expect(world.sim.count()).toBe(0);
    });

    it('a click while the prefetch is in flight joins it: one request for both', async () => {
        world.sim.setLatency('participantInfo', 300);
        await assigned(world.rooms.externalIds);
        await waitFor(() => info() === 1);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(readPanel(world.panel()).fields.get('Account')).toBe('bank corp');
        expect(info()).toBe(1);
    });

    it('a closed conversation drops its profile; a new assignment fetches it again, and its click costs nothing', async () => {
        await assigned(world.rooms.externalIds);
        await waitFor(() => info() === 1);
        await closed(world.rooms.externalIds);
        await assigned(world.rooms.externalIds);
        await waitFor(() => info() === 2);
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(world.sim.count()).toBe(0);
    });

    it('a conversation that closes while its assignment still reads the visitor is never prefetched', async () => {
        await Promise.all([assigned(world.rooms.externalIds), closed(world.rooms.externalIds)]);
        // A control behind it: once its prefetch is answered, the first one would have been asked too.
        await assigned(world.rooms.field);
        await waitFor(() => world.sim.count('participantInfo') === 1);
        expect(world.sim.requests.filter((request) => request.route === 'participantInfo').map((request) => request.path)).toEqual([
            expect.not.stringContaining(seedParticipantId),
        ]);
    });

    it('a profile another open conversation needs stays when one closes', async () => {
        await assigned(world.rooms.externalIds);
        await assigned(world.rooms.portuguese);
        await waitFor(() => info() === 1);
        await closed(world.rooms.externalIds);
        world.sim.clearLog();
        await world.command(world.users.agentPt, world.rooms.portuguese);
        expect(world.sim.count()).toBe(0);
    });

    it('stops during a 429 pause, and resumes when it ends', async () => {
        await world.prewarm();
        world.sim.fault('participantInfo', { status: 429, headers: { 'Retry-After': '30' } }, 1);
        await world.command(world.users.agent, world.rooms.field);
        world.sim.clearLog();
        await assigned(world.rooms.externalIds);
        await settle();
        expect(world.sim.count()).toBe(0);
        world.advanceClock(31_000);
        await waitFor(() => info() === 1, 4000);
    });

    it('stops while the circuit breaker is open', async () => {
        await world.prewarm();
        await world.openCircuit(world.users.agent, world.rooms.field);
        world.sim.clearLog();
        await assigned(world.rooms.externalIds);
        await settle();
        expect(world.sim.count()).toBe(0);
        // Past the breaker's 30 s the waiting prefetch goes out: it was the open circuit that held it.
        world.advanceClock(31_000);
        await waitFor(() => info() === 1, 4000);
        expect(world.sim.requests.map((request) => request.route)).toEqual(['participantInfo']);
    });

    it('respects a refused login: no login attempt for the assignment', async () => {
        await world.saveSettings({ lp_app_secret: 'wrong-secret' });
        await world.command(world.users.agent, world.rooms.field);
        world.sim.clearLog();
        await assigned(world.rooms.externalIds);
        await settle();
        expect(world.sim.count('login')).toBe(0);
        // Past the minute of back-off, an assignment does try to log in: it was the refusal that held it. (The task
        // above is dropped by then: a prefetch waits at most a minute, as long as the back-off, so another room asks.)
        world.advanceClock(61_000);
        await assigned(world.rooms.portuguese);
        await waitFor(() => world.sim.count('login') === 1, 4000);
        await settle();
        expect(world.sim.requests.map((request) => `${request.route} ${request.status}`)).toEqual(['login 401']);
    });

    it('with lp_prefetch off, an assignment asks nothing and the first click fetches, as before', async () => {
        await world.saveSettings({ lp_prefetch: false });
        await assigned(world.rooms.externalIds);
        await settle();
        expect(world.sim.count()).toBe(0);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(world.sim.requests.map((request) => request.route)).toEqual(['domain', 'login', 'agentSession', 'participantInfo']);
        expect(world.sim.requests[3].path).toContain(seedParticipantId);
    });
});
