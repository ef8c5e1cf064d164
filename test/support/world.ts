/**
 * A Rocket.Chat with the packaged app installed in the real Apps-Engine 1.62 (Deno runtime), configured against
 * the LivePerson simulator: agents, a manager, an admin, and omnichannel conversations with visitors linked in
 * each way the app knows. One world serves a whole test file; `reset()` puts it back before every test: the
 * simulator and the database as seeded, the file's settings saved, and the app's subprocess restarted (a new
 * process, so nothing the app kept in memory survives).
 */
import fs from 'node:fs';

import type { IDepartment, ILivechatRoom, IVisitor } from 'apps-engine-1-62/definition/livechat';
import { LivechatTransferEventType } from 'apps-engine-1-62/definition/livechat/ILivechatTransferEventContext';
import { AppInterface } from 'apps-engine-1-62/definition/metadata';
import type { IRoom } from 'apps-engine-1-62/definition/rooms';
import { SlashCommandContext } from 'apps-engine-1-62/definition/slashcommands';
import { UIActionButtonContext } from 'apps-engine-1-62/definition/ui';
import { UIKitIncomingInteractionType } from 'apps-engine-1-62/definition/uikit';
import type { IUIKitSurface } from 'apps-engine-1-62/definition/uikit/IUIKitSurface';
import type { IUser } from 'apps-engine-1-62/definition/users';
import type { ProxiedApp } from 'apps-engine-1-62/server/ProxiedApp';

import { JOB_IDS } from '../../src/ids';
import { installPackage, packagedAppInfo, startEngine, type Engine, type EngineChoice } from './engine/engine';
import { JobScheduler } from './host/jobScheduler';
import { Loopback } from './host/loopbackHttp';
import { HostRecorder } from './host/recorder';
import { Workspace, type ClosingInfo, type VisitorSeed } from './host/workspace';
import {
    messagingConsumerId,
    primaryAccount,
    primaryAccountId,
    secondaryAccount,
    seedParticipantId,
    stringNumbersParticipantId,
    unauthenticatedParticipantId,
} from './liveperson-fixtures';
import { startLivePersonSimulator, type LivePersonSimulator } from './liveperson-simulator';
import { packagedZipPath } from './packaged-zip';

/** The app id of an SSO connector app that writes LivePerson participant ids into visitors' external ids. */
export const SSO_APP_ID = 'c0ffee00-0000-4000-8000-00000000a550';
export const ROOM_ACTION_ID = 'lpvi-room-action';

export const BOT_SETTINGS = {
    lp_account_id: primaryAccountId,
    lp_auth_type: 'api_key',
    lp_username: 'rc-bot',
    lp_app_key: 'app-key-1',
    lp_app_secret: 'app-secret-1',
    lp_participant_app_ids: SSO_APP_ID,
    lp_participant_field: 'lpParticipantId',
} as const;

/** The secret the brand's website shares with the app to sign LivePerson ids (set by the scenarios that use it). */
export const SIGNING_SECRET = 'website-signing-secret-0042';

/** Secrets that must never appear in any output, log line or view. */
export const SECRETS = ['app-key-1', 'app-secret-1', 's3cret-Passw0rd', SIGNING_SECRET];

export type SettingValues = Record<string, string | number | boolean>;

export interface WorldOptions {
    /** Saved on top of BOT_SETTINGS before every test of the file. */
    settings?: SettingValues;
    /** Rocket.Chat 8.4+ can store external ids (`updateVisitorExternalId`); older servers cannot. Default true. */
    externalIdWrites?: boolean;
    /** Added by the simulator to every LivePerson request. */
    latencyMs?: number;
    /** Rocket.Chat instances in the cluster, each with the app in its own subprocess, sharing one database. */
    instances?: number;
    /** The engine, when not the main suite's 1.62.0 (the compatibility run). */
    engine?: EngineChoice;
    /**
     * The playground's fixed clock: the app's clock starts there at each install and runs on, and LivePerson's
     * records are read as of that time (an open conversation has lasted until then). Real time if unset.
     */
    clockStartsAt?: number;
}

/** One Rocket.Chat server of the cluster: its engine, the app in it, what its clients saw. */
export interface Instance {
    engine: Engine;
    app: ProxiedApp;
    recorder: HostRecorder;
}

