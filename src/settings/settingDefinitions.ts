import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { SettingType } from '@rocket.chat/apps-engine/definition/settings/SettingType';

import { SettingId } from './SettingId';

export const AuthType = { ApiKey: 'api_key', Password: 'password' } as const;
export const SOURCE_MODES = ['auto', 'chat', 'messaging'] as const;

export const SETTING_DEFAULTS = {
    /** Blank: a visitor custom field is visitor-editable, so the route is off until an admin names one. */
    participantField: '',
    allowedRoles: 'livechat-manager,livechat-monitor,admin',
    maskPii: true,
    showSensitive: false,
    cacheTtlSeconds: 300,
    timeoutMs: 2500,
    prefetch: true,
    source: 'auto',
    historyCount: 5,
} as const;

type SettingSpec = Omit<ISetting, 'i18nLabel' | 'i18nDescription' | 'public' | 'required'> & { required?: boolean };

const section = {
    account: 'section_account',
    mapping: 'section_participant_mapping',
    privacy: 'section_privacy',
    limits: 'section_limits',
};

/** Labels and descriptions follow one key scheme so the packager can check every language has them. */
export const settingLabelKey = (id: string): string => `${id}_label`;
const settingDescriptionKey = (id: string): string => `${id}_description`;
export const optionLabelKey = (id: string, value: string): string => `${id}_${value}`;

const options = (id: SettingId, values: readonly string[]) => values.map((key) => ({ key, i18nLabel: optionLabelKey(id, key) }));

const specs: SettingSpec[] = [
    { id: SettingId.AccountId, type: SettingType.STRING, packageValue: '', required: true, section: section.account },
    {
        id: SettingId.AuthType,
        type: SettingType.SELECT,
        packageValue: AuthType.ApiKey,
        required: true,
        section: section.account,
        values: options(SettingId.AuthType, [AuthType.ApiKey, AuthType.Password]),
    },
    { id: SettingId.Username, type: SettingType.STRING, packageValue: '', section: section.account },
    // A PASSWORD setting too: the client id (OAuth1 app key) is half of the bot's credentials and is never echoed.
    { id: SettingId.AppKey, type: SettingType.PASSWORD, packageValue: '', section: section.account },
    { id: SettingId.AppSecret, type: SettingType.PASSWORD, packageValue: '', section: section.account },
    { id: SettingId.Password, type: SettingType.PASSWORD, packageValue: '', section: section.account },
    { id: SettingId.AccessToken, type: SettingType.PASSWORD, packageValue: '', section: section.account },
    { id: SettingId.AccessTokenSecret, type: SettingType.PASSWORD, packageValue: '', section: section.account },
    { id: SettingId.Domain, type: SettingType.STRING, packageValue: '', section: section.account },
    {
        id: SettingId.Source,
        type: SettingType.SELECT,
        packageValue: SETTING_DEFAULTS.source,
        required: true,
        section: section.mapping,
        values: options(SettingId.Source, SOURCE_MODES),
    },
    { id: SettingId.ParticipantAppIds, type: SettingType.STRING, packageValue: '', section: section.mapping },
    { id: SettingId.ParticipantField, type: SettingType.STRING, packageValue: SETTING_DEFAULTS.participantField, section: section.mapping },
    { id: SettingId.SigningSecret, type: SettingType.PASSWORD, packageValue: '', section: section.mapping },
    { id: SettingId.AllowedRoles, type: SettingType.STRING, packageValue: SETTING_DEFAULTS.allowedRoles, section: section.privacy },
    { id: SettingId.MaskPii, type: SettingType.BOOLEAN, packageValue: SETTING_DEFAULTS.maskPii, section: section.privacy },
    { id: SettingId.ShowSensitive, type: SettingType.BOOLEAN, packageValue: SETTING_DEFAULTS.showSensitive, section: section.privacy },
    { id: SettingId.CacheTtlSeconds, type: SettingType.NUMBER, packageValue: SETTING_DEFAULTS.cacheTtlSeconds, section: section.limits },
    { id: SettingId.TimeoutMs, type: SettingType.NUMBER, packageValue: SETTING_DEFAULTS.timeoutMs, section: section.limits },
    { id: SettingId.Prefetch, type: SettingType.BOOLEAN, packageValue: SETTING_DEFAULTS.prefetch, section: section.limits },
    { id: SettingId.HistoryCount, type: SettingType.NUMBER, packageValue: SETTING_DEFAULTS.historyCount, section: section.limits },
];

/**
 * Credentials are never `public`: a public setting is sent to every logged-in client.
 * Only the account id and the two choices are `required`: the rest depends on the login type and is checked by `/visitorinfo status`.
 */
export const SETTINGS: readonly ISetting[] = specs.map((spec) => ({
    ...spec,
    required: spec.required ?? false,
    public: false,
    i18nLabel: settingLabelKey(spec.id),
    i18nDescription: settingDescriptionKey(spec.id),
}));

/** Values used exactly as typed and never echoed anywhere: the settings the admin page masks. */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set(SETTINGS.filter((setting) => setting.type === SettingType.PASSWORD).map((setting) => setting.id));
