/** Two Rocket.Chat instances over one database: each runs the app in its own Deno subprocess, one login serves both. */
import { useWorld } from '../support/useWorld';
import { readPanel } from '../support/world';

const world = useWorld({ instances: 2 });
const routes = () => world.sim.requests.map((request) => `${request.route} ${request.status}`);

describe('a cluster of two Rocket.Chat instances', () => {
    it('both pre-warm at once (their enables raced, each scheduled one): one login between them, then each answers with one request', async () => {
        await Promise.all([world.prewarm(0), world.prewarm(1)]);
        expect(world.sim.count('login')).toBe(1);
        world.sim.clearLog();
        await world.commandOn(1, world.users.agent, world.rooms.externalIds, [], true);
        await world.commandOn(0, world.users.agent, world.rooms.field, [], true);
        expect(routes()).toEqual(['participantInfo 200', 'participantInfo 200']);
        expect(readPanel(world.instances[1].recorder.web.shown()).name).toBe('Test User');
    });

    it('the keep-alive job runs on an instance no agent used: it refreshes the session the other one uses', async () => {
        await world.commandOn(0, world.users.agent, world.rooms.externalIds, [], true);
        world.sim.clearLog();
        world.advanceClock(4 * 60_000);
        // Due once for the cluster: Agenda runs it on one instance, here the second.
        await world.runDueJobs(1);
        expect(routes()).toEqual(['refresh 200']);
    });
});