export interface Sample {
    users: { agent: IUser; otherAgent: IUser; manager: IUser; admin: IUser; agentPt: IUser };
    department: IDepartment;
    visitors: Record<'externalIds' | 'field' | 'none' | 'unauthenticated' | 'messaging', IVisitor & { id: string }>;
    rooms: {
        externalIds: ILivechatRoom;
        field: ILivechatRoom;
        none: ILivechatRoom;
        unauthenticated: ILivechatRoom;
        messaging: ILivechatRoom;
        portuguese: ILivechatRoom;
        channel: IRoom;
    };
}

/** The sample data, written into an empty workspace. */
export function seedWorkspace(workspace: Workspace): Sample {
    const agent = workspace.addUser({ id: 'agent0000000001', username: 'alice.agent', name: 'Alice Agent', roles: ['user', 'livechat-agent'] });
    const otherAgent = workspace.addUser({ id: 'agent0000000002', username: 'bob.agent', name: 'Bob Agent', roles: ['user', 'livechat-agent'] });
    const manager = workspace.addUser({ id: 'manager00000001', username: 'maria.manager', name: 'Maria Manager', roles: ['user', 'livechat-manager'] });
    const admin = workspace.addUser({ id: 'admin0000000001', username: 'ada.admin', name: 'Ada Admin', roles: ['user', 'admin'] });
    const agentPt = workspace.addUser({
        id: 'agent0000000003',
        username: 'paulo.agente',
        name: 'Paulo Agente',
        roles: ['user', 'livechat-agent'],
        settings: { preferences: { language: 'pt-BR' } },
        utcOffset: -3,
    } as Partial<IUser> & { id: string; username: string });
    workspace.serverSettings.set('Language', 'en');
    const department = workspace.addDepartment({ id: 'dept00000000001', name: 'Billing' });

    // Stored as Rocket.Chat stores them: the creation time is `ts`, which the converter leaves unmapped.
    const ts = new Date('2026-06-05T11:22:30.664Z');
    const storedVisitor = (seed: VisitorSeed) => workspace.addVisitor({ ts, _updatedAt: new Date(ts.getTime() + 1), ...seed });
    const visitors = {
        externalIds: storedVisitor({
            id: '6a22b1765528fa64dd29de70',
            username: 'guest-10',
            name: 'Postman Test Visitor',
            status: 'online',
            department: department.id,
            phone: [{ phoneNumber: '+15551234567' }],
            visitorEmails: [{ address: 'postman-test@example.com' }],
            livechatData: { plan: 'gold', customerSince: '2019' },
            externalIds: [{ appId: SSO_APP_ID, entityId: seedParticipantId, metadata: { channel: 'web-sso' } }],
            contactId: 'contact0000000001',
            contactManager: { username: agent.username },
            ip: '203.0.113.7',
        }),
        field: storedVisitor({
            id: 'visitorField00001',
            username: 'guest-11',
            name: 'Jane Doe',
            livechatData: { lpParticipantId: stringNumbersParticipantId },
        }),
        none: storedVisitor({ id: 'visitorNone000001', username: 'guest-12', name: 'Anonymous Visitor' }),
        unauthenticated: storedVisitor({
            id: 'visitorUnauth0001',
            username: 'guest-13',
            name: 'Unverified Visitor',
            livechatData: { lpParticipantId: unauthenticatedParticipantId },
        }),
        // A LivePerson Messaging consumer, linked by the sign-in app with the namespaced messaging form.
        messaging: storedVisitor({
            id: 'visitorMessaging1',
            username: 'guest-14',
            name: 'Alex M.',
            externalIds: [{ appId: SSO_APP_ID, entityId: `lp:${primaryAccountId}:msg:${messagingConsumerId}` }],
        }),
    };
    const roomFor = (id: string, visitor: IVisitor, servedBy: IUser = agent) => workspace.addLivechatRoom({ id, visitor, servedBy });
    return {
        users: { agent, otherAgent, manager, admin, agentPt },
        department,
        visitors,
        rooms: {
            // In the Billing department: the converter hands the app the department itself.
            externalIds: workspace.addLivechatRoom({ id: 'roomExternalIds01', visitor: visitors.externalIds, servedBy: agent, department }),
            field: roomFor('roomField00000001', visitors.field),
            none: roomFor('roomNone000000001', visitors.none),
            unauthenticated: roomFor('roomUnauth0000001', visitors.unauthenticated),
            messaging: roomFor('roomMessaging0001', visitors.messaging),
            portuguese: roomFor('roomPortugues0001', visitors.externalIds, agentPt),
            channel: workspace.addChannel({ id: 'channelGeneral01', name: 'general', creator: admin }),
        },
    };
}

