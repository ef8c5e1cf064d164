import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { SettingType } from '@rocket.chat/apps-engine/definition/settings/SettingType';

import { SettingId } from './SettingId';

export const AuthType = { ApiKey: 'api_key', Password: 'password' } as const;

export const SETTING_DEFAULTS = {
    participantField: 'lpParticipantId',
    allowedRoles: 'livechat-manager,livechat-monitor,admin',
    maskPii: true,
    showSensitive: false,
    cacheTtlSeconds: 300,
    timeoutMs: 2500,
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
export const settingDescriptionKey = (id: string): string => `${id}_description`;

const specs: SettingSpec[] = [
    { id: SettingId.AccountId, type: SettingType.STRING, packageValue: '', required: true, section: section.account },
    {
        id: SettingId.AuthType,
        type: SettingType.SELECT,
        packageValue: AuthType.ApiKey,
        required: true,
        section: section.account,
        values: [
            { key: AuthType.ApiKey, i18nLabel: 'lp_auth_type_api_key' },
            { key: AuthType.Password, i18nLabel: 'lp_auth_type_password' },
        ],
    },
    { id: SettingId.Username, type: SettingType.STRING, packageValue: '', section: section.account },
    { id: SettingId.Password, type: SettingType.PASSWORD, packageValue: '', section: section.account },
    { id: SettingId.AppKey, type: SettingType.STRING, packageValue: '', section: section.account },
    { id: SettingId.AppSecret, type: SettingType.PASSWORD, packageValue: '', section: section.account },
    { id: SettingId.AccessToken, type: SettingType.PASSWORD, packageValue: '', section: section.account },
    { id: SettingId.AccessTokenSecret, type: SettingType.PASSWORD, packageValue: '', section: section.account },
    { id: SettingId.Domain, type: SettingType.STRING, packageValue: '', section: section.account },
    { id: SettingId.ParticipantAppIds, type: SettingType.STRING, packageValue: '', section: section.mapping },
    { id: SettingId.ParticipantField, type: SettingType.STRING, packageValue: SETTING_DEFAULTS.participantField, section: section.mapping },
    { id: SettingId.AllowedRoles, type: SettingType.STRING, packageValue: SETTING_DEFAULTS.allowedRoles, section: section.privacy },
    { id: SettingId.MaskPii, type: SettingType.BOOLEAN, packageValue: SETTING_DEFAULTS.maskPii, section: section.privacy },
    { id: SettingId.ShowSensitive, type: SettingType.BOOLEAN, packageValue: SETTING_DEFAULTS.showSensitive, section: section.privacy },
    { id: SettingId.CacheTtlSeconds, type: SettingType.NUMBER, packageValue: SETTING_DEFAULTS.cacheTtlSeconds, section: section.limits },
    { id: SettingId.TimeoutMs, type: SettingType.NUMBER, packageValue: SETTING_DEFAULTS.timeoutMs, section: section.limits },
];

/**
 * Credentials are never `public`: a public setting is sent to every logged-in client.
 * Only the account id is `required`: the rest depends on the login type and is checked by `/visitorinfo status`.
 */
export const SETTINGS: readonly ISetting[] = specs.map((spec) => ({
    ...spec,
    required: spec.required ?? false,
    public: false,
    i18nLabel: settingLabelKey(spec.id),
    i18nDescription: settingDescriptionKey(spec.id),
}));
