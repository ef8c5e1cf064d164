/**
 * The playground's Rocket.Chat: the sample world of the tests (LivePerson simulator, in-memory host, the app loaded
 * from its packaged zip) plus what one browser tab needs: who is acting, which room is open, what the contextual
 * bar shows, and the LivePerson mode. Every action goes through the host's own entry points, as in the tests.
 */
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { RoomTypeFilter } from '@rocket.chat/apps-engine/definition/ui';
import type { IUIKitSurface } from '@rocket.chat/apps-engine/definition/uikit';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';

import AdmZip from 'adm-zip';

import { loadPackagedApp } from '../test/support/load-packaged-app';
import { packagedZipPath } from '../test/support/packaged-zip';
import { startSampleWorld, type SampleWorld } from '../test/support/sample-world';
import type {
    ContextualBarView,
    LivePersonMode,
    PlaygroundRoom,
    PlaygroundUser,
    RoomActionButton,
    SlashCommandInfo,
    Snapshot,
    TimelineEntry,
} from './shared';

/** Past the app's default 2500 ms LivePerson time limit, inside the client's 5 s trigger window. */
export const SLOW_LATENCY_MS = 3000;
/** Short, so that the app asks again soon after the page leaves the 429 mode. */
export const RETRY_AFTER_SECONDS = 10;
const REQUEST_LOG_LINES = 40;

/** Thrown for a request the page should not have sent (unknown user, room or view): answered with 400. */
export class PlaygroundInputError extends Error {}

interface Member {
    user: IUser;
    description: string;
}

interface Place {
    room: IRoom;
    name: string;
    description: string;
    /** The first line of the room, shown before anything anyone did. */
    opening: string;
}

export class PlaygroundSession {
    private readonly members: Member[];
    private readonly places: Place[];
    private readonly startedAt = Date.now();
    /** What the playground itself adds to rooms: typed messages, and notices only their user sees. */
    private readonly typed: Array<{ roomId: string; onlyFor?: string; entry: TimelineEntry }> = [];
    private userId: string;
    private roomId: string;
    private mode: LivePersonMode = 'normal';
    /** Surfaces recorded before this index belong to a bar the user closed or left. */
    private barFrom = 0;
    private busyCount = 0;

    private constructor(
        readonly world: SampleWorld,
        private readonly i18n: Record<string, Record<string, string>>,
        /** The app's icon from its zip, shown in the contextual bar's header as Rocket.Chat does. */
        readonly icon: Buffer | undefined,
    ) {
        const { users, rooms, visitors } = world;
        this.members = [
            { user: users.agent, description: 'livechat agent serving the four conversations' },
            { user: users.otherAgent, description: 'livechat agent, not serving them' },
            { user: users.manager, description: 'livechat manager' },
            { user: users.admin, description: 'administrator' },
            { user: users.agentPt, description: 'livechat agent, Portuguese, not serving them' },
        ];
        const conversation = (room: IRoom, name: string | undefined, description: string): Place => ({
            room,
            name: name ?? room.id,
            description,
            opening: `Omnichannel conversation with ${name ?? 'a visitor'}, served by ${users.agent.name}.`,
        });
        this.places = [
            conversation(rooms.externalIds, visitors.externalIds.name, 'linked to LivePerson through another app’s external id'),
            conversation(rooms.field, visitors.field.name, 'participant id in the lpParticipantId custom field'),
            conversation(rooms.none, visitors.none.name, 'no LivePerson participant'),
            conversation(rooms.unauthenticated, visitors.unauthenticated.name, 'LivePerson chat not authenticated'),
            { room: rooms.channel, name: '#general', description: 'a channel, not an omnichannel room', opening: 'Welcome to #general.' },
        ];
        this.userId = users.agent.id;
        this.roomId = rooms.externalIds.id;
    }

    /** Starts the LivePerson simulator and the host with the packaged app, its jobs on real timers. */
    static async start(): Promise<PlaygroundSession> {
        const world = await startSampleWorld({ host: { realTimeScheduler: true } });
        try {
            const zipPath = packagedZipPath();
            const { i18n, info } = await loadPackagedApp(zipPath);
            const icon = info.iconFile ? new AdmZip(zipPath).getEntry(info.iconFile)?.getData() : undefined;
            return new PlaygroundSession(world, i18n, icon);
        } catch (error) {
            await world.stop();
            throw error;
        }
    }

    async stop(): Promise<void> {
        await this.world.stop();
    }

