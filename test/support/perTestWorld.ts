import { agentActions } from './actions';
import { expectPrivateAndSecret } from './observe';
import { startSampleWorld, type SampleWorld, type SampleWorldOptions } from './sample-world';

export type Started = { world: SampleWorld; act: ReturnType<typeof agentActions> };

/**
 * One sample world per test, stopped after it; every test ends by checking the app's two promises (nothing
 * in the room, no secret anywhere) plus any check of the suite's own. `use` receives the started world.
 */
export function perTestWorld(use: (started: Started) => void, alsoAfterEach: (world: SampleWorld) => void = () => undefined) {
    let current: SampleWorld | undefined;
    afterEach(async () => {
        const world = current;
        current = undefined;
        if (!world) return;
        try {
            alsoAfterEach(world);
            expectPrivateAndSecret(world);
        } finally {
            await world.stop();
        }
    });
    return async (options: SampleWorldOptions = {}): Promise<Started> => {
        if (current) {
            await current.stop();
        }
        current = await startSampleWorld(options);
        const started = { world: current, act: agentActions(current) };
        use(started);
        return started;
    };
}
