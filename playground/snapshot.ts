/** The JSON the page is pushed, built from the session's state by a pure function. */
import type { ILivechatRoom } from 'apps-engine-1-62/definition/livechat';
import type { IRoom } from 'apps-engine-1-62/definition/rooms';

import type { RequestLogEntry } from '../test/support/liveperson-simulator';
import type { ShownBar } from './contextualBar';
import type { ReferenceStandIns } from './fixedClock';
import { LIVEPERSON_MODES, type LivePersonMode } from './livePersonModes';
import type { PlaygroundRoom, PlaygroundSettings, PlaygroundUser, RoomActionButton, Snapshot, TimelineEntry } from './shared';

const REQUEST_LOG_LINES = 40;
const DROPPED_LINES = 10;

/** What the session saw happen, in order, with the time it first saw it (the recorder keeps none). */
export type Happening =
    /** Said by the playground itself (an unknown command, a host error): only the user who acted sees it. */
    | { kind: 'notice'; roomId: string; userId: string; at: number; text: string }
    /** A private message from the app. */
    | { kind: 'private'; roomId: string | undefined; userId: string; at: number; username: string; text: string; blocks?: unknown[] }
    /** A surface the web client would not draw (answered too late, an unknown trigger, or a trigger used twice). */
    | { kind: 'dropped'; userId: string; at: number; reason: string; openedAfterMs: number | undefined };

export interface PageState {
    appName: string;
    users: PlaygroundUser[];
    rooms: PlaygroundRoom[];
    userId: string;
    /** The open room as the database has it now. */
    room: IRoom;
    mode: LivePersonMode;
    startedAt: number;
    happenings: readonly Happening[];
    bar: ShownBar | null;
    requests: readonly RequestLogEntry[];
    roomActions: RoomActionButton[];
    busy: number;
    settings: PlaygroundSettings;
    /** The time the page prints everywhere, when set (see fixedClock.ts). */
    fixedClock: number | undefined;
    references: ReferenceStandIns;
}

export function snapshot(state: PageState): Snapshot {
    const { fixedClock, room, userId } = state;
    const shownTime = (at: number) => fixedClock ?? at;
    const stable = <T>(value: T): T => (fixedClock === undefined ? value : state.references.replace(value));
    const requests = state.requests.slice(-REQUEST_LOG_LINES);
    return {
        appName: state.appName,
        users: state.users,
        rooms: state.rooms,
        modes: LIVEPERSON_MODES,
        userId,
        roomId: room.id,
        mode: state.mode,
        roomActions: state.roomActions,
        timeline: [{ kind: 'system', id: 'opening', at: shownTime(state.startedAt), text: opening(room, state.rooms) }, ...timeline(state, shownTime, stable)],
        bar: state.bar && {
            seq: state.bar.index,
            viewId: state.bar.view.id,
            appId: state.bar.view.appId,
            title: titleText(state.bar.view.title),
            blocks: stable(state.bar.view.blocks as unknown[]),
        },
        requests: requests.map((entry, index) => ({
            id: state.requests.length - requests.length + index,
            at: shownTime(entry.at),
            route: entry.route,
            method: entry.method,
            status: entry.status,
            durationMs: fixedClock === undefined ? entry.durationMs : null,
            pending: entry.status === 0 && entry.durationMs === 0,
        })),
        dropped: state.happenings
            .flatMap((happening, id) => (happening.kind === 'dropped' && happening.userId === userId ? [{ ...happening, id }] : []))
            .slice(-DROPPED_LINES)
            .map(({ id, at, reason, openedAfterMs }) => ({
                id,
                at: shownTime(at),
                reason,
                openedAfterMs: fixedClock === undefined ? openedAfterMs : undefined,
            })),
        busy: state.busy,
        settings: state.settings,
    };
}

function opening(room: IRoom, rooms: PlaygroundRoom[]): string {
    if (room.type !== 'l') return `Welcome to ${rooms.find((candidate) => candidate.id === room.id)?.name}.`;
    const { visitor, servedBy } = room as ILivechatRoom;
    return `Omnichannel conversation with ${visitor?.name ?? 'a visitor'}, served by ${servedBy?.name ?? 'nobody yet'}.`;
}

/** What the acting user saw happen in the open room. */
function timeline(state: PageState, shownTime: (at: number) => number, stable: <T>(value: T) => T): TimelineEntry[] {
    return state.happenings.flatMap((happening, order): TimelineEntry[] => {
        if (happening.kind === 'dropped' || happening.roomId !== state.room.id || happening.userId !== state.userId) return [];
        const id = `h-${order}`;
        const at = shownTime(happening.at);
        if (happening.kind === 'notice') return [{ kind: 'notice', id, at, text: happening.text }];
        const { username, text, blocks } = happening;
        return [{ kind: 'private', id, at, username, text: stable(text), ...(blocks?.length ? { blocks: stable(blocks) } : {}) }];
    });
}

function titleText(title: unknown): string {
    return typeof title === 'string' ? title : ((title as { text?: string } | undefined)?.text ?? '');
}