    // ---- what the user does ------------------------------------------------------------------------------------

    select(selection: { userId?: string; roomId?: string }): void {
        const user = selection.userId !== undefined ? this.member(selection.userId).user : this.user;
        const room = selection.roomId !== undefined ? this.place(selection.roomId).room : this.room;
        if (user.id === this.userId && room.id === this.roomId) return;
        // Leaving the room (or signing in as someone else) closes its contextual bar, as the web client does.
        this.closeBar();
        this.userId = user.id;
        this.roomId = room.id;
    }

    setMode(mode: LivePersonMode): void {
        const { sim } = this.world;
        sim.clearFaults();
        sim.setLatency('*', 0);
        switch (mode) {
            case 'normal':
                break;
            case 'slow':
                sim.setLatency('*', SLOW_LATENCY_MS);
                break;
            case 'down':
                sim.fault('*', { status: 503 });
                break;
            case '401':
                // The app's session is gone and it cannot get a new one.
                sim.expireBearers();
                sim.fault('login', { status: 401 });
                sim.fault('refresh', { status: 401 });
                break;
            case '429':
                sim.fault('*', { status: 429, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } });
                break;
            case 'garbage':
                sim.fault('participantInfo', { kind: 'html', status: 200 });
                break;
        }
        this.mode = mode;
    }

    /** What the composer sends: `/visitorinfo ...` runs the app; other text is an ordinary message. */
    async send(text: string): Promise<void> {
        const trimmed = text.trim();
        if (trimmed === '') return;
        if (!trimmed.startsWith('/')) {
            const { user } = this;
            const entry: TimelineEntry = { kind: 'message', id: `m-${this.typed.length}`, at: Date.now(), username: user.username, name: user.name, text: trimmed };
            this.typed.push({ roomId: this.roomId, entry });
            return;
        }
        const [word, ...args] = trimmed.slice(1).split(/\s+/);
        const command = word.toLowerCase();
        const known = this.world.host.slashCommands().find((entry) => entry.command === command && entry.enabled);
        if (!known) {
            this.notice(`No such command: /${word}`);
            return;
        }
        await this.busy(() => this.world.host.runSlashCommand({ command, args, sender: this.user, room: this.room }));
    }

    async roomAction(actionId: string): Promise<void> {
        if (!this.roomActions().some((action) => action.actionId === actionId)) {
            throw new PlaygroundInputError(`no room action ${actionId} in this room`);
        }
        await this.busy(() => this.world.host.clickActionButton({ actionId, user: this.user, room: this.room }));
    }

    async blockAction(click: { viewId: string; actionId: string; blockId: string; value?: string }): Promise<void> {
        if (this.currentBar()?.viewId !== click.viewId) {
            throw new PlaygroundInputError(`the view ${click.viewId} is not open`);
        }
        await this.busy(() =>
            this.world.host.clickBlockAction({
                actionId: click.actionId,
                blockId: click.blockId,
                value: click.value,
                user: this.user,
                room: this.room,
                container: { type: 'view', id: click.viewId },
            }),
        );
    }

    async closeView(viewId: string): Promise<void> {
        if (this.currentBar()?.viewId !== viewId) return;
        this.barFrom = this.world.host.surfaces.length;
        await this.world.host.closeView({ viewId, user: this.user });
    }

    // ---- what the page shows -----------------------------------------------------------------------------------

    snapshot(): Snapshot {
        const { host } = this.world;
        return {
            appName: this.world.host.appInfo.name,
            users: this.members.map(({ user, description }): PlaygroundUser => ({ id: user.id, username: user.username, name: user.name, description })),
            rooms: this.places.map(({ room, name, description }): PlaygroundRoom => ({ id: room.id, name, type: room.type, description })),
            userId: this.userId,
            roomId: this.roomId,
            mode: this.mode,
            roomActions: this.roomActions(),
            commands: host
                .slashCommands()
                .filter((entry) => entry.enabled)
                .map((entry): SlashCommandInfo => ({ command: entry.command, params: this.text(entry.i18nParamsExample), description: this.text(entry.i18nDescription) })),
            timeline: this.timeline(),
            bar: this.currentBar(),
            requests: this.world.sim.requests.slice(-REQUEST_LOG_LINES).map((entry, index, shown) => ({
                id: this.world.sim.requests.length - shown.length + index,
                at: entry.at,
                route: entry.route,
                method: entry.method,
                status: entry.status,
                durationMs: entry.durationMs,
                pending: entry.status === 0 && entry.durationMs === 0,
            })),
            dropped: host.surfaces
                .map((record, index) => ({ record, index }))
                .filter(({ record }) => record.dropped && record.user.id === this.userId)
                .slice(-10)
                .map(({ record, index }) => ({ id: index, at: record.at, reason: record.dropReason ?? 'dropped', openedAfterMs: record.openedAfterMs })),
            busy: this.busyCount,
        };
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    private get user(): IUser {
        return this.member(this.userId).user;
    }

    private get room(): IRoom {
        return this.place(this.roomId).room;
    }

    private member(id: string): Member {
        const found = this.members.find((member) => member.user.id === id);
        if (!found) throw new PlaygroundInputError(`unknown user ${id}`);
        return found;
    }

    private place(id: string): Place {
        const found = this.places.find((place) => place.room.id === id);
        if (!found) throw new PlaygroundInputError(`unknown room ${id}`);
        return found;
    }

    private async busy<T>(run: () => Promise<T>): Promise<void> {
        const where = { roomId: this.roomId, userId: this.userId };
        this.busyCount += 1;
        try {
            await run();
        } catch (error) {
            // The host refused (app disabled, a filtered button...): say it in the room instead of failing silently.
            this.notice(`The host refused: ${(error as Error).message}`, where);
        } finally {
            this.busyCount -= 1;
        }
    }

    private notice(text: string, where = { roomId: this.roomId, userId: this.userId }): void {
        this.typed.push({ roomId: where.roomId, onlyFor: where.userId, entry: { kind: 'notice', id: `n-${this.typed.length}`, at: Date.now(), text } });
    }

    /** The app's label in the acting user's language (the host renders labels from the app's i18n files). */
    private text(key: string): string {
        const language = (this.user.settings as { preferences?: { language?: string } } | undefined)?.preferences?.language;
        return (language && this.i18n[language]?.[key]) || this.i18n.en?.[key] || key;
    }

    private roomActions(): RoomActionButton[] {
        const filter = this.room.type === 'l' ? RoomTypeFilter.LIVE_CHAT : this.room.type === 'c' ? RoomTypeFilter.PUBLIC_CHANNEL : undefined;
        return this.world.host
            .actionButtons()
            .filter((button) => !button.when?.roomTypes?.length || (filter !== undefined && button.when.roomTypes.includes(filter)))
            .map((button) => ({ actionId: button.actionId, label: this.text(button.labelI18n) }));
    }

    private timeline(): TimelineEntry[] {
        const place = this.place(this.roomId);
        const entries: TimelineEntry[] = [{ kind: 'system', id: 'opening', at: this.startedAt, text: place.opening }];
        for (const { roomId, onlyFor, entry } of this.typed) {
            if (roomId === this.roomId && (onlyFor === undefined || onlyFor === this.userId)) entries.push(entry);
        }
        this.world.host.notifications.forEach((notification, index) => {
            const mine = notification.kind === 'user' && notification.user?.id === this.userId;
            if (mine && notification.room.id === this.roomId) {
                const text = notification.text ?? notification.message.text ?? '';
                entries.push({ kind: 'private', id: `p-${index}`, at: notification.at, username: notification.sender?.username ?? 'app', text });
            }
        });
        return entries.sort((a, b) => a.at - b.at);
    }

    /** The latest surface the user's client drew, unless the user closed it or left the room since. */
    private currentBar(): ContextualBarView | null {
        const { host } = this.world;
        for (let index = host.surfaces.length - 1; index >= this.barFrom; index -= 1) {
            const record = host.surfaces[index];
            if (record.user.id !== this.userId || record.dropped || !record.surface || record.action === 'error') continue;
            const surface: IUIKitSurface = record.surface;
            if (!host.renderedView(surface.id)) return null;
            const title = surface.title as { text?: string } | string | undefined;
            return {
                seq: index,
                viewId: surface.id,
                appId: surface.appId,
                action: record.action,
                title: typeof title === 'string' ? title : (title?.text ?? ''),
                blocks: surface.blocks as unknown[],
                openedAfterMs: record.openedAfterMs,
            };
        }
        return null;
    }

    private closeBar(): void {
        const bar = this.currentBar();
        this.barFrom = this.world.host.surfaces.length;
        if (bar) {
            void this.world.host.closeView({ viewId: bar.viewId, user: this.user }).catch(() => undefined);
        }
    }
}
