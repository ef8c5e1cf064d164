/**
 * The playground's Rocket.Chat: the tests' World (the packaged zip installed in the real Apps-Engine 1.62
 * `AppManager`, the app in its Deno subprocess, against the LivePerson simulator), plus what one browser tab
 * needs: who is acting, which room is open, what the contextual bar shows, LivePerson's mode, the settings
 * drawer, and a scheduler that runs the app's jobs as Rocket.Chat's Agenda does. Every action goes through the
 * engine's own entry points (command manager, listener manager, settings manager), as Rocket.Chat calls them.
 */
import fs from 'node:fs';

import AdmZip from 'adm-zip';
import type { ILivechatRoom } from 'apps-engine-1-62/definition/livechat';
import { AppInterface } from 'apps-engine-1-62/definition/metadata';
import type { IRoom } from 'apps-engine-1-62/definition/rooms';
import { SlashCommandContext } from 'apps-engine-1-62/definition/slashcommands';
import { RoomTypeFilter, UIActionButtonContext, type IUIActionButton } from 'apps-engine-1-62/definition/ui';
import { UIKitIncomingInteractionType } from 'apps-engine-1-62/definition/uikit';
import type { IUIKitSurface } from 'apps-engine-1-62/definition/uikit/IUIKitSurface';
import type { IUser } from 'apps-engine-1-62/definition/users';

import type { JobScheduler } from '../test/support/host/jobScheduler';
import { stored } from '../test/support/host/workspace';
import { packagedZipPath } from '../test/support/packaged-zip';
import { World, type SettingValues } from '../test/support/world';
import {
    LANGUAGES,
    TIMEOUT_CHOICES,
    type ContextualBarView,
    type LivePersonMode,
    type PlaygroundRoom,
    type PlaygroundSettings,
    type PlaygroundUser,
    type RoomActionButton,
    type SettingsRequest,
    type SlashCommandInfo,
    type Snapshot,
    type TimelineEntry,
} from './shared';

/** Past the app's default 2500 ms LivePerson time limit, inside the client's 5 s trigger window. */
const SLOW_LATENCY_MS = 3000;
/** Short, so that the app asks again soon after the page leaves the 429 mode. */
const RETRY_AFTER_SECONDS = 10;
/** How often the server calls tick(): due jobs (Agenda looks every 5 s by default; this is quicker to watch). */
export const TICK_EVERY_MS = 250;
const REQUEST_LOG_LINES = 40;
/** How long stop() lets the engine unload the app (it takes a few ms when the subprocess is alive). */
const STOP_GRACE_MS = 2000;
const DROPPED_LINES = 10;
/**
 * Set to an ISO time (e.g. 2026-06-05T12:00:00Z) for byte-stable screenshots: every time the page prints is that
 * one, request durations and the client's answer times are left out, and the app's random reference ids are
 * shown as stable stand-ins (lp-00000001, ...). The app itself still runs on real time.
 */
const FIXED_CLOCK_ENV = 'PLAYGROUND_FIXED_CLOCK';

/** Rocket.Chat's default roles for the permissions the app names (`view-l-room` for the command and the button). */
const PERMISSION_ROLES: Record<string, readonly string[]> = {
    'view-l-room': ['livechat-agent', 'livechat-manager', 'livechat-monitor', 'admin'],
};

/** Thrown for a request the page should not have sent (unknown user, room or view): answered with 400. */
export class PlaygroundInputError extends Error {}

interface Member {
    id: string;
    description: string;
}

interface Place {
    id: string;
    name: string;
    description: string;
}

/** What happened, in order: what the page shows in the timeline besides the room's opening line. */
type Happening =
    | { kind: 'typed'; roomId: string; userId: string; at: number; text: string }
    /** Said by the playground itself (an unknown command, a host error): only the user who acted sees it. */
    | { kind: 'playground'; roomId: string; userId: string; at: number; text: string }
    /** The index of a private message in `world.host.notices`. */
    | { kind: 'notice'; index: number; at: number };

type SettingId = 'lp_mask_pii' | 'lp_show_sensitive' | 'lp_timeout_ms';

