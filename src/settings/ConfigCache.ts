import type { IServerSettingRead, ISettingRead } from '@rocket.chat/apps-engine/definition/accessors';

import type { AppConfig } from './AppConfig';
import { readAppConfig } from './readAppConfig';

/** How long settings read from the host are trusted when no save was seen: a save on another instance shows within it. */
const CONFIG_MAX_AGE_MS = 10_000;

/**
 * The app's settings (and the server's default language) between calls. Reading them costs one host round trip per setting (one accessor call
 * each in the subprocess runtime), so a click uses the settings read by an earlier one: they are read again
 * after a save on this instance (`invalidate`, from `onSettingUpdated`) and at least every 10 seconds.
 */
export class ConfigCache {
    private cached: { config: AppConfig; readAt: number } | undefined;
    private language: { value: string | undefined; readAt: number } | undefined;
    private reading: Promise<AppConfig> | undefined;
    private epoch = 0;

    async current(settings: ISettingRead): Promise<AppConfig> {
        if (this.cached && Date.now() - this.cached.readAt < CONFIG_MAX_AGE_MS) {
            return this.cached.config;
        }
        return this.read(settings);
    }

    /** The settings as they are now, and kept for the next calls. */
    read(settings: ISettingRead): Promise<AppConfig> {
        if (!this.reading) {
            const epoch = this.epoch;
            const readAt = Date.now();
            this.reading = readAppConfig(settings)
                .then((config) => {
                    // A read that started before a save is not kept: the next call reads again.
                    if (epoch === this.epoch) this.cached = { config, readAt };
                    return config;
                })
                .finally(() => {
                    this.reading = undefined;
                });
        }
        return this.reading;
    }

    /**
     * The server's default language, for users who chose none. The app hears of no server setting change, so
     * this too is read again every 10 seconds; between reads a click saves the round trip.
     */
    async serverLanguage(settings: IServerSettingRead): Promise<string | undefined> {
        if (this.language && Date.now() - this.language.readAt < CONFIG_MAX_AGE_MS) {
            return this.language.value;
        }
        const readAt = Date.now();
        const value = await settings.getValueById('Language').catch(() => undefined);
        this.language = { value: typeof value === 'string' ? value : undefined, readAt };
        return this.language.value;
    }

    invalidate(): void {
        this.epoch++;
        this.cached = undefined;
        this.reading = undefined;
        this.language = undefined;
    }
}
