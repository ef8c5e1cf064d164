import type { IConfigurationModify } from '@rocket.chat/apps-engine/definition/accessors';

import { JOB_IDS, RETIRED_JOB_IDS } from '../ids';
import type { AppLog } from '../logging';

/** Long enough for a settings save to finish, short enough that the first agent finds a warm session. */
const PREWARM_DELAY_MS = 2000;

/**
 * Saving the settings page fires one `onSettingUpdated` per changed setting, concurrently. Each call pushes
 * the pre-warm job back; doing so one call at a time leaves exactly one job, so the burst costs one login.
 */
export class PrewarmScheduler {
    private queue: Promise<void> = Promise.resolve();

    /** Never rejects: without a pre-warm the first click logs in itself, which is slower but works. */
    schedule(configModify: IConfigurationModify, logger: AppLog, delayMs: number = PREWARM_DELAY_MS): Promise<void> {
        this.queue = this.queue.then(async () => {
            try {
                await cancelPrewarm(configModify);
                await configModify.scheduler.scheduleOnce({ id: JOB_IDS.prewarm, when: new Date(Date.now() + delayMs) });
            } catch (error) {
                logger.warn(`Could not schedule the LivePerson pre-warm (${error instanceof Error ? error.name : 'error'}): the first click will log in`);
            }
        });
        return this.queue;
    }
}

/** Cancels a waiting pre-warm, under its current id and the one it had before (a job from before an update). */
export async function cancelPrewarm(configModify: IConfigurationModify): Promise<void> {
    await configModify.scheduler.cancelJob(RETIRED_JOB_IDS.prewarm);
    await configModify.scheduler.cancelJob(JOB_IDS.prewarm);
}
