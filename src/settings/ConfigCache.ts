import type { IServerSettingRead, ISettingRead } from '@rocket.chat/apps-engine/definition/accessors';

import type { AppConfig } from './AppConfig';
import { readAppConfig } from './readAppConfig';

/**
 * Rocket.Chat hands every save to every instance's `onSettingUpdated` (its AppServerListener.onAppSettingUpdated
 * calls the engine's updateAppSetting), which drops the cache. Reading again after this long is only a safety net
 * for a lost broadcast: each read costs a host round trip per setting (20), so it must not fall on every click.
 */
const SETTINGS_MAX_AGE_MS = 5 * 60_000;
/** The server's language has no event: read again after 10 s, one round trip (a new language shows that soon). */
const SERVER_LANGUAGE_MAX_AGE_MS = 10_000;

/**
 * The app's settings (and the server's default language) between calls. Reading them costs one host round trip
 * per setting, so a click uses the settings read by an earlier one: they are read again after a save on this
 * instance (`invalidate`, from `onSettingUpdated`, which Rocket.Chat runs on every instance) and at least every 5
 * minutes. Each read is stamped with its generation, the one answer to "are these settings current?" for the rest
 * of the app.
 */
export class ConfigCache {
    private cached: { config: AppConfig; readAt: number } | undefined;
    private language: { value: string | undefined; readAt: number } | undefined;
    private reading: Promise<AppConfig> | undefined;
    /** Reads started so far; a read numbered below `keptFrom` began before the last save, and is not kept. */
    private generations = 0;
    private keptFrom = 0;

    async current(settings: ISettingRead): Promise<AppConfig> {
        if (this.cached && Date.now() - this.cached.readAt < SETTINGS_MAX_AGE_MS) return this.cached.config;
        return this.read(settings);
    }

    /** The settings as they are now, and kept for the next calls. */
    read(settings: ISettingRead): Promise<AppConfig> {
        if (!this.reading) {
            const generation = ++this.generations;
            const readAt = Date.now();
            const reading = readAppConfig(settings, generation)
                .then((config) => {
                    if (generation >= this.keptFrom) this.cached = { config, readAt };
                    return config;
                })
                .finally(() => {
                    if (this.reading === reading) this.reading = undefined;
                });
            this.reading = reading;
        }
        return this.reading;
    }

    /**
     * The server's default language, for users who chose none. The app hears of no server setting change, so
     * this is read again every 10 seconds; between reads a click saves the round trip.
     */
    async serverLanguage(settings: IServerSettingRead): Promise<string | undefined> {
        if (this.language && Date.now() - this.language.readAt < SERVER_LANGUAGE_MAX_AGE_MS) return this.language.value;
        const readAt = Date.now();
        const value = await settings.getValueById('Language').catch(() => undefined);
        this.language = { value: typeof value === 'string' ? value : undefined, readAt };
        return this.language.value;
    }

    /** A save: what was read before it is stale. */
    invalidate(): void {
        this.keptFrom = this.generations + 1;
        this.cached = undefined;
        this.reading = undefined;
        this.language = undefined;
    }
}