export class World implements Sample {
    readonly workspace: Workspace;
    /** The cluster's scheduler (Agenda): jobs run when due on the test clock, through `runDueJobs()`. */
    readonly scheduler = new JobScheduler({ now: () => Date.now() + (this.instances[0]?.engine.clockOffset() ?? 0) });
    readonly instances: Instance[] = [];
    sim!: LivePersonSimulator;
    /** The network between Rocket.Chat and LivePerson (`loopback.route.url` can point it elsewhere). */
    loopback!: Loopback;
    appId = '';
    users!: Sample['users'];
    department!: IDepartment;
    visitors!: Sample['visitors'];
    rooms!: Sample['rooms'];
    /** Everything the in-process engine printed on console.error: a denied permission, a crashed handler. */
    readonly engineErrors: string[] = [];
    private settings: SettingValues = {};
    private zip: Buffer = Buffer.alloc(0);

    constructor(private readonly options: WorldOptions = {}) {
        this.workspace = new Workspace({ externalIds: options.externalIdWrites ?? true });
    }

    /** The first instance's recorder: what the agents' clients of that server saw. */
    get host(): HostRecorder {
        return this.instances[0].recorder;
    }

    get manager() {
        return this.instances[0].engine.manager;
    }

    get tokens(): string[] {
        return [...this.workspace.visitors.values()].map((visitor) => visitor.token);
    }

    async start(): Promise<void> {
        // The engine grants every permission when NODE_ENV is "test" (jest's default): run it as a server does.
        process.env.NODE_ENV = 'production';
        this.sim = await startLivePersonSimulator({
            accounts: [primaryAccount, secondaryAccount],
            latencyMs: this.options.latencyMs,
            recordsAsOf: this.options.clockStartsAt,
        });
        this.loopback = new Loopback({ hostnames: this.sim.hostnames, url: this.sim.url });
        this.seed();
        this.zip = fs.readFileSync(packagedZipPath());
        this.appId = packagedAppInfo(this.zip).id;
        for (let index = 0; index < (this.options.instances ?? 1); index++) {
            const recorder = new HostRecorder();
            const engine = await startEngine(
                {
                    workspace: this.workspace,
                    recorder,
                    http: this.loopback,
                    externalIdWrites: this.options.externalIdWrites ?? true,
                    scheduler: this.scheduler,
                    instance: index,
                },
                { isolated: index > 0, engine: this.options.engine },
            );
            this.instances.push({ engine, app: undefined as unknown as ProxiedApp, recorder });
        }
        await this.reset();
    }

    async stop(): Promise<void> {
        await this.scheduler.stop();
        for (const instance of this.instances) await instance.engine.stop().catch(() => undefined);
        await this.sim?.stop();
    }

    /**
     * Before every test: the app uninstalled and installed again (a new subprocess: nothing the app kept in memory
     * survives, and its persistence is purged), the simulator and the database as seeded, the file's settings saved.
     * The one-time jobs scheduled meanwhile (the pre-warm of the enable and of the save) are dropped, so every test
     * starts cold: `prewarm()` runs one. Restarting the subprocess instead (the engine's `restartApp`) would be
     * quicker, but each restart leaves the engine's previous liveness watchdog running (Apps-Engine 1.62), and
     * enough of them keep jest from exiting.
     */
    async reset(settings: SettingValues = {}): Promise<void> {
        this.settings = { ...BOT_SETTINGS, ...this.options.settings, ...settings };
        for (const instance of this.instances) {
            if (instance.app) await instance.engine.manager.remove(this.appId, { user: this.users.admin });
        }
        this.loopback.abortAll();
        this.loopback.route.url = this.sim.url;
        this.sim.reset();
        this.workspace.clear();
        this.seed();
        for (const instance of this.instances) {
            instance.engine.setClockOffset(this.options.clockStartsAt === undefined ? 0 : this.options.clockStartsAt - Date.now());
            instance.app = await installPackage(instance.engine.manager, this.zip, this.users.admin);
        }
        await this.saveSettings(this.settings);
        this.scheduler.forgetOnceJobs();
        for (const instance of this.instances) {
            instance.recorder.clear();
            instance.engine.logs.length = 0;
        }
        this.sim.clearLog();
        this.engineErrors.length = 0;
    }