export class PlaygroundSession {
    private readonly members: Member[];
    private readonly places: Place[];
    private readonly startedAt = Date.now();
    private readonly happenings: Happening[] = [];
    /** When each of `world.host.web.surfaces` reached the client (the recorder keeps no time). */
    private readonly surfaceAt: number[] = [];
    private noticesSeen = 0;
    private userId: string;
    private roomId: string;
    private mode: LivePersonMode = 'normal';
    /** Surfaces recorded before this index belong to a bar the user closed or left. */
    private barFrom = 0;
    private busyCount = 0;
    private buttons: IUIActionButton[] = [];
    private readonly scheduler: JobScheduler;
    private readonly references = new Map<string, string>();

    private constructor(
        readonly world: World,
        private readonly i18n: Record<string, Record<string, string>>,
        readonly appName: string,
        /** The app's icon from its zip, shown in the contextual bar's header as Rocket.Chat does. */
        readonly icon: Buffer | undefined,
        /** The time the page prints everywhere, when set (see FIXED_CLOCK_ENV). */
        private readonly fixedClock: number | undefined,
    ) {
        const { users, rooms, visitors } = world;
        const conversations = [...world.workspace.rooms.values()].filter((room) => room.type === 'l') as ILivechatRoom[];
        const serving = (user: IUser) => `${conversations.filter((room) => room.servedBy?.id === user.id).length} of the ${conversations.length} conversations`;
        this.members = [
            { id: users.agent.id, description: `livechat agent serving ${serving(users.agent)}` },
            { id: users.otherAgent.id, description: 'livechat agent, serving none of them' },
            { id: users.manager.id, description: 'livechat manager (a supervisor)' },
            { id: users.admin.id, description: 'administrator' },
            { id: users.agentPt.id, description: 'livechat agent in Portuguese (pt-BR), serving his own conversation' },
        ];
        this.places = [
            { id: rooms.externalIds.id, name: visitors.externalIds.name, description: 'linked to LivePerson through another app’s external id' },
            { id: rooms.field.id, name: visitors.field.name, description: 'participant id in the lpParticipantId custom field (visitor-editable)' },
            { id: rooms.none.id, name: visitors.none.name, description: 'not linked to LivePerson' },
            { id: rooms.unauthenticated.id, name: visitors.unauthenticated.name, description: 'LivePerson chat not authenticated' },
            { id: rooms.messaging.id, name: visitors.messaging.name, description: 'a LivePerson Messaging consumer' },
            { id: rooms.portuguese.id, name: visitors.externalIds.name, description: `the first visitor again, served by ${users.agentPt.name} (pt-BR)` },
            { id: rooms.channel.id, name: '#general', description: 'a channel, not an omnichannel room' },
        ];
        this.userId = users.agent.id;
        this.roomId = rooms.externalIds.id;
        this.scheduler = world.scheduler;
    }

    /**
     * Starts the LivePerson simulator and the engine with the packaged app (as World does for the tests), runs the
     * pre-warm the app scheduled when it was enabled, and starts the scheduler for everything it schedules later.
     */
    static async start(options: { fixedClock?: string } = {}): Promise<PlaygroundSession> {
        const fixedClock = parseFixedClock(options.fixedClock ?? process.env[FIXED_CLOCK_ENV]);
        const zipPath = packagedZipPath();
        const { i18n, name, icon } = readZip(zipPath);
        const world = new World();
        try {
            await world.start();
            const session = new PlaygroundSession(world, i18n, name, icon, fixedClock);
            await world.prewarm();
            await session.refreshButtons();
            return session;
        } catch (error) {
            await world.stop();
            throw error;
        }
    }

    /**
     * Unloads the app as Rocket.Chat does on shutdown (its onDisable runs), within STOP_GRACE_MS. A Ctrl-C in a
     * terminal also reaches the app's Deno subprocess, which shares the terminal's process group: the engine then
     * restarts it, and the unload waits for answers the dead process never sends (30 s per request). Past the grace
     * time the subprocesses are stopped as the engine's own stopApp does (SIGKILL, no restart).
     */
    async stop(): Promise<void> {
        const graceful = (async () => {
            await this.scheduler.stop();
            await this.world.stop();
        })();
        const inTime = await Promise.race([
            graceful.then(
                () => true,
                (error: unknown) => {
                    console.error(`playground: the engine did not unload cleanly: ${(error as Error).message}`);
                    return true;
                },
            ),
            new Promise<false>((resolve) => setTimeout(() => resolve(false), STOP_GRACE_MS).unref()),
        ]);
        if (inTime) return;
        console.error(`playground: the app did not unload within ${STOP_GRACE_MS} ms (its subprocess got the Ctrl-C too); stopping its subprocess`);
        for (const instance of this.world.instances) {
            await instance.app
                ?.getRuntimeController()
                .stopApp()
                .catch(() => undefined);
            fs.rmSync(instance.engine.tempDir, { recursive: true, force: true });
        }
        await this.world.sim?.stop();
    }

