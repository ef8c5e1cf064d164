import type { AppConfig } from '../settings/AppConfig';
import type { CallContext } from './CallContext';
import type { LivePersonClient } from './LivePersonClient';

/**
 * Hands the current settings to the client before it is used. Settings are read on every action, so an
 * instance that missed `onSettingUpdated` (another server of a cluster) still notices new credentials.
 * Returns false when LivePerson cannot be called with these settings.
 */
export function applySettings(client: LivePersonClient, config: AppConfig, ctx: CallContext): boolean {
    const replaced = config.livePerson ? client.useSettings(config.livePerson, config.cacheTtlMs) : client.clearSettings();
    if (replaced) {
        client.retireInBackground(ctx, replaced);
    }
    return config.livePerson !== undefined;
}
