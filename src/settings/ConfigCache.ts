import type { IServerSettingRead, ISettingRead } from '@rocket.chat/apps-engine/definition/accessors';

import type { AppConfig } from './AppConfig';
import { readAppConfig } from './readAppConfig';

/** How long settings read from the host are trusted when no save was seen: a save on another instance shows within it. */
const CONFIG_MAX_AGE_MS = 10_000;

/**
 * The app's settings (and the server's default language) between calls. Reading them costs one host round trip
 * per setting, so a click uses the settings read by an earlier one: they are read again after a save on this
 * instance (`invalidate`, from `onSettingUpdated`) and at least every 10 seconds. Each read is stamped with its
 * generation, the one answer to "are these settings current?" for the rest of the app.
 */
export class ConfigCache {
    private cached: { config: AppConfig; readAt: number } | undefined;
    private language: { value: string | undefined; readAt: number } | undefined;
    private reading: Promise<AppConfig> | undefined;
    /** Reads started so far; a read numbered below `keptFrom` began before the last save, and is not kept. */
    private generations = 0;
    private keptFrom = 0;

    async current(settings: ISettingRead): Promise<AppConfig> {
        if (this.cached && Date.now() - this.cached.readAt < CONFIG_MAX_AGE_MS) return this.cached.config;
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
     * this too is read again every 10 seconds; between reads a click saves the round trip.
     */
    async serverLanguage(settings: IServerSettingRead): Promise<string | undefined> {
        if (this.language && Date.now() - this.language.readAt < CONFIG_MAX_AGE_MS) return this.language.value;
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
