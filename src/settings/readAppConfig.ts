import type { ISettingRead } from '@rocket.chat/apps-engine/definition/accessors';
import * as z from 'zod/mini';

import { livePersonHostProblem } from '../liveperson/destinations';
import { CONVERSATIONS_KEPT } from '../liveperson/history';
import type { AppConfig, LivePersonCredentials, LivePersonSettings, RawSettings, SettingProblem, SourceMode } from './AppConfig';
import { fingerprintOf } from './fingerprint';
import { AuthType, SECRET_SETTINGS, SETTING_DEFAULTS, SOURCE_MODES } from './settingDefinitions';
import { SettingId } from './SettingId';

const LIMITS = {
    cacheTtlSeconds: { min: 0, max: 86_400 },
    // The panel must open within the web client's 5-second window, host reads included.
    timeoutMs: { min: 100, max: 3500 },
    historyCount: { min: 0, max: CONVERSATIONS_KEPT },
} as const;

const DUMMY_TOKEN = 'dummy';

/** Reads every app setting in parallel: one host round trip of latency instead of one per setting. */
export async function readAppConfig(settings: ISettingRead, generation: number): Promise<AppConfig> {
    const ids = Object.values(SettingId);
    const values = await Promise.all(ids.map((id) => settings.getValueById(id).catch(() => undefined)));
    return parseAppConfig(Object.fromEntries(ids.map((id, index) => [id, values[index]])), generation);
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/** Secrets are used exactly as typed: a space may be part of a password. */
const secretText = (value: unknown): string => (typeof value === 'string' ? value : '');

const list = (value: unknown): string[] =>
    text(value)
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0);

const booleanSetting = z.union([
    z.boolean(),
    z.pipe(
        z.enum(['true', 'false']),
        z.transform((v) => v === 'true'),
    ),
]);
const integerSetting = z.union([
    z.int(),
    z.pipe(
        z.string().check(z.regex(/^\s*-?\d+\s*$/)),
        z.transform((v) => Number(v)),
    ),
]);
const FIELD_NAME = /^[\w.-]{1,64}$/;

