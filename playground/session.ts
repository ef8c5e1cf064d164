/**
 * The playground's Rocket.Chat for one browser tab: the tests' World (the packaged zip installed in the real
 * Apps-Engine 1.62 `AppManager`, the app in its Deno subprocess, against the LivePerson simulator), who is acting in
 * which room, and what happened there. Every action goes through the engine's own entry points (command manager,
 * listener manager, settings manager), as Rocket.Chat calls them.
 */
import fs from 'node:fs';

import type { IRoom } from 'apps-engine-1-62/definition/rooms';
import type { IUIActionButton } from 'apps-engine-1-62/definition/ui';
import type { IUser } from 'apps-engine-1-62/definition/users';

import { stored } from '../test/support/host/workspace';
import { packagedZipPath } from '../test/support/packaged-zip';
import { World } from '../test/support/world';
import { HttpError } from './apiInput';
import { PLAYGROUND_APP_SETTINGS, readSettings, saveSettings } from './appSettings';
import { readAppZip, type AppZip } from './appZip';
import { ContextualBars } from './contextualBar';
import { fixedClockFromEnv, ReferenceStandIns } from './fixedClock';
import { applyMode, type LivePersonMode } from './livePersonModes';
import { personas } from './personas';
import { hasPermission, visibleRoomActions } from './roomActions';
import type { PlaygroundRoom, PlaygroundUser, SettingsRequest, Snapshot } from './shared';
import { snapshot, type Happening } from './snapshot';

/** How long stop() lets the engine unload the app (it takes a few ms when the subprocess is alive). */
const STOP_GRACE_MS = 2000;

export class PlaygroundSession {
    private readonly startedAt = Date.now();
    private readonly users: PlaygroundUser[];
    private readonly rooms: PlaygroundRoom[];
    private readonly happenings: Happening[] = [];
    private readonly bars: ContextualBars;
    private readonly references = new ReferenceStandIns();
    /** How many of the recorder's private messages and surfaces observe() has seen. */
    private noticesSeen = 0;
    private surfacesSeen = 0;
    private userId: string;
    private roomId: string;
    private mode: LivePersonMode = 'normal';
    private busyCount = 0;
    private buttons: IUIActionButton[] = [];

    private constructor(
        private readonly world: World,
        readonly zip: AppZip,
        /** The time the page prints everywhere, when set (see fixedClock.ts). */
        private readonly fixedClock: number | undefined,
    ) {
        ({ users: this.users, rooms: this.rooms } = personas(world));
        this.userId = this.users[0].id;
        this.roomId = this.rooms[0].id;
        this.bars = new ContextualBars(world.host.web.surfaces);
    }

