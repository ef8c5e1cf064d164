/** Setting ids are a public interface (admins and scripts set them by id through the REST API): never rename one. */
export enum SettingId {
    AccountId = 'lp_account_id',
    AuthType = 'lp_auth_type',
    Username = 'lp_username',
    Password = 'lp_password',
    AppKey = 'lp_app_key',
    AppSecret = 'lp_app_secret',
    AccessToken = 'lp_access_token',
    AccessTokenSecret = 'lp_access_token_secret',
    Domain = 'lp_domain',
    ParticipantAppIds = 'lp_participant_app_ids',
    ParticipantField = 'lp_participant_field',
    AllowedRoles = 'lp_allowed_roles',
    MaskPii = 'lp_mask_pii',
    ShowSensitive = 'lp_show_sensitive',
    CacheTtlSeconds = 'lp_cache_ttl_seconds',
    TimeoutMs = 'lp_timeout_ms',
}

/** Settings whose change invalidates every LivePerson session (a new login is needed). */
export const CREDENTIAL_SETTINGS: ReadonlySet<string> = new Set([
    SettingId.AccountId,
    SettingId.AuthType,
    SettingId.Username,
    SettingId.Password,
    SettingId.AppKey,
    SettingId.AppSecret,
    SettingId.AccessToken,
    SettingId.AccessTokenSecret,
    SettingId.Domain,
]);
