/**
 * The app's settings in the playground: the tests' LivePerson account, plus the secret the sample website signs
 * LivePerson ids with; and the settings drawer on the server: three of the app's settings, read and saved through
 * the engine's settings manager as the admin page does (so the app's onSettingUpdated runs), and the server's
 * default language.
 */
import { SIGNING_SECRET, type SettingValues, type World } from '../test/support/world';
import { HttpError } from './apiInput';
import { LANGUAGES, TIMEOUT_CHOICES, type PlaygroundSettings, type SettingsRequest } from './shared';

/** Saved on top of the tests' bot settings when the playground starts (Maria Rossi's id is signed with this secret). */
export const PLAYGROUND_APP_SETTINGS: SettingValues = { lp_signing_secret: SIGNING_SECRET };

export function readSettings(world: World): PlaygroundSettings {
    const settings = world.manager.getSettingsManager();
    const value = (id: 'lp_mask_pii' | 'lp_show_sensitive' | 'lp_timeout_ms') => {
        const setting = settings.getAppSetting(world.appId, id);
        return (setting.value ?? setting.packageValue) as unknown;
    };
    return {
        maskPii: value('lp_mask_pii') === true,
        showSensitive: value('lp_show_sensitive') === true,
        timeoutMs: Number(value('lp_timeout_ms')),
        language: String(world.workspace.serverSettings.get('Language') ?? 'en'),
    };
}

export async function saveSettings(world: World, change: SettingsRequest): Promise<void> {
    if (change.timeoutMs !== undefined && !(TIMEOUT_CHOICES as readonly number[]).includes(change.timeoutMs))
        throw new HttpError(400, `the time limit must be one of ${TIMEOUT_CHOICES.join(', ')} ms`);
    if (change.language !== undefined) {
        if (!LANGUAGES.some((language) => language.code === change.language)) throw new HttpError(400, `unknown language ${change.language}`);
        world.workspace.serverSettings.set('Language', change.language);
    }
    const values: SettingValues = {};
    if (change.maskPii !== undefined) values.lp_mask_pii = change.maskPii;
    if (change.showSensitive !== undefined) values.lp_show_sensitive = change.showSensitive;
    if (change.timeoutMs !== undefined) values.lp_timeout_ms = change.timeoutMs;
    // One engine update (and one onSettingUpdated in the app) per changed setting, as the admin page saves.
    await world.saveSettings(values);
}