/** Pure: raw setting values in, a config the rest of the app trusts out, with every problem in plain codes. */
export function parseAppConfig(raw: RawSettings, generation = 0): AppConfig {
    const problems: SettingProblem[] = [];
    const flag = (id: SettingId, fallback: boolean): boolean => {
        const parsed = booleanSetting.safeParse(raw[id]);
        return parsed.success ? parsed.data : fallback;
    };
    const integer = (id: SettingId, fallback: number, range: { min: number; max: number }): number => {
        if (raw[id] === undefined || raw[id] === null || raw[id] === '') return fallback;
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
    if (participantField && !FIELD_NAME.test(participantField)) {
        problems.push({ settingId: SettingId.ParticipantField, code: 'invalidName' });
    }
    const cacheTtlMs = integer(SettingId.CacheTtlSeconds, SETTING_DEFAULTS.cacheTtlSeconds, LIMITS.cacheTtlSeconds) * 1000;
    const timeoutMs = integer(SettingId.TimeoutMs, SETTING_DEFAULTS.timeoutMs, LIMITS.timeoutMs);

    const livePersonProblems: SettingProblem[] = [];
    const livePerson = parseLivePersonSettings(raw, livePersonProblems, cacheTtlMs, generation);
    problems.unshift(...livePersonProblems);
    const notConfigured = text(raw[SettingId.AccountId]) === '';

    return {
        readiness: livePerson ? 'ready' : notConfigured ? 'notConfigured' : 'misconfigured',
        livePerson,
        participantAppIds: list(raw[SettingId.ParticipantAppIds]),
        participantField: participantField && FIELD_NAME.test(participantField) ? participantField : undefined,
        signingSecret: secretText(raw[SettingId.SigningSecret]) || undefined,
        allowedRoles: list(raw[SettingId.AllowedRoles] ?? SETTING_DEFAULTS.allowedRoles),
        maskPii: flag(SettingId.MaskPii, SETTING_DEFAULTS.maskPii),
        showSensitive: flag(SettingId.ShowSensitive, SETTING_DEFAULTS.showSensitive),
        cacheTtlMs,
        timeoutMs,
        prefetch: flag(SettingId.Prefetch, SETTING_DEFAULTS.prefetch),
        historyCount: integer(SettingId.HistoryCount, SETTING_DEFAULTS.historyCount, LIMITS.historyCount),
        problems,
        generation,
        raw,
    };
}

function parseLivePersonSettings(raw: RawSettings, problems: SettingProblem[], cacheTtlMs: number, generation: number): LivePersonSettings | undefined {
    const required = (id: SettingId): string => {
        const value = SECRET_SETTINGS.has(id) ? secretText(raw[id]) : text(raw[id]);
        if (!value.trim()) problems.push({ settingId: id, code: 'missing' });
        return value;
    };

    const accountId = required(SettingId.AccountId);
    if (accountId && !/^\d{1,20}$/.test(accountId)) {
        problems.push({ settingId: SettingId.AccountId, code: 'notDigits' });
    }
    const domainOverride = parseDomain(text(raw[SettingId.Domain]), problems);
    const sourceMode = parseSource(text(raw[SettingId.Source]), problems);
    const credentials = parseCredentials(raw, required, problems);
    const blocking = problems.filter((problem) => !problem.warning);
    if (blocking.length > 0 || !credentials) {
        return undefined;
    }
    return {
        accountId,
        domainOverride,
        credentials,
        sourceMode,
        cacheTtlMs,
        fingerprint: fingerprintOf([accountId, domainOverride ?? '', credentials]),
        generation,
    };
}

function parseDomain(domain: string, problems: SettingProblem[]): string | undefined {
    if (!domain) return undefined;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(domain)) {
        problems.push({ settingId: SettingId.Domain, code: 'domainHasScheme' });
    } else if (/[/?#]/.test(domain)) {
        problems.push({ settingId: SettingId.Domain, code: 'domainHasPath' });
    } else {
        // Written as the admin typed it but compared as LivePerson writes hosts: lower case.
        const host = domain.toLowerCase();
        const problem = livePersonHostProblem(host);
        if (!problem) return host;
        problems.push({ settingId: SettingId.Domain, code: problem === 'notLivePerson' ? 'domainNotLivePerson' : 'domainInvalid' });
    }
    return undefined;
}

function parseSource(value: string, problems: SettingProblem[]): SourceMode {
    if (!value) return SETTING_DEFAULTS.source;
    if ((SOURCE_MODES as readonly string[]).includes(value)) return value as SourceMode;
    problems.push({ settingId: SettingId.Source, code: 'unknownSource', warning: true });
    return SETTING_DEFAULTS.source;
}

function parseCredentials(raw: RawSettings, required: (id: SettingId) => string, problems: SettingProblem[]): LivePersonCredentials | undefined {
    const authType = text(raw[SettingId.AuthType]) || AuthType.ApiKey;
    const username = required(SettingId.Username);
    if (authType === AuthType.Password) {
        return { type: 'password', username, password: required(SettingId.Password) };
    }
    if (authType !== AuthType.ApiKey) {
        problems.push({ settingId: SettingId.AuthType, code: 'unknownAuthType' });
        return undefined;
    }
    // OAuth1 keys reached end of life on 2026-04-30: an OAuth2 bot user leaves both blank (or "dummy").
    for (const id of [SettingId.AccessToken, SettingId.AccessTokenSecret]) {
        const value = secretText(raw[id]).trim();
        if (value && value !== DUMMY_TOKEN) problems.push({ settingId: id, code: 'oauth1EndOfLife', warning: true });
    }
    const token = (id: SettingId) => (secretText(raw[id]).trim() ? secretText(raw[id]) : DUMMY_TOKEN);
    return {
        type: 'api_key',
        username,
        appKey: required(SettingId.AppKey),
        secret: required(SettingId.AppSecret),
        accessToken: token(SettingId.AccessToken),
        accessTokenSecret: token(SettingId.AccessTokenSecret),
    };
}
