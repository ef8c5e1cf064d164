import type { SettingId } from './SettingId';

export type LivePersonCredentials =
    | {
          type: 'api_key';
          username: string;
          appKey: string;
          secret: string;
          /** Literal "dummy" when blank: what LivePerson expects from OAuth2 bot users. */
          accessToken: string;
          accessTokenSecret: string;
      }
    | { type: 'password'; username: string; password: string };

/** Which LivePerson product answers: the Chat Agent API, Messaging, or whichever the visitor's link names. */
export type SourceMode = 'chat' | 'messaging' | 'auto';

export interface LivePersonSettings {
    accountId: string;
    /** agentVep host chosen by the admin; undefined = ask the Domain API. */
    domainOverride: string | undefined;
    credentials: LivePersonCredentials;
    /** Account, host override and credentials, hashed: sessions and answers made with other settings are told apart by it. */
    fingerprint: string;
    /** The read of the settings these came from (see AppConfig.generation). */
    generation: number;
    sourceMode: SourceMode;
    cacheTtlMs: number;
}

type ProblemCode =
    | 'missing'
    | 'notDigits'
    | 'notWholeNumber'
    | 'outOfRange'
    | 'domainHasScheme'
    | 'domainHasPath'
    | 'domainInvalid'
    | 'domainNotLivePerson'
    | 'unknownAuthType'
    | 'unknownSource'
    | 'invalidName'
    | 'oauth1EndOfLife';

export interface SettingProblem {
    settingId: SettingId;
    code: ProblemCode;
    /** Allowed range for `outOfRange`, so the sentence can say it. */
    range?: { min: number; max: number };
    /** A warning is worth telling the admin, but the settings still work. */
    warning?: boolean;
}

/** Why LivePerson cannot be called, when it cannot. */
type LivePersonReadiness = 'ready' | 'notConfigured' | 'misconfigured';

export interface AppConfig {
    readiness: LivePersonReadiness;
    livePerson: LivePersonSettings | undefined;
    participantAppIds: string[];
    participantField: string | undefined;
    /** The secret the brand's website signs LivePerson ids with (`lp_signing_secret`); undefined when blank. */
    signingSecret: string | undefined;
    allowedRoles: string[];
    maskPii: boolean;
    showSensitive: boolean;
    cacheTtlMs: number;
    timeoutMs: number;
    prefetch: boolean;
    /** Earlier conversations shown; 0 turns the section off. */
    historyCount: number;
    problems: SettingProblem[];
    /**
     * Which read of the settings this is, numbered by the config cache as reads start: a later read saw settings
     * at least as new. What a call fetched with settings of an earlier read than the current ones is not kept.
     */
    generation: number;
    /** The values as the host gave them, for `/visitorinfo status` (secrets included: never shown). */
    raw: RawSettings;
}

export type RawSettings = Partial<Record<SettingId, unknown>>;