    private seed(): void {
        Object.assign(this, seedWorkspace(this.workspace));
    }

    /** The admin saves the settings page: one engine update, and one `onSettingUpdated`, per changed setting. */
    async saveSettings(values: SettingValues): Promise<void> {
        for (const instance of this.instances) {
            const settings = instance.engine.manager.getSettingsManager();
            for (const [id, value] of Object.entries(values)) {
                const current = settings.getAppSetting(this.appId, id);
                if (current.value === value) continue;
                await settings.updateAppSetting(this.appId, { ...current, value });
            }
        }
    }

    /** Three LivePerson outages in a row, clicked in `room` past the Refresh floor and inside the breaker's 30 s: the circuit opens. */
    async openCircuit(user: IUser, room: IRoom): Promise<void> {
        this.sim.fault('participantInfo', { status: 503 }, 3);
        await this.command(user, room);
        for (let i = 0; i < 2; i++) {
            this.advanceClock(11_000);
            await this.refresh(user, room);
        }
    }

    /** The Messaging visitor, linked by the sign-in app to a LivePerson consumer (and a conversation, in the entry's metadata). */
    linkMessaging(consumerId: string, metadata?: Record<string, string>): void {
        this.workspace.updateVisitor(this.visitors.messaging.id, (visitor) => ({
            ...visitor,
            externalIds: [{ appId: SSO_APP_ID, entityId: `lp:${primaryAccountId}:msg:${consumerId}`, ...(metadata ? { metadata } : {}) }],
        }));
    }

    /** Moves the app's clock (every instance) and the scheduler's forward; scenarios then see sessions age, caches expire, jobs come due. */
    advanceClock(ms: number): void {
        for (const instance of this.instances) instance.engine.setClockOffset(instance.engine.clockOffset() + ms);
    }

    /** The scheduler's name for one of the app's jobs (`<jobId>_<appId>`). */
    jobName(jobId: string): string {
        return `${jobId}_${this.appId}`;
    }

    /** Agenda runs every job due now (after `advanceClock`), each on one instance: `instanceIndex`, or the first. */
    runDueJobs(instanceIndex?: number): Promise<void> {
        return this.scheduler.runDue(instanceIndex);
    }

    /** A pre-warm job runs on an instance, as Agenda runs the one the app schedules when enabled (`reset` drops that one). */
    prewarm(instanceIndex = 0): Promise<void> {
        return this.scheduler.runNow(this.jobName(JOB_IDS.prewarm), instanceIndex);
    }

    // ---- What people do ----

    /** `/visitorinfo ...` typed in a room; the web client issues the trigger. */
    async command(user: IUser, room: IRoom, ...args: string[]): Promise<void> {
        await this.commandOn(0, user, room, args, true);
    }

    /** The same from a client that sends no triggerId (some mobile clients). */
    async commandWithoutTrigger(user: IUser, room: IRoom, ...args: string[]): Promise<void> {
        await this.commandOn(0, user, room, args, false);
    }

    /** The command's room is the one the user has open, converted by Rocket.Chat from what is stored now. */
    async commandOn(instanceIndex: number, user: IUser, room: IRoom, args: string[], withTrigger: boolean): Promise<void> {
        const { engine, recorder } = this.instances[instanceIndex];
        recorder.web.open(user.id, room.id);
        const triggerId = withTrigger ? recorder.web.issueTrigger(user.id) : undefined;
        await engine.manager.getCommandManager().executeCommand('visitorinfo', new SlashCommandContext(user, this.current(room), args, undefined, triggerId));
    }

