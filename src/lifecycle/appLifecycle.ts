import type { IConfigurationModify, IHttp, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';

import type { AppServices } from '../app/AppServices';
import { livePersonContext } from '../app/calls';
import { TIMES } from '../liveperson/sessionPolicy';
import type { AppLog } from '../logging';
import { cancelPrewarm } from './PrewarmScheduler';

/** Enabled: settings are read afresh, and the session is prepared before the first agent clicks. */
export async function handleEnable(services: AppServices, configModify: IConfigurationModify, logger: AppLog): Promise<void> {
    services.config.invalidate();
    await services.prewarm.schedule(configModify, logger, 0);
}

/** Disabled: no more pre-warm, and the LivePerson session ends (bounded: disabling must not hang on LivePerson). */
export async function handleDisable(
    services: AppServices,
    configModify: IConfigurationModify,
    host: { read: IRead; http: IHttp; logger: AppLog },
): Promise<void> {
    await cancelPrewarm(configModify).catch(() => undefined);
    await services.directory.logout(livePersonContext(host, TIMES.logoutBudget)).catch(() => undefined);
}

/**
 * A save (one call per changed setting): the settings are read afresh; new LivePerson settings (another
 * fingerprint) end the old session at once and schedule one pre-warm after the burst. The host lends no persistence writer here: the stored
 * session is left to its fingerprint, which no longer matches.
 */
export async function handleSettingUpdated(
    services: AppServices,
    _setting: ISetting,
    configModify: IConfigurationModify,
    host: { read: IRead; http: IHttp; logger: AppLog },
): Promise<void> {
    services.config.invalidate();
    const config = await services.config.read(host.read.getEnvironmentReader().getSettings());
    const replaced = await services.directory.settingsSaved(livePersonContext(host, TIMES.logoutBudget), config.livePerson, config.readNumber);
    if (replaced && config.readiness === 'ready') {
        await services.prewarm.schedule(configModify, host.logger);
    }
}
