import type { IConfigurationModify, IPersistence } from '@rocket.chat/apps-engine/definition/accessors';
import type { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';

import type { AppServices } from '../app/AppServices';
import type { HostAccess } from '../hostAccess';
import { BUDGETS, newCall } from '../liveperson/call';
import { errorSummary, type AppLog } from '../logging';
import { conversationOfRoom, recordConversation } from '../visitor/conversationLog';
import { cancelPrewarm } from './PrewarmScheduler';

/** Enabled: settings are read afresh, and the session is prepared before the first agent clicks. */
export async function handleEnable(services: AppServices, configModify: IConfigurationModify, logger: AppLog): Promise<void> {
    services.config.invalidate();
    await services.prewarm.schedule(configModify, logger, 0);
}

/** Disabled: no more pre-warm, and the LivePerson session ends (bounded: disabling must not hang on LivePerson). */
export async function handleDisable(services: AppServices, configModify: IConfigurationModify, host: HostAccess): Promise<void> {
    await cancelPrewarm(configModify).catch(() => undefined);
    await services.directory.logout(newCall(host, undefined, BUDGETS.logout)).catch(() => undefined);
}

/**
 * A save (one call per changed setting): the settings are read afresh; new LivePerson settings (another
 * fingerprint) end the old session at once and schedule one pre-warm after the burst. The host lends no persistence writer here: the stored
 * session is left to its fingerprint, which no longer matches.
 */
export async function handleSettingUpdated(services: AppServices, _setting: ISetting, configModify: IConfigurationModify, host: HostAccess): Promise<void> {
    services.config.invalidate();
    const config = await services.config.read(host.read.getEnvironmentReader().getSettings());
    const replaced = await services.directory.settingsSaved(newCall(host, undefined, BUDGETS.logout), config.livePerson, config.generation);
    if (replaced && config.readiness === 'ready') {
        await services.prewarm.schedule(configModify, host.logger);
    }
}

/**
 * A conversation closed: the prefetch lets go of it, and, while the admin shows earlier conversations, it joins
 * its visitor's (Rocket.Chat hands apps a visitor's open rooms only, so the app keeps the closed ones itself).
 * Never throws: no one waits.
 */
export async function handleRoomClosed(services: AppServices, host: HostAccess & { persis: IPersistence }, room: ILivechatRoom): Promise<void> {
    await services.prefetch.closed(host, room);
    try {
        const conversation = conversationOfRoom(room);
        if (!conversation || !room.visitor?.id) return;
        // History off: nothing about the visitor's conversations is collected.
        const { historyCount } = await services.config.current(host.read.getEnvironmentReader().getSettings());
        if (historyCount === 0) return;
        await recordConversation(host.read.getPersistenceReader(), host.persis, room.visitor.id, conversation);
    } catch (error) {
        host.logger.warn(`Could not keep a closed conversation for the visitor's history: ${errorSummary(error).name}`);
    }
}