    /** The room's kebab-menu action. */
    async roomAction(user: IUser, room: IRoom, instanceIndex = 0): Promise<unknown> {
        const { engine, recorder } = this.instances[instanceIndex];
        recorder.web.open(user.id, room.id);
        return engine.manager.getListenerManager().executeListener(AppInterface.IUIKitInteractionHandler, {
            type: UIKitIncomingInteractionType.ACTION_BUTTON,
            appId: this.appId,
            actionId: ROOM_ACTION_ID,
            triggerId: recorder.web.issueTrigger(user.id),
            user,
            room: this.current(room),
            payload: { context: UIActionButtonContext.ROOM_ACTION },
        } as never);
    }

    /** A button of the panel the user sees now, found by its action id (or by its label). */
    async click(user: IUser, button: { actionId?: string; label?: string }, room?: IRoom): Promise<unknown> {
        const panel = this.host.web.shown(user.id);
        if (!panel) throw new Error('no panel is open');
        const found = findButton(panel, button);
        return this.blockAction(user, { ...found, viewId: panel.id }, room);
    }

    /** The panel's Refresh button. */
    refresh(user: IUser, room?: IRoom): Promise<unknown> {
        return this.click(user, { actionId: 'lpvi-refresh' }, room);
    }

    /** A click in a contextual bar: the client sends the room it is open in (`rid`). */
    async blockAction(user: IUser, action: { actionId: string; blockId: string; value?: string; viewId: string }, room?: IRoom): Promise<unknown> {
        if (room) this.host.web.open(user.id, room.id);
        return this.manager.getListenerManager().executeListener(AppInterface.IUIKitInteractionHandler, {
            type: UIKitIncomingInteractionType.BLOCK,
            appId: this.appId,
            actionId: action.actionId,
            triggerId: this.host.web.issueTrigger(user.id),
            user,
            room: room && this.current(room),
            container: { type: 'view', id: action.viewId },
            payload: { blockId: action.blockId, value: action.value },
        } as never);
    }

    // ---- Omnichannel events, as bridges/listeners.ts hands them over: rooms and people converted by id, now ----

    /** An agent took the conversation (the room is served by them first): `{ room, agent }`. */
    agentAssigned(roomId: string, agent: IUser, instanceIndex = 0): Promise<void> {
        this.workspace.updateRoom(roomId, (room) => ({ ...room, servedBy: { _id: agent.id, username: agent.username, ts: new Date() } }));
        return this.livechatEvent('IPostLivechatAgentAssigned', { room: this.workspace.room(roomId), agent }, instanceIndex);
    }

    /** A conversation started (with an agent or in the queue): the room only. */
    roomStarted(roomId: string): Promise<void> {
        return this.livechatEvent('IPostLivechatRoomStarted', this.workspace.room(roomId));
    }

    /** The conversation is closed in the database, then the event carries the closed room. */
    roomClosed(roomId: string, closing: ClosingInfo): Promise<void> {
        this.workspace.closeRoom(roomId, closing);
        return this.livechatEvent('IPostLivechatRoomClosed', this.workspace.room(roomId));
    }

    /** Forwarded to an agent: `from` is the agent who had it (none from the queue), `to` the new one. */
    transferredToAgent(roomId: string, to: IUser): Promise<void> {
        const from = this.workspace.roomDocuments.get(roomId)?.servedBy?._id;
        this.workspace.updateRoom(roomId, (room) => ({ ...room, servedBy: { _id: to.id, username: to.username, ts: new Date() } }));
        return this.transferEvent(roomId, LivechatTransferEventType.AGENT, from ? this.workspace.lookups.user(from) : undefined, to);
    }

    /**
     * Forwarded to a department (helpers `updateChatDepartment`): `from` is the department it was in, undefined when
     * it had none; the room went to `agent`, or back to the queue without one.
     */
    transferredToDepartment(roomId: string, to: IDepartment, agent?: IUser): Promise<void> {
        const from = this.workspace.roomDocuments.get(roomId)?.departmentId;
        this.workspace.updateRoom(roomId, ({ servedBy: _servedBy, ...room }) => ({
            ...room,
            departmentId: to.id,
            ...(agent ? { servedBy: { _id: agent.id, username: agent.username, ts: new Date() } } : {}),
        }));
        return this.transferEvent(roomId, LivechatTransferEventType.DEPARTMENT, from ? this.workspace.lookups.department(from) : undefined, to);
    }

