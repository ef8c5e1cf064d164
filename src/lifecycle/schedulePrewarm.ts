import type { IConfigurationModify } from '@rocket.chat/apps-engine/definition/accessors';

import { PREWARM_JOB } from './jobs';

/**
 * Saving the settings page fires one `onSettingUpdated` per changed setting: each call pushes the
 * pre-warm back, so the whole burst costs one login once the last setting is in.
 */
export const PREWARM_DELAY_MS = 2000;

export async function schedulePrewarm(configModify: IConfigurationModify, delayMs: number = PREWARM_DELAY_MS): Promise<void> {
    await configModify.scheduler.cancelJob(PREWARM_JOB);
    await configModify.scheduler.scheduleOnce({ id: PREWARM_JOB, when: new Date(Date.now() + delayMs) });
}
