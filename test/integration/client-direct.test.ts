/**
 * The LivePerson client from the sources, with an injected clock, over the test host's real IHttp to the
 * simulator: behaviours that need time to pass or sizes too large to drive through clicks.
 */
import type { CallContext } from '../../src/liveperson/CallContext';
import { Deadline } from '../../src/liveperson/Deadline';
import { LivePersonClient } from '../../src/liveperson/LivePersonClient';
import { persistenceSessionStore } from '../../src/liveperson/persistenceSessionStore';
import { parseAppConfig } from '../../src/settings/readAppConfig';
import { seedParticipant } from '../support/liveperson-fixtures';
import { waitFor } from '../support/observe';
import { BOT_SETTINGS, startSampleWorld, type SampleWorld } from '../support/sample-world';

describe('the LivePerson client over real HTTP, with its own clock', () => {
    let world: SampleWorld;
    let now: number;
    let client: LivePersonClient;
    const lines: string[] = [];
    const logger = new Proxy({}, { get: () => (...args: unknown[]) => lines.push(JSON.stringify(args)) }) as never;
    const ctx = (): CallContext => ({
        http: world.host.http,
        logger,
        deadline: Deadline.in(2500),
        correlationId: 'lp-test0001',
        sessionStore: persistenceSessionStore(world.host.read.getPersistenceReader(), world.host.persis),
    });
    const lookup = (participantId: string) => client.lookupParticipant(ctx(), participantId, { bypassCache: false });

    beforeEach(async () => {
        world = await startSampleWorld();
        now = Date.now();
        client = new LivePersonClient({ clock: () => now, maxCachedParticipants: 3 });
        const config = parseAppConfig(BOT_SETTINGS);
        client.useSettings(config.livePerson!, config.cacheTtlMs);
        lines.length = 0;
    });
    afterEach(async () => {
        await client.settled();
        for (const secret of ['app-secret-1', 'app-key-1']) {
            expect(lines.join('\n')).not.toContain(secret);
        }
        await world.stop();
    });

    it('the cache is bounded: the least recently used participant is fetched again', async () => {
        for (let i = 0; i < 5; i++) {
            world.sim.setParticipant('12345678', `p-${i}`, seedParticipant);
            expect((await lookup(`p-${i}`)).ok).toBe(true);
        }
        expect(client.cachedParticipants).toBe(3);
        world.sim.clearLog();
        await lookup('p-4');
        expect(world.sim.count()).toBe(0);
        await lookup('p-0');
        expect(world.sim.count('participantInfo')).toBe(1);
    });

    it('an hour-old domain is still used while a background call renews it', async () => {
        world.sim.setParticipant('12345678', 'p-1', seedParticipant);
        await client.warmUp(ctx());
        now += 61 * 60_000;
        world.sim.clearLog();
        const report = await client.warmUp(ctx());
        expect(report.ok).toBe(true);
        await client.settled();
        // The session this instance logged in is still trusted: no new login, only the domain renewed.
        expect(world.sim.requests.map((request) => request.route)).toEqual(['domain']);
    });

    it('after a connection failure the domain is asked again, in the background', async () => {
        world.sim.setParticipant('12345678', 'p-1', seedParticipant);
        await lookup('p-1');
        world.sim.fault('participantInfo', { kind: 'reset' }, 1);
        world.sim.clearLog();
        expect(await client.lookupParticipant(ctx(), 'p-1', { bypassCache: true })).toMatchObject({ ok: false, failure: { kind: 'unavailable' } });
        await waitFor(() => world.sim.count('domain') === 1);
        // Same host as before: the session stays, the next click costs one request.
        await client.lookupParticipant(ctx(), 'p-1', { bypassCache: true });
        expect(world.sim.requests.map((request) => request.route)).toEqual(['participantInfo', 'domain', 'participantInfo']);
    });

    it('every log line names the step, the kind, the status, the reference and the duration', async () => {
        world.sim.fault('participantInfo', { status: 503, body: '{"internalCode":42}' }, 1);
        await lookup('p-unknown');
        const failure = lines.find((line) => line.includes('participantInfo'));
        expect(JSON.parse(failure ?? '[]')[1]).toEqual({ step: 'participantInfo', kind: 'unavailable', status: 503, internalCode: 42, correlationId: 'lp-test0001', durationMs: expect.any(Number) });
    });
});