    private transferEvent(roomId: string, type: LivechatTransferEventType, from: IUser | IDepartment | undefined, to: IUser | IDepartment): Promise<void> {
        return this.livechatEvent('IPostLivechatRoomTransferred', { room: this.workspace.room(roomId), from, to, type });
    }

    /** An omnichannel event as Rocket.Chat hands it to the engine (`Apps.triggerEvent`), on one instance. */
    private async livechatEvent(
        event: 'IPostLivechatAgentAssigned' | 'IPostLivechatRoomStarted' | 'IPostLivechatRoomTransferred' | 'IPostLivechatRoomClosed',
        data: unknown,
        instanceIndex = 0,
    ): Promise<void> {
        await this.instances[instanceIndex].engine.manager.getListenerManager().executeListener(AppInterface[event], data as never);
    }

    /** A room of the workspace as Rocket.Chat would convert it now (a room the workspace does not hold, as given). */
    private current(room: IRoom): IRoom {
        return this.workspace.findRoom(room.id) ?? room;
    }

    async disable(instanceIndex = 0): Promise<void> {
        await this.instances[instanceIndex].engine.manager.disable(this.appId);
    }

    async enable(instanceIndex = 0): Promise<void> {
        await this.instances[instanceIndex].engine.manager.enable(this.appId);
    }

    // ---- What people see ----

    /** The panel a user sees now: the last surface their client drew (anyone's, by default). */
    panel(user?: IUser): IUIKitSurface | undefined {
        return this.host.web.shown(user?.id);
    }

    panelText(user?: IUser): string {
        return surfaceText(this.panel(user));
    }

    /** What the user reads of their last private message: Rocket.Chat shows the blocks, and the text only without blocks. */
    lastNoticeText(): string {
        const notice = this.host.notices[this.host.notices.length - 1];
        if (!notice) return '';
        return notice.blocks?.length ? blocksText(notice.blocks) : (notice.text ?? '');
    }

    /** Lines the app logged (not the runtime's own bookkeeping lines), as text. */
    appLogLines(instanceIndex = 0): string[] {
        return this.instances[instanceIndex].engine.logs.flatMap((entry) =>
            entry.entries.filter((line) => !isRuntimeLine(line.args)).map((line) => `${line.severity}: ${JSON.stringify(line.args)}`),
        );
    }
}

/**
 * The Deno runtime logs each call into the app with its parameters and result, as objects with a `msg`; the app's
 * own lines start with a sentence. The runtime's lines hold what the host passed in (a room, with its visitor's
 * token; a saved setting, with its value), whatever the app does: see the README's security notes.
 */
export const isRuntimeLine = (args: unknown[]): boolean =>
    (typeof args[0] === 'object' && args[0] !== null && 'msg' in args[0]) || (typeof args[0] === 'string' && OLDER_RUNTIME_LINE.test(args[0]));