    /**
     * Starts the LivePerson simulator and the engine with the packaged app (as World does for the tests), runs the
     * pre-warm the app scheduled when it was enabled; the server's timer runs whatever the app schedules later.
     */
    static async start(): Promise<PlaygroundSession> {
        const fixedClock = fixedClockFromEnv();
        const zip = readAppZip(packagedZipPath());
        const world = new World({ settings: PLAYGROUND_APP_SETTINGS, clockStartsAt: fixedClock });
        try {
            await world.start();
            const session = new PlaygroundSession(world, zip, fixedClock);
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
        const graceful = this.world.stop();
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
        this.world.scheduler.tick();
        await this.refreshButtons();
    }

    // ---- what the user does ------------------------------------------------------------------------------------

    select(selection: { userId?: string; roomId?: string }): void {
        const { userId = this.userId, roomId = this.roomId } = selection;
        if (!this.users.some((user) => user.id === userId)) throw new HttpError(400, `unknown user ${userId}`);
        if (!this.rooms.some((room) => room.id === roomId)) throw new HttpError(400, `unknown room ${roomId}`);
        if (userId === this.userId && roomId === this.roomId) return;
        // Leaving the room closes its contextual bar, and signing in as someone else starts without one, as in the web client.
        this.bars.close(userId);
        this.userId = userId;
        this.roomId = roomId;
    }

    setMode(mode: LivePersonMode): void {
        applyMode(this.world.sim, mode);
        this.mode = mode;
    }

    /** The settings drawer: "busy" while the app hears of each change. */
    async saveSettings(change: SettingsRequest): Promise<void> {
        this.busyCount += 1;
        try {
            await saveSettings(this.world, change);
        } finally {
            this.busyCount -= 1;
        }
    }

    /** What the composer sends: a slash command, run through the engine's command manager (the app reads no messages). */
    async send(text: string): Promise<void> {
        const trimmed = text.trim();
        if (trimmed === '') return;
        if (!trimmed.startsWith('/')) {
            this.say('The playground keeps no messages: the app only answers slash commands (try /visitorinfo).');
            return;
        }
        const [word, ...args] = trimmed.slice(1).split(/\s+/);
        const command = word.toLowerCase();
        const known = this.world.host.commands.get(command);
        if (!known) {
            this.say(`No such command: /${word}`);
            return;
        }
        const { user, room } = this;
        if (known.command.permission && !hasPermission(user, known.command.permission)) {
            this.say(`You don't have permission to run /${command}.`);
            return;
        }
        // The app registers one command: the world runs it as the server does, with the web client's trigger.
        await this.busy(() => this.world.command(user, room, ...args));
    }

    async roomAction(actionId: string): Promise<void> {
        const { user, room } = this;
        const button = visibleRoomActions(this.buttons, user, room).find((candidate) => candidate.actionId === actionId);
        if (!button) throw new HttpError(400, `no room action ${actionId} in this room`);
        await this.busy(() => this.world.roomAction(user, room));
    }

    async blockAction(click: { viewId: string; actionId: string; blockId: string; value?: string }): Promise<void> {
        if (this.bars.shown(this.userId)?.view.id !== click.viewId) throw new HttpError(400, `the view ${click.viewId} is not open`);
        const { user, room } = this;
        await this.busy(() => this.world.blockAction(user, click, room));
    }

    /** Closing the bar is the page's own business here: the app is not told (it does not ask to be). */
    closeView(viewId: string): void {
        if (this.bars.shown(this.userId)?.view.id === viewId) this.bars.close(this.userId);
    }

    // ---- what the page shows -----------------------------------------------------------------------------------

    snapshot(): Snapshot {
        this.observe();
        const { user, room } = this;
        const settings = readSettings(this.world);
        // The language Rocket.Chat renders the app's labels in: the user's own, else the server's default.
        const language = (user.settings as { preferences?: { language?: string } } | undefined)?.preferences?.language || settings.language;
        return snapshot({
            appName: this.zip.name,
            users: this.users,
            rooms: this.rooms,
            userId: this.userId,
            room,
            mode: this.mode,
            startedAt: this.startedAt,
            happenings: this.happenings,
            bar: this.bars.shown(this.userId),
            requests: this.world.sim.requests,
            roomActions: visibleRoomActions(this.buttons, user, room).map(({ actionId, labelI18n }) => ({
                actionId,
                label: this.zip.translate(language, labelI18n),
            })),
            busy: this.busyCount,
            settings,
            fixedClock: this.fixedClock,
            references: this.references,
        });
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    private get user(): IUser {
        return stored(this.world.workspace.users.get(this.userId) as IUser);
    }

    /** The room as the database has it now (the engine hands the app what the host stores). */
    private get room(): IRoom {
        return this.world.workspace.room(this.roomId);
    }

    private async refreshButtons(): Promise<void> {
        this.buttons = await this.world.manager.getUIActionButtonManager().getAllActionButtons();
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
        this.happenings.push({ kind: 'notice', ...where, at: Date.now(), text });
    }

    /** New private messages and surfaces get the time they were first seen (the recorder keeps none). */
    private observe(): void {
        const { host, workspace } = this.world;
        const at = Date.now();
        for (; this.noticesSeen < host.notices.length; this.noticesSeen++) {
            const { userId, roomId, senderId, text = '', blocks } = host.notices[this.noticesSeen];
            const username = (senderId && workspace.users.get(senderId)?.username) || 'app';
            this.happenings.push({ kind: 'private', userId, roomId, at, username, text, blocks });
            if (this.fixedClock !== undefined) this.references.note([text, blocks]);
        }
        for (; this.surfacesSeen < host.web.surfaces.length; this.surfacesSeen++) {
            const { userId, view, dropped, dropReason = 'dropped', openedAfterMs } = host.web.surfaces[this.surfacesSeen];
            if (dropped) this.happenings.push({ kind: 'dropped', userId, at, reason: dropReason, openedAfterMs });
            if (this.fixedClock !== undefined) this.references.note(view?.blocks);
        }
    }
}
