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

    it('a wrong secret on two instances sends one login per back-off', async () => {
        await world.saveSettings({ lp_app_secret: 'not-the-secret' });
        const clickBoth = () =>
            Promise.all([
                world.commandOn(0, world.users.agent, world.rooms.externalIds, [], true),
                world.commandOn(1, world.users.manager, world.rooms.field, [], true),
            ]);
        await clickBoth();
        expect(world.sim.count('login')).toBe(1);
        // Inside the first back-off (one minute): neither instance tries again.
        world.advanceClock(30_000);
        await clickBoth();
        expect(world.sim.count('login')).toBe(1);
        expect(world.instances.map((instance) => readPanel(instance.recorder.web.shown()).notices[0]?.text)).toEqual([
            expect.stringContaining("LivePerson refused the app's login, and the app waits 1 min"),
            expect.stringContaining("LivePerson refused the app's login, and the app waits 1 min"),
        ]);
        // The back-off over: one more attempt between them, not one each.
        world.advanceClock(31_000);
        await clickBoth();
        expect(world.sim.count('login')).toBe(2);
    });

    it('a session LivePerson ended, found by both instances at once: one new login between them', async () => {
        await world.prewarm(0);
        world.advanceClock(2 * 60_000);
        world.sim.expireBearers();
        world.sim.expireLoginSessions();
        world.sim.clearLog();
        await Promise.all([
            world.commandOn(0, world.users.agent, world.rooms.externalIds, [], true),
            world.commandOn(1, world.users.manager, world.rooms.field, [], true),
        ]);
        expect(world.sim.count('login')).toBe(1);
        expect(world.sim.activeBearers().length).toBe(1);
        expect(readPanel(world.instances[0].recorder.web.shown()).fields.get('Account')).toBe('bank corp');
        expect(readPanel(world.instances[1].recorder.web.shown()).name).toBe('Jane Doe');
    });

    it('the first clicks of a cold cluster, on both instances at once: one login between them', async () => {
        await Promise.all([
            world.commandOn(0, world.users.agent, world.rooms.externalIds, [], true),
            world.commandOn(1, world.users.manager, world.rooms.field, [], true),
        ]);
        expect(world.sim.count('login')).toBe(1);
        expect(world.sim.activeBearers().length).toBe(1);
    });
});