/** The same lines from the runtimes of Apps-Engine 1.46 to 1.59 (`npm run test:compat`), written as sentences. */
const OLDER_RUNTIME_LINE =
    /^(\S+'s \S+ (is being executed\.\.\.|was successfully executed\.|was unsuccessful\.)|'\w+' (is being called\.\.\.|was successfully called! The result is:|was unsuccessful\.)|Job processor \S+ (is being executed\.\.\.|was successfully executed|was unsuccessful)|The status is now: \w+)$/;

type AnyBlock = {
    type: string;
    text?: { text: string };
    title?: { text: string };
    fields?: Array<{ text: string }>;
    elements?: Array<{ type: string; text?: string | { text: string }; actionId?: string; value?: string }>;
    accessory?: { type: string; text?: { text: string }; actionId?: string; value?: string };
};

/** What a person reads in blocks, one line per text, in order. */
export function blocksText(blocks: unknown[]): string {
    const lines: string[] = [];
    for (const block of blocks as AnyBlock[]) {
        if (block.title) lines.push(block.title.text);
        if (block.text) lines.push(block.text.text);
        block.fields?.forEach((field) => lines.push(field.text));
        block.elements?.forEach((element) => lines.push(typeof element.text === 'string' ? element.text : (element.text?.text ?? '')));
        if (block.accessory?.text) lines.push(block.accessory.text.text);
    }
    return lines.filter(Boolean).join('\n');
}

export function surfaceText(surface: IUIKitSurface | undefined): string {
    if (!surface) return '';
    const title = typeof surface.title === 'object' ? (surface.title as { text: string }).text : String(surface.title ?? '');
    return [title, blocksText(surface.blocks as unknown[])].join('\n');
}

type TextObjectLike = { type: string; text: string };
type BlockLike = {
    type: string;
    blockId?: string;
    text?: TextObjectLike;
    title?: TextObjectLike;
    variant?: string;
    fields?: TextObjectLike[];
    elements?: Array<TextObjectLike | { type: string }>;
};

/**
 * The panel as an agent reads it: the name (the panel's title), the state callout, every label with its value,
 * the notices under the state, and the entries of each list (activity, earlier conversations) by section title.
 */
export function readPanel(surface: IUIKitSurface | undefined) {
    const blocks = (surface?.blocks ?? []) as BlockLike[];
    const fields = new Map<string, string>();
    const sections = new Map<string, Array<{ headline: string; details: string[] }>>();
    let sectionTitle = '';
    for (const block of blocks) {
        const list = block.fields ?? [];
        for (let index = 0; index + 1 < list.length; index += 2) {
            fields.set(list[index].text.replace(/^\*|\*$/g, ''), list[index + 1].text);
        }
        if (block.blockId?.endsWith('-title')) sectionTitle = (block.text?.text ?? '').replace(/^\*|\*$/g, '');
        if (/-entry-\d+$/.test(block.blockId ?? ''))
            sections.set(sectionTitle, [...(sections.get(sectionTitle) ?? []), { headline: block.text?.text ?? '', details: [] }]);
        if (/-entry-\d+-\d+$/.test(block.blockId ?? ''))
            sections
                .get(sectionTitle)
                ?.at(-1)
                ?.details.push((block.elements?.[0] as TextObjectLike).text);
    }
    const callout = (id: string) => {
        const block = blocks.find((candidate) => candidate.blockId === id);
        return block ? { variant: block.variant, title: block.title?.text ?? '', text: block.text?.text ?? '' } : undefined;
    };
    return {
        name: typeof surface?.title === 'object' ? (surface.title as { text: string }).text : undefined,
        state: callout('header-state'),
        notices: blocks
            .filter((block) => block.blockId?.startsWith('notice-'))
            .map((block) => ({ variant: block.variant, title: block.title?.text ?? '', text: block.text?.text ?? '' })),
        fields,
        /** Entries of the list sections, by the section's title ("Earlier conversations", "Activity"). */
        sections,
        /** Every text object of the surface, with its type: what the mrkdwn rules are checked on. */
        textObjects: blocks.flatMap((block) =>
            [block.text, block.title, ...(block.fields ?? []), ...((block.elements ?? []) as TextObjectLike[])].filter(
                (object): object is TextObjectLike => typeof object?.text === 'string',
            ),
        ),
    };
}

/** Every button of a surface, with where it sits (its block). */
export function buttonsOf(surface: IUIKitSurface): Array<{ actionId: string; blockId: string; value?: string; label: string }> {
    const found: Array<{ actionId: string; blockId: string; value?: string; label: string }> = [];
    for (const block of surface.blocks as Array<AnyBlock & { blockId?: string }>) {
        for (const element of [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]) {
            if (element.type === 'button' && element.actionId) {
                const label = typeof element.text === 'string' ? element.text : (element.text?.text ?? '');
                found.push({ actionId: element.actionId, blockId: block.blockId ?? '', value: element.value, label });
            }
        }
    }
    return found;
}

function findButton(surface: IUIKitSurface, wanted: { actionId?: string; label?: string }) {
    const button = buttonsOf(surface).find((candidate) => (wanted.actionId ? candidate.actionId === wanted.actionId : candidate.label === wanted.label));
    if (!button) throw new Error(`the panel has no button ${wanted.actionId ?? wanted.label}`);
    return button;
}
