import { parseAppConfig } from '../../src/settings/readAppConfig';
import { SettingId } from '../../src/settings/SettingId';

const botSettings = {
    [SettingId.AccountId]: '12345678',
    [SettingId.AuthType]: 'api_key',
    [SettingId.Username]: 'rc-bot',
    [SettingId.AppKey]: 'app-key-1',
    [SettingId.AppSecret]: 'app-secret-1',
};

describe('reading the admin settings', () => {
    it('an OAuth2 bot with blank access tokens sends "dummy" for both', () => {
        const config = parseAppConfig(botSettings);
        expect(config.readiness).toBe('ready');
        expect(config.livePerson?.credentials).toEqual({
            type: 'api_key',
            username: 'rc-bot',
            appKey: 'app-key-1',
            secret: 'app-secret-1',
            accessToken: 'dummy',
            accessTokenSecret: 'dummy',
        });
        expect(config.problems).toEqual([]);
    });

    it('defaults apply when only the account is set', () => {
        const config = parseAppConfig(botSettings);
        expect(config.participantField).toBeUndefined();
        expect(config.livePerson?.sourceMode).toBe('auto');
        expect(config).toMatchObject({
            allowedRoles: ['livechat-manager', 'livechat-monitor', 'admin'],
            maskPii: true,
            showSensitive: false,
            cacheTtlMs: 300_000,
            timeoutMs: 2500,
            prefetch: true,
        });
    });

    it('a blank account id means not configured, not misconfigured', () => {
        expect(parseAppConfig({}).readiness).toBe('notConfigured');
    });

    it('a password login needs the password, kept exactly as typed', () => {
        const config = parseAppConfig({
            [SettingId.AccountId]: '1',
            [SettingId.AuthType]: 'password',
            [SettingId.Username]: 'agent',
            [SettingId.Password]: ' pa ss ',
        });
        expect(config.livePerson?.credentials).toEqual({ type: 'password', username: 'agent', password: ' pa ss ' });
        const missing = parseAppConfig({ [SettingId.AccountId]: '1', [SettingId.AuthType]: 'password', [SettingId.Username]: 'agent' });
        expect(missing.readiness).toBe('misconfigured');
        expect(missing.problems).toEqual([{ settingId: SettingId.Password, code: 'missing' }]);
    });

    it.each([
        ['abc123', 'notDigits'],
        ['12 34', 'notDigits'],
    ])('account id %p is reported as %s', (accountId, code) => {
        const config = parseAppConfig({ ...botSettings, [SettingId.AccountId]: accountId });
        expect(config.readiness).toBe('misconfigured');
        expect(config.problems).toContainEqual({ settingId: SettingId.AccountId, code });
    });

    it.each([
        ['https://va.agentvep.liveperson.net', 'domainHasScheme'],
        ['va.agentvep.liveperson.net/api', 'domainHasPath'],
        ['va agentvep', 'domainInvalid'],
        ['evil.example', 'domainNotLivePerson'],
        ['va.agentvep.liveperson.com', 'domainNotLivePerson'],
        ['127.0.0.1', 'domainNotLivePerson'],
        ['169.254.169.254', 'domainNotLivePerson'],
        ['localhost', 'domainNotLivePerson'],
        ['va.agentvep.liveperson.net.evil.example', 'domainNotLivePerson'],
        ['user@va.agentvep.liveperson.net', 'domainInvalid'],
        ['va.agentvep.liveperson.net:8443', 'domainInvalid'],
    ])('domain %p is reported as %s', (domain, code) => {
        const config = parseAppConfig({ ...botSettings, [SettingId.Domain]: domain });
        expect(config.readiness).toBe('misconfigured');
        expect(config.problems).toEqual([{ settingId: SettingId.Domain, code }]);
    });

    it('a valid domain override is used, lower-cased', () => {
        expect(parseAppConfig({ ...botSettings, [SettingId.Domain]: 'VA.agentvep.liveperson.net' }).livePerson?.domainOverride).toBe(
            'va.agentvep.liveperson.net',
        );
    });

    it('the fingerprint tells credentials apart, and ignores settings that are not LivePerson credentials', () => {
        const base = parseAppConfig(botSettings).livePerson?.fingerprint;
        expect(parseAppConfig({ ...botSettings, [SettingId.AppSecret]: 'other' }).livePerson?.fingerprint).not.toBe(base);
        expect(parseAppConfig({ ...botSettings, [SettingId.AccountId]: '87654321' }).livePerson?.fingerprint).not.toBe(base);
        expect(parseAppConfig({ ...botSettings, [SettingId.MaskPii]: false, [SettingId.CacheTtlSeconds]: 10 }).livePerson?.fingerprint).toBe(base);
    });

    it('an OAuth1 access token still works, with a warning that OAuth1 reached end of life', () => {
        const config = parseAppConfig({ ...botSettings, [SettingId.AccessToken]: 'oauth1-token', [SettingId.AccessTokenSecret]: 'dummy' });
        expect(config.readiness).toBe('ready');
        expect(config.problems).toEqual([{ settingId: SettingId.AccessToken, code: 'oauth1EndOfLife', warning: true }]);
    });

    it('the LivePerson product is chat, messaging or automatic', () => {
        expect(parseAppConfig({ ...botSettings, [SettingId.Source]: 'messaging' }).livePerson?.sourceMode).toBe('messaging');
        const odd = parseAppConfig({ ...botSettings, [SettingId.Source]: 'fax' });
        expect(odd.problems).toEqual([{ settingId: SettingId.Source, code: 'unknownSource', warning: true }]);
        expect(odd.livePerson?.sourceMode).toBe('auto');
    });

    it('negative or non-numeric limits fall back to defaults and are reported', () => {
        const config = parseAppConfig({ ...botSettings, [SettingId.CacheTtlSeconds]: -5, [SettingId.TimeoutMs]: 'soon' });
        expect(config.cacheTtlMs).toBe(300_000);
        expect(config.timeoutMs).toBe(2500);
        expect(config.problems).toEqual([
            { settingId: SettingId.CacheTtlSeconds, code: 'outOfRange', range: { min: 0, max: 86_400 } },
            { settingId: SettingId.TimeoutMs, code: 'notWholeNumber' },
        ]);
        // Limits are not LivePerson settings: LivePerson stays usable.
        expect(config.readiness).toBe('ready');
    });

    it('numbers given as strings through the REST API are accepted', () => {
        const config = parseAppConfig({ ...botSettings, [SettingId.CacheTtlSeconds]: '0', [SettingId.TimeoutMs]: '1500', [SettingId.MaskPii]: 'false' });
        expect(config.cacheTtlMs).toBe(0);
        expect(config.timeoutMs).toBe(1500);
        expect(config.maskPii).toBe(false);
    });

    it('lists are split on commas and trimmed', () => {
        const config = parseAppConfig({
            ...botSettings,
            [SettingId.ParticipantAppIds]: ' app-a, ,app-b ',
            [SettingId.AllowedRoles]: 'admin ,  livechat-manager',
        });
        expect(config.participantAppIds).toEqual(['app-a', 'app-b']);
        expect(config.allowedRoles).toEqual(['admin', 'livechat-manager']);
    });

    it('a participant field with odd characters is reported and ignored', () => {
        const config = parseAppConfig({ ...botSettings, [SettingId.ParticipantField]: 'lp id/../x' });
        expect(config.participantField).toBeUndefined();
        expect(config.problems).toContainEqual({ settingId: SettingId.ParticipantField, code: 'invalidName' });
    });
});
