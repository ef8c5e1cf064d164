import type { IConfigurationModify, IHttp, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';

import type { AppRuntime } from '../AppRuntime';
import { applySettings } from '../liveperson/applySettings';
import { createCallContext } from '../liveperson/createCallContext';
import { readAppConfig } from '../settings/readAppConfig';
import { CREDENTIAL_SETTINGS } from '../settings/SettingId';

const LOGOUT_BUDGET_MS = 5000;

/** New credentials: drop every session at once (logging the old one out) and pre-warm after the burst. */
export async function handleSettingUpdated(runtime: AppRuntime, setting: ISetting, configModify: IConfigurationModify, read: IRead, http: IHttp): Promise<void> {
    if (!CREDENTIAL_SETTINGS.has(setting.id)) {
        return;
    }
    const config = await readAppConfig(read.getEnvironmentReader().getSettings());
    // No persistence writer here: the stored session is left to its fingerprint, which no longer matches.
    applySettings(runtime.client, config, createCallContext({ http, read }, runtime.logger, LOGOUT_BUDGET_MS));
    if (config.readiness === 'ready') {
        await runtime.prewarm.schedule(configModify, runtime.logger);
    }
}