    /** Called by the server a few times a second: due jobs run, new room actions and messages are noticed. */
    async tick(): Promise<void> {
        this.observe();
        this.scheduler.tick();
        await this.refreshButtons();
    }

    // ---- what the user does ------------------------------------------------------------------------------------

    select(selection: { userId?: string; roomId?: string }): void {
        const userId = selection.userId !== undefined ? this.member(selection.userId).id : this.userId;
        const roomId = selection.roomId !== undefined ? this.place(selection.roomId).id : this.roomId;
        if (userId === this.userId && roomId === this.roomId) return;
        // Leaving the room (or signing in as someone else) closes its contextual bar, as the web client does.
        this.closeBar();
        this.userId = userId;
        this.roomId = roomId;
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
                // Every route: the Domain API, login, the Chat Agent API and the Messaging history (msgHist).
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
                for (const route of ['participantInfo', 'msgHistConsumer', 'msgHistConversation'] as const) sim.fault(route, { kind: 'html', status: 200 });
                break;
        }
        this.mode = mode;
    }

    /** The settings drawer: app settings through the engine's settings manager, the language on the server. */
    async saveSettings(change: SettingsRequest): Promise<void> {
        const values: SettingValues = {};
        if (change.maskPii !== undefined) values.lp_mask_pii = change.maskPii;
        if (change.showSensitive !== undefined) values.lp_show_sensitive = change.showSensitive;
        if (change.timeoutMs !== undefined) {
            if (!(TIMEOUT_CHOICES as readonly number[]).includes(change.timeoutMs))
                throw new PlaygroundInputError(`the time limit must be one of ${TIMEOUT_CHOICES.join(', ')} ms`);
            values.lp_timeout_ms = change.timeoutMs;
        }
        if (change.language !== undefined) {
            if (!LANGUAGES.some((language) => language.code === change.language)) throw new PlaygroundInputError(`unknown language ${change.language}`);
            this.world.workspace.serverSettings.set('Language', change.language);
        }
        this.busyCount += 1;
        try {
            // One engine update (and one onSettingUpdated in the app) per changed setting, as the admin page saves.
            await this.world.saveSettings(values);
        } finally {
            this.busyCount -= 1;
        }
    }

    /** What the composer sends: a slash command runs through the engine's command manager; other text is a message. */
    async send(text: string): Promise<void> {
        const trimmed = text.trim();
        if (trimmed === '') return;
        if (!trimmed.startsWith('/')) {
            this.happenings.push({ kind: 'typed', roomId: this.roomId, userId: this.userId, at: Date.now(), text: trimmed });
            return;
        }
        const [word, ...args] = trimmed.slice(1).split(/\s+/);
        const command = word.toLowerCase();
        const known = this.world.host.commands.get(command);
        if (!known) {
            this.say(`No such command: /${word}`);
            return;
        }
        const user = this.user;
        if (known.command.permission && !this.hasPermission(user, known.command.permission)) {
            this.say(`You don't have permission to run /${command}.`);
            return;
        }
        const room = this.room;
        await this.busy(async () => {
            // The web client issues the trigger; the server hands it to the app with the command.
            const triggerId = this.world.host.web.issueTrigger(user.id);
            await this.world.manager.getCommandManager().executeCommand(command, new SlashCommandContext(user, room, args, undefined, triggerId));
        });
    }

    async roomAction(actionId: string): Promise<void> {
        const button = this.visibleButtons().find((candidate) => candidate.actionId === actionId);
        if (!button) throw new PlaygroundInputError(`no room action ${actionId} in this room`);
        const { user, room } = this;
        await this.busy(async () => {
            await this.world.manager.getListenerManager().executeListener(AppInterface.IUIKitInteractionHandler, {
                type: UIKitIncomingInteractionType.ACTION_BUTTON,
                appId: button.appId,
                actionId: button.actionId,
                triggerId: this.world.host.web.issueTrigger(user.id),
                user,
                room,
                payload: { context: UIActionButtonContext.ROOM_ACTION },
            } as never);
        });
    }

    async blockAction(click: { viewId: string; actionId: string; blockId: string; value?: string }): Promise<void> {
        if (this.currentBar()?.viewId !== click.viewId) {
            throw new PlaygroundInputError(`the view ${click.viewId} is not open`);
        }
        const { user, room } = this;
        await this.busy(() => this.world.blockAction(user, click, room));
    }

    /** Closing the bar is the page's own business here: the app is not told (it does not ask to be). */
    closeView(viewId: string): void {
        if (this.currentBar()?.viewId === viewId) this.closeBar();
    }

    // ---- what the page shows -----------------------------------------------------------------------------------

    snapshot(): Snapshot {
        this.observe();
        const { host, sim } = this.world;
        const requests = sim.requests.slice(-REQUEST_LOG_LINES);
        return {
            appName: this.appName,
            users: this.members.map(({ id, description }): PlaygroundUser => {
                const user = this.userById(id);
                return { id, username: user.username, name: user.name, description };
            }),
            rooms: this.places.map(({ id, name, description }): PlaygroundRoom => ({ id, name, type: this.roomById(id).type, description })),
            userId: this.userId,
            roomId: this.roomId,
            mode: this.mode,
            roomActions: this.visibleButtons().map((button): RoomActionButton => ({ actionId: button.actionId, label: this.text(button.labelI18n) })),
            commands: [...host.commands.values()].map(({ command }): SlashCommandInfo => ({
                command: command.command,
                params: this.text(command.i18nParamsExample ?? ''),
                description: this.text(command.i18nDescription ?? ''),
            })),
            timeline: this.timeline(),
            bar: this.currentBar(),
            requests: requests.map((entry, index) => {
                const pending = entry.status === 0 && entry.durationMs === 0;
                return {
                    id: sim.requests.length - requests.length + index,
                    at: this.shownTime(entry.at),
                    route: entry.route,
                    method: entry.method,
                    status: entry.status,
                    durationMs: this.fixedClock === undefined ? entry.durationMs : null,
                    pending,
                };
            }),
            dropped: host.web.surfaces
                .map((record, index) => ({ record, index }))
                .filter(({ record }) => record.dropped && record.userId === this.userId)
                .slice(-DROPPED_LINES)
                .map(({ record, index }) => ({
                    id: index,
                    at: this.shownTime(this.surfaceAt[index] ?? Date.now()),
                    reason: record.dropReason ?? 'dropped',
                    openedAfterMs: this.fixedClock === undefined ? record.openedAfterMs : undefined,
                })),
            busy: this.busyCount,
            settings: this.settings(),
        };
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    private get user(): IUser {
        return this.userById(this.userId);
    }

    /** The room as the database has it now (the engine hands the app what the host stores). */
    private get room(): IRoom {
        return this.roomById(this.roomId);
    }

    private userById(id: string): IUser {
        const user = this.world.workspace.users.get(id);
        if (!user) throw new PlaygroundInputError(`unknown user ${id}`);
        return stored(user);
    }

    private roomById(id: string): IRoom {
        return this.world.workspace.room(id);
    }

    private member(id: string): Member {
        const found = this.members.find((member) => member.id === id);
        if (!found) throw new PlaygroundInputError(`unknown user ${id}`);
        return found;
    }

    private place(id: string): Place {
        const found = this.places.find((place) => place.id === id);
        if (!found) throw new PlaygroundInputError(`unknown room ${id}`);
        return found;
    }

    private settings(): PlaygroundSettings {
        const settings = this.world.manager.getSettingsManager();
        const value = (id: SettingId) => {
            const setting = settings.getAppSetting(this.world.appId, id);
            return (setting.value ?? setting.packageValue) as unknown;
        };
        return {
            maskPii: value('lp_mask_pii') === true,
            showSensitive: value('lp_show_sensitive') === true,
            timeoutMs: Number(value('lp_timeout_ms')),
            language: String(this.world.workspace.serverSettings.get('Language') ?? 'en'),
        };
    }

    private async busy(run: () => Promise<unknown>): Promise<void> {
        const where = { roomId: this.roomId, userId: this.userId };
        this.busyCount += 1;
        try {
            await run();
        } catch (error) {
            // The engine refused (app disabled, a filtered button...): say it in the room instead of failing silently.
            this.say(`The server refused: ${(error as Error).message}`, where);
        } finally {
            this.busyCount -= 1;
            this.observe();
        }
    }

    private say(text: string, where = { roomId: this.roomId, userId: this.userId }): void {
        this.happenings.push({ kind: 'playground', ...where, at: Date.now(), text });
    }

    /** New private messages and surfaces get the time they were first seen (the recorder keeps none). */
    private observe(): void {
        const { host } = this.world;
        const now = Date.now();
        for (; this.noticesSeen < host.notices.length; this.noticesSeen++) this.happenings.push({ kind: 'notice', index: this.noticesSeen, at: now });
        while (this.surfaceAt.length < host.web.surfaces.length) this.surfaceAt.push(now);
    }

    private hasPermission(user: IUser, permission: string): boolean {
        const roles = PERMISSION_ROLES[permission] ?? ['admin'];
        return user.roles.some((role) => roles.includes(role));
    }

    /** The room actions Rocket.Chat's client lists in this room for this user (its `when` filters). */
    private visibleButtons(): IUIActionButton[] {
        const user = this.user;
        const room = this.room;
        const filter =
            room.type === 'l'
                ? RoomTypeFilter.LIVE_CHAT
                : room.type === 'c'
                  ? RoomTypeFilter.PUBLIC_CHANNEL
                  : room.type === 'p'
                    ? RoomTypeFilter.PRIVATE_CHANNEL
                    : undefined;
        return this.buttons.filter((button) => {
            if (button.context !== UIActionButtonContext.ROOM_ACTION) return false;
            const when = button.when ?? {};
            if (when.roomTypes?.length && (filter === undefined || !when.roomTypes.includes(filter))) return false;
            if (when.hasOnePermission?.length && !when.hasOnePermission.some((permission) => this.hasPermission(user, permission))) return false;
            if (when.hasAllPermissions?.length && !when.hasAllPermissions.every((permission) => this.hasPermission(user, permission))) return false;
            if (when.hasOneRole?.length && !when.hasOneRole.some((role) => user.roles.includes(role))) return false;
            if (when.hasAllRoles?.length && !when.hasAllRoles.every((role) => user.roles.includes(role))) return false;
            return true;
        });
    }

    private async refreshButtons(): Promise<void> {
        this.buttons = await this.world.manager.getUIActionButtonManager().getAllActionButtons();
    }

    /** The language Rocket.Chat renders the app's labels in: the user's own, else the server's default. */
    private language(): string {
        const own = (this.user.settings as { preferences?: { language?: string } } | undefined)?.preferences?.language;
        return own || String(this.world.workspace.serverSettings.get('Language') ?? 'en');
    }

    /** The app's label in the acting user's language (the client renders labels from the app's i18n files). */
    private text(key: string): string {
        if (key === '') return '';
        const language = this.language();
        return this.i18n[language]?.[key] || this.i18n[language.split('-')[0]]?.[key] || this.i18n.en?.[key] || key;
    }

    private shownTime(at: number): number {
        return this.fixedClock ?? at;
    }

    /** With a fixed clock, the app's random reference ids (lp-xxxxxxxx) become lp-00000001, lp-00000002, ... */
    private stable<T>(value: T): T {
        if (this.fixedClock === undefined) return value;
        const replace = (text: string) =>
            text.replace(/\blp-[0-9a-z]{8}\b/g, (id) => {
                let stand = this.references.get(id);
                if (!stand) {
                    stand = `lp-${String(this.references.size + 1).padStart(8, '0')}`;
                    this.references.set(id, stand);
                }
                return stand;
            });
        const walk = (node: unknown): unknown => {
            if (typeof node === 'string') return replace(node);
            if (Array.isArray(node)) return node.map(walk);
            if (typeof node === 'object' && node !== null) return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item)]));
            return node;
        };
        return walk(value) as T;
    }

    private timeline(): TimelineEntry[] {
        const { host, workspace } = this.world;
        const room = this.room as ILivechatRoom;
        const opening =
            room.type === 'l'
                ? `Omnichannel conversation with ${room.visitor?.name ?? 'a visitor'}, served by ${room.servedBy?.name ?? 'nobody yet'}.`
                : `Welcome to ${this.place(this.roomId).name}.`;
        const entries: TimelineEntry[] = [{ kind: 'system', id: 'opening', at: this.shownTime(this.startedAt), text: opening }];
        this.happenings.forEach((happening, order) => {
            const id = `h-${order}`;
            if (happening.kind === 'notice') {
                const notice = host.notices[happening.index];
                if (notice.userId !== this.userId || notice.roomId !== this.roomId) return;
                const sender = notice.senderId ? workspace.users.get(notice.senderId) : undefined;
                entries.push({
                    kind: 'private',
                    id,
                    at: this.shownTime(happening.at),
                    username: sender?.username ?? 'app',
                    name: sender?.name ?? this.appName,
                    text: this.stable(notice.text ?? ''),
                    ...(notice.blocks?.length ? { blocks: this.stable(notice.blocks) } : {}),
                });
                return;
            }
            if (happening.roomId !== this.roomId || happening.userId !== this.userId) return;
            if (happening.kind === 'typed') {
                const user = this.userById(happening.userId);
                entries.push({ kind: 'message', id, at: this.shownTime(happening.at), username: user.username, name: user.name, text: happening.text });
            } else {
                entries.push({ kind: 'notice', id, at: this.shownTime(happening.at), text: happening.text });
            }
        });
        return entries;
    }

    /**
     * The contextual bar the user's client shows now: the last `contextual_bar.open` it drew since the user closed
     * or left the bar, with the `contextual_bar.update`s for that view after it (the client applies an update to an
     * open view only).
     */
    private currentBar(): ContextualBarView | null {
        const { surfaces } = this.world.host.web;
        let shown: { index: number; view: IUIKitSurface; action: 'open' | 'update' } | null = null;
        for (let index = this.barFrom; index < surfaces.length; index++) {
            const record = surfaces[index];
            if (record.userId !== this.userId || record.dropped) continue;
            if (record.type === 'contextual_bar.open' && record.view) shown = { index, view: record.view, action: 'open' };
            else if (record.type === 'contextual_bar.update' && record.view && shown?.view.id === record.view.id)
                shown = { index, view: record.view, action: 'update' };
            else if (record.type === 'contextual_bar.close' && (!record.view || shown?.view.id === record.view.id)) shown = null;
        }
        if (!shown) return null;
        const { view } = shown;
        const title = view.title as { text?: string } | string | undefined;
        return {
            seq: shown.index,
            viewId: view.id,
            appId: view.appId,
            action: shown.action,
            type: String(view.type),
            title: typeof title === 'string' ? title : (title?.text ?? ''),
            blocks: this.stable(view.blocks as unknown[]),
            ...(this.fixedClock === undefined ? { openedAfterMs: surfaces[shown.index].openedAfterMs } : {}),
        };
    }

    private closeBar(): void {
        this.barFrom = this.world.host.web.surfaces.length;
    }
}

function parseFixedClock(value: string | undefined): number | undefined {
    if (value === undefined || value === '') return undefined;
    const at = Date.parse(value);
    if (Number.isNaN(at)) throw new Error(`${FIXED_CLOCK_ENV} must be an ISO date and time (e.g. 2026-06-05T12:00:00Z), got "${value}"`);
    return at;
}

/** What the client of Rocket.Chat reads from the app's zip: its name, icon and translations. */
function readZip(zipPath: string): { i18n: Record<string, Record<string, string>>; name: string; icon: Buffer | undefined } {
    const zip = new AdmZip(zipPath);
    const info = JSON.parse(zip.readAsText('app.json')) as { name: string; iconFile?: string };
    const i18n: Record<string, Record<string, string>> = {};
    for (const entry of zip.getEntries()) {
        const match = /^i18n\/(.+)\.json$/.exec(entry.entryName);
        if (match) i18n[match[1]] = JSON.parse(entry.getData().toString('utf8')) as Record<string, string>;
    }
    return { i18n, name: info.name, icon: info.iconFile ? zip.getEntry(info.iconFile)?.getData() : undefined };
}
