/**
 * Ids the host stores and routes by: registered buttons, open panels, scheduled jobs and persistence records
 * carry them, so none may ever be renamed.
 */
export const ROOM_ACTION_ID = 'lpvi-room-action';

/** The panel's buttons: Refresh, and the toggles of the technical details, the Rocket.Chat fields and an unverified profile. */
export const PANEL_ACTIONS = { refresh: 'lpvi-refresh', details: 'lpvi-details', hostFields: 'lpvi-host-fields', unverified: 'lpvi-unverified' } as const;

/**
 * Scheduled jobs. The host's cancelJob first reads the id as a Mongo ObjectId and cancels by name only when that
 * fails; bson 4 (Rocket.Chat 6.x) takes any 12-character string as an ObjectId. So a job id never has 12
 * characters, nor 24 hex digits, nor a `_` (the host splits there).
 */
export const JOB_IDS = { prewarm: 'lpvi-prewarm-once', keepAlive: 'lpvi-keep-alive' } as const;

/**
 * Job ids this app used before. An update keeps scheduled jobs, so one may still be waiting under such an id:
 * it is cancelled with the current one, and its processor stays registered so that, where the host cannot
 * cancel it (the 12-character `lpvi-prewarm` on Rocket.Chat 6.x), it runs once as what it was and is gone.
 */
export const RETIRED_JOB_IDS = { prewarm: 'lpvi-prewarm' } as const;

export const panelViewId = (visitorId: string): string => `lpvi-panel-${visitorId}`;

/** App persistence records, each found by one MISC association `liveperson-visitor-info:<name>`. */
export const PERSISTENCE_KEYS = {
    // Retired, never to be reused: 'warm-up' (the last pre-warm's report).
    session: 'session',
    loginLease: 'login-lease',
    loginRefusal: 'login-refusal',
    /** Followed by the visitor id: who linked that visitor to a LivePerson participant, and when. */
    linkPrefix: 'link:',
    /** Followed by the visitor id: the visitor's conversations the app saw close. */
    conversationsPrefix: 'conversations:',
} as const;

export const persistenceAssociationId = (name: string): string => `liveperson-visitor-info:${name}`;
