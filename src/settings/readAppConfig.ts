import type { ISettingRead } from '@rocket.chat/apps-engine/definition/accessors';
import * as z from 'zod/mini';

import type { AppConfig, LivePersonCredentials, LivePersonSettings, SettingProblem } from './AppConfig';
import { AuthType, SETTING_DEFAULTS } from './settingDefinitions';
import { SettingId } from './SettingId';

export const LIMITS = {
    cacheTtlSeconds: { min: 0, max: 86_400 },
    // The panel must open within the web client's 5-second window, host reads included.
    timeoutMs: { min: 100, max: 3500 },
} as const;

const DUMMY_TOKEN = 'dummy';

type RawSettings = Partial<Record<SettingId, unknown>>;

/** Reads every app setting in parallel: one host round trip of latency instead of sixteen. */
export async function readRawSettings(settings: ISettingRead): Promise<RawSettings> {
    const ids = Object.values(SettingId);
    const values = await Promise.all(ids.map((id) => settings.getValueById(id).catch(() => undefined)));
    return Object.fromEntries(ids.map((id, index) => [id, values[index]]));
}

export async function readAppConfig(settings: ISettingRead): Promise<AppConfig> {
    return parseAppConfig(await readRawSettings(settings));
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/** Secrets are used exactly as typed: a space may be part of a password. */
const secretText = (value: unknown): string => (typeof value === 'string' ? value : '');
const SECRET_SETTINGS: ReadonlySet<SettingId> = new Set([SettingId.Password, SettingId.AppSecret]);

const list = (value: unknown): string[] =>
    text(value)
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0);

const booleanSetting = z.union([z.boolean(), z.pipe(z.enum(['true', 'false']), z.transform((v) => v === 'true'))]);
const integerSetting = z.union([z.int(), z.pipe(z.string().check(z.regex(/^\s*-?\d+\s*$/)), z.transform((v) => Number(v)))]);

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** Pure: raw setting values in, a config the rest of the app trusts out, with every problem in plain codes. */
export function parseAppConfig(raw: RawSettings): AppConfig {
    const problems: SettingProblem[] = [];
    const flag = (id: SettingId, fallback: boolean): boolean => {
        const parsed = booleanSetting.safeParse(raw[id]);
        return parsed.success ? parsed.data : fallback;
    };
    const integer = (id: SettingId, fallback: number, range: { min: number; max: number }): number => {
        if (raw[id] === undefined || raw[id] === null || raw[id] === '') {
            return fallback;
        }
        const parsed = integerSetting.safeParse(raw[id]);
        if (!parsed.success) {
            problems.push({ settingId: id, code: 'notWholeNumber' });
            return fallback;
        }
        if (parsed.data < range.min || parsed.data > range.max) {
            problems.push({ settingId: id, code: 'outOfRange', range });
            return fallback;
        }
        return parsed.data;
    };

    const participantField = text(raw[SettingId.ParticipantField] ?? SETTING_DEFAULTS.participantField);
    if (participantField && !/^[\w.-]{1,64}$/.test(participantField)) {
        problems.push({ settingId: SettingId.ParticipantField, code: 'invalidName' });
    }

    const livePersonProblems: SettingProblem[] = [];
    const livePerson = parseLivePersonSettings(raw, livePersonProblems);
    problems.unshift(...livePersonProblems);
    const notConfigured = text(raw[SettingId.AccountId]) === '';

    return {
        readiness: livePerson ? 'ready' : notConfigured ? 'notConfigured' : 'misconfigured',
        livePerson,
        participantAppIds: list(raw[SettingId.ParticipantAppIds]),
        participantField: participantField && /^[\w.-]{1,64}$/.test(participantField) ? participantField : undefined,
        allowedRoles: list(raw[SettingId.AllowedRoles] ?? SETTING_DEFAULTS.allowedRoles),
        maskPii: flag(SettingId.MaskPii, SETTING_DEFAULTS.maskPii),
        showSensitive: flag(SettingId.ShowSensitive, SETTING_DEFAULTS.showSensitive),
        cacheTtlMs: integer(SettingId.CacheTtlSeconds, SETTING_DEFAULTS.cacheTtlSeconds, LIMITS.cacheTtlSeconds) * 1000,
        timeoutMs: integer(SettingId.TimeoutMs, SETTING_DEFAULTS.timeoutMs, LIMITS.timeoutMs),
        problems,
    };
}

function parseLivePersonSettings(raw: RawSettings, problems: SettingProblem[]): LivePersonSettings | undefined {
    const required = (id: SettingId): string => {
        const value = SECRET_SETTINGS.has(id) ? secretText(raw[id]) : text(raw[id]);
        if (!value.trim()) {
            problems.push({ settingId: id, code: 'missing' });
        }
        return value;
    };

    const accountId = required(SettingId.AccountId);
    if (accountId && !/^\d{1,20}$/.test(accountId)) {
        problems.push({ settingId: SettingId.AccountId, code: 'notDigits' });
    }
    const domainOverride = parseDomain(text(raw[SettingId.Domain]), problems);
    const credentials = parseCredentials(raw, required, problems);
    return problems.length === 0 && credentials ? { accountId, domainOverride, credentials } : undefined;
}

function parseDomain(domain: string, problems: SettingProblem[]): string | undefined {
    if (!domain) {
        return undefined;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(domain)) {
        problems.push({ settingId: SettingId.Domain, code: 'domainHasScheme' });
    } else if (/[/?#]/.test(domain)) {
        problems.push({ settingId: SettingId.Domain, code: 'domainHasPath' });
    } else if (!HOST_NAME.test(domain)) {
        problems.push({ settingId: SettingId.Domain, code: 'domainInvalid' });
    } else {
        return domain.toLowerCase();
    }
    return undefined;
}

function parseCredentials(
    raw: RawSettings,
    required: (id: SettingId) => string,
    problems: SettingProblem[],
): LivePersonCredentials | undefined {
    const authType = text(raw[SettingId.AuthType]) || AuthType.ApiKey;
    const username = required(SettingId.Username);
    if (authType === AuthType.Password) {
        return { type: 'password', username, password: required(SettingId.Password) };
    }
    if (authType !== AuthType.ApiKey) {
        problems.push({ settingId: SettingId.AuthType, code: 'unknownAuthType' });
        return undefined;
    }
    return {
        type: 'api_key',
        username,
        appKey: required(SettingId.AppKey),
        secret: required(SettingId.AppSecret),
        accessToken: secretText(raw[SettingId.AccessToken]).trim() ? secretText(raw[SettingId.AccessToken]) : DUMMY_TOKEN,
        accessTokenSecret: secretText(raw[SettingId.AccessTokenSecret]).trim() ? secretText(raw[SettingId.AccessTokenSecret]) : DUMMY_TOKEN,
    };
}
