/**
 * The playground's JSON API, shared by the server (playground/server.ts) and the page (playground/client).
 * Everything here is what a browser may see: no tokens, no credentials, no LivePerson headers.
 */
import type { LivePersonMode } from './livePersonModes';

/** The time limits the settings drawer offers for `lp_timeout_ms` (the app accepts 100-3500 ms; 2500 is the default). */
export const TIMEOUT_CHOICES = [1000, 2500, 3500] as const;

/** The server's default language (Rocket.Chat's `Language` setting): what users without their own language get. */
export const LANGUAGES = [
    { code: 'en', name: 'English' },
    { code: 'pt-BR', name: 'Português (Brasil)' },
    { code: 'es', name: 'Español' },
    { code: 'de', name: 'Deutsch' },
    { code: 'fr', name: 'Français' },
] as const;

/** What the settings drawer changes: three app settings, saved as an admin saves them, and the server's language. */
export interface PlaygroundSettings {
    /** `lp_mask_pii` */
    maskPii: boolean;
    /** `lp_show_sensitive` */
    showSensitive: boolean;
    /** `lp_timeout_ms` */
    timeoutMs: number;
    /** The server's `Language` setting. */
    language: string;
}

export interface PlaygroundUser {
    id: string;
    username: string;
    name: string;
    /** What the user is, in a few words (roles, language). */
    description: string;
}

export interface PlaygroundRoom {
    id: string;
    /** `#general`, or the visitor's name for an omnichannel room. */
    name: string;
    /** `l` (omnichannel) or `c` (channel). */
    type: string;
    description: string;
}

/** In the order things happened; `at` is what the page prints (the fixed clock, when one is set). */
export type TimelineEntry =
    | { kind: 'system'; id: string; at: number; text: string }
    /**
     * A private (ephemeral) message the app sent to this user in this room. Rocket.Chat's client draws its ui-kit
     * `blocks` when it has any, and its `text` (markdown) only when it has none.
     */
    | { kind: 'private'; id: string; at: number; username: string; text: string; blocks?: unknown[] }
    /** What the playground itself says (an unknown command, a host error). */
    | { kind: 'notice'; id: string; at: number; text: string };

/** The contextual bar: a surface exactly as the client received it from the app. */
export interface ContextualBarView {
    /** Position in the host's surface records: changes on every open or update. */
    seq: number;
    viewId: string;
    appId: string;
    /** The plain_text title. */
    title: string;
    /** ui-kit layout blocks, untouched. */
    blocks: unknown[];
}

export interface LivePersonRequestLine {
    id: number;
    at: number;
    route: string;
    method: string;
    /** 0 while waiting, or when LivePerson never answered. */
    status: number;
    /** null with a fixed clock: durations vary from run to run. */
    durationMs: number | null;
    pending: boolean;
}

/** A surface the web client would not draw (answered too late, an unknown trigger, or a trigger used twice). */
interface DroppedSurfaceLine {
    id: number;
    at: number;
    reason: string;
    /** Not sent with a fixed clock. */
    openedAfterMs?: number;
}

/** A room action as the kebab menu lists it: its label, in the user's language (apps' actions have no icon). */
export interface RoomActionButton {
    actionId: string;
    label: string;
}

export interface Snapshot {
    appName: string;
    users: PlaygroundUser[];
    rooms: PlaygroundRoom[];
    /** LivePerson's modes the sidebar offers, with what each one does. */
    modes: Array<{ name: LivePersonMode; description: string }>;
    userId: string;
    roomId: string;
    mode: LivePersonMode;
    /** Room actions the web client lists in this room's kebab menu. */
    roomActions: RoomActionButton[];
    timeline: TimelineEntry[];
    bar: ContextualBarView | null;
    requests: LivePersonRequestLine[];
    dropped: DroppedSurfaceLine[];
    /** Interactions still running on the server (a slow LivePerson). */
    busy: number;
    settings: PlaygroundSettings;
}

/** Any subset of the settings; each one given is saved. */
export type SettingsRequest = Partial<PlaygroundSettings>;

export interface ApiResult {
    ok: boolean;
    error?: string;
}
