import type { IConfigurationModify } from '@rocket.chat/apps-engine/definition/accessors';

import { PREWARM_JOB } from './jobs';

/** Long enough for a settings save to finish, short enough that the first agent finds a warm session. */
export const PREWARM_DELAY_MS = 2000;

/**
 * Saving the settings page fires one `onSettingUpdated` per changed setting, concurrently. Each call pushes
 * the pre-warm job back; doing so one call at a time leaves exactly one job, so the burst costs one login.
 */
export class PrewarmScheduler {
    private queue: Promise<void> = Promise.resolve();

    schedule(configModify: IConfigurationModify, delayMs: number = PREWARM_DELAY_MS): Promise<void> {
        const next = this.queue.then(async () => {
            await configModify.scheduler.cancelJob(PREWARM_JOB);
            await configModify.scheduler.scheduleOnce({ id: PREWARM_JOB, when: new Date(Date.now() + delayMs) });
        });
        this.queue = next.catch(() => undefined);
        return next;
    }
}
