/**
 * One world per test file (starting the engine and installing the zip costs about half a second), put back
 * before every test, and three promises checked after every test: nothing reached the room, every private
 * message went to the room its user had open, and no credential, session secret or visitor token reached
 * anything a person or a log reader can see.
 */
import { isRuntimeLine, SECRETS, World, type WorldOptions } from './world';

export function useWorld(options: WorldOptions = {}): World {
    const world = new World(options);
    let consoleError: jest.SpyInstance | undefined;
    beforeAll(async () => {
        // The engine reports on console.error what it swallows: a denied permission, a crashed handler.
        const real = console.error.bind(console);
        consoleError = jest.spyOn(console, 'error').mockImplementation((...items: unknown[]) => {
            world.engineErrors.push(items.map(String).join(' '));
            real(...items);
        });
        await world.start();
    }, 60_000);
    beforeEach(async () => {
        await world.reset();
    }, 30_000);
    afterEach(() => expectPrivateAndSecret(world));
    afterAll(async () => {
        await world.stop();
        consoleError?.mockRestore();
    }, 30_000);
    return world;
}

/** Bearers, csrf tokens and session cookies the simulator issued: none may appear anywhere. */
export function issuedSessionSecrets(world: World): string[] {
    const secrets = new Set<string>();
    for (const request of world.sim.requests) {
        const auth = request.headers.authorization;
        if (auth?.startsWith('Bearer ')) secrets.add(auth.slice(7));
        const cookie = /Session_id=([^;\s]+)/.exec(request.headers.cookie ?? '');
        if (cookie) secrets.add(cookie[1]);
        const csrf = (request.body as { csrf?: string } | undefined)?.csrf;
        if (csrf) secrets.add(csrf);
    }
    return [...secrets].filter((secret) => secret.length >= 8);
}

/** Everything the app produced that a person or a log reader could see, on every instance. */
export function everythingVisible(world: World): string {
    return JSON.stringify(
        world.instances.map(({ recorder, engine }) => [
            recorder.notices.map((notice) => [notice.text, notice.blocks]),
            recorder.web.surfaces.map((surface) => surface.view),
            recorder.posted,
            engine.logs.flatMap((entry) => entry.entries.filter((line) => !isRuntimeLine(line.args)).map((line) => line.args)),
        ]),
    );
}

export function expectPrivateAndSecret(world: World): void {
    for (const { recorder } of world.instances) {
        expect(recorder.posted).toEqual([]);
        expect(recorder.unimplemented).toEqual([]);
        // An ephemeral message sent to a room the user does not have open is never seen.
        expect(recorder.notices.filter((notice) => !notice.seen)).toEqual([]);
    }
    expect(world.engineErrors).toEqual([]);
    const visible = everythingVisible(world);
    for (const secret of [...SECRETS, ...world.tokens, ...issuedSessionSecrets(world)]) {
        expect(visible).not.toContain(secret);
    }
}

/** Long enough for a background task that would happen to happen: the prefetch's drain loop looks every second at most. */
export const settle = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 1200));

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
    const started = Date.now();
    while (!condition()) {
        if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
        await new Promise((resolve) => setTimeout(resolve, 10));
    }
}
