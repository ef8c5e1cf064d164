/**
 * The playground's JSON API, shared by the server (playground/server.ts) and the page (playground/client).
 * Everything here is what a browser may see: no tokens, no credentials, no LivePerson headers.
 */

/** How the LivePerson simulator behaves. */
export const LIVEPERSON_MODES = ['normal', 'slow', 'down', '401', '429', 'garbage'] as const;
export type LivePersonMode = (typeof LIVEPERSON_MODES)[number];

export const MODE_DESCRIPTIONS: Record<LivePersonMode, string> = {
    normal: 'answers at once',
    slow: 'answers after 3 s, past the app’s 2.5 s time limit',
    down: '503 on every call',
    '401': 'bearer expired, logins refused',
    '429': 'rate limited, Retry-After: 10 (the app then waits 10 s)',
    garbage: 'an HTML page instead of JSON',
};

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

export type TimelineEntry =
    | { kind: 'system'; id: string; at: number; text: string }
    /** Something the user typed that is not a command: kept by the playground, as a room would. */
    | { kind: 'message'; id: string; at: number; username: string; name: string; text: string }
    /** A private (ephemeral) message the app sent to this user in this room: markdown. */
    | { kind: 'private'; id: string; at: number; username: string; text: string }
    /** What the playground itself says (an unknown command, a host error). */
    | { kind: 'notice'; id: string; at: number; text: string };

/** The contextual bar: a surface exactly as the client received it from the app. */
export interface ContextualBarView {
    /** Position in the host's surface records: changes on every open or update. */
    seq: number;
    viewId: string;
    appId: string;
    action: 'open' | 'update';
    /** The plain_text title. */
    title: string;
    /** ui-kit layout blocks, untouched. */
    blocks: unknown[];
    /** ms between the click and the app's answer. */
    openedAfterMs?: number;
}

export interface LivePersonRequestLine {
    id: number;
    at: number;
    route: string;
    method: string;
    /** 0 while waiting, or when LivePerson never answered. */
    status: number;
    durationMs: number;
    pending: boolean;
}

/** A surface the web client would not draw (answered too late, or a trigger used twice). */
export interface DroppedSurfaceLine {
    id: number;
    at: number;
    reason: string;
    openedAfterMs?: number;
}

export interface RoomActionButton {
    actionId: string;
    label: string;
}

export interface SlashCommandInfo {
    command: string;
    params: string;
    description: string;
}

export interface Snapshot {
    appName: string;
    users: PlaygroundUser[];
    rooms: PlaygroundRoom[];
    userId: string;
    roomId: string;
    mode: LivePersonMode;
    /** Room actions the web client lists in this room's kebab menu. */
    roomActions: RoomActionButton[];
    commands: SlashCommandInfo[];
    timeline: TimelineEntry[];
    bar: ContextualBarView | null;
    requests: LivePersonRequestLine[];
    dropped: DroppedSurfaceLine[];
    /** Interactions still running on the server (a slow LivePerson). */
    busy: number;
}

export interface CommandRequest {
    text: string;
}

export interface BlockActionRequest {
    viewId: string;
    actionId: string;
    blockId: string;
    value?: string;
}

export interface SelectRequest {
    userId?: string;
    roomId?: string;
}

export interface ApiResult {
    ok: boolean;
    error?: string;
}
