/**
 * The packaged zip, installed into the real Apps-Engine 1.42.1 (the last release that runs apps in process,
 * through vm2) with in-memory host bridges: the engine's own package parser, version check, permission
 * checks, settings manager, command manager and UIKit listener decide, not a test double of them.
 */
import fs from 'node:fs';

import { AppStatus } from 'apps-engine-1-42/definition/AppStatus';
import type { ILivechatRoom, IVisitor } from 'apps-engine-1-42/definition/livechat';
import { AppInterface } from 'apps-engine-1-42/definition/metadata';
import { RoomType } from 'apps-engine-1-42/definition/rooms/RoomType';
import { SlashCommandContext } from 'apps-engine-1-42/definition/slashcommands';
import { RoomTypeFilter, UIActionButtonContext } from 'apps-engine-1-42/definition/ui';
import { UIKitIncomingInteractionType } from 'apps-engine-1-42/definition/uikit';
import { UIKitInteractionType } from 'apps-engine-1-42/definition/uikit/IUIKitInteractionType';
import { UIKitSurfaceType } from 'apps-engine-1-42/definition/uikit/IUIKitSurface';
import type { IUser } from 'apps-engine-1-42/definition/users';
import { UserStatusConnection } from 'apps-engine-1-42/definition/users/UserStatusConnection';
import { UserType } from 'apps-engine-1-42/definition/users/UserType';

import { botUser, primaryAccount, primaryAccountId, seedParticipantId } from './support/liveperson-fixtures';
import { startLivePersonSimulator, type LivePersonSimulator } from './support/liveperson-simulator';
import { packagedZipPath } from './support/packaged-zip';
import { installPackage, packagedAppInfo, saveAppSettings, startRealEngine, type RealEngine } from './real-engine/engine';
import type { RecordedInteraction } from './real-engine/chat-bridges';
import { unimplementedCalls } from './real-engine/not-implemented';

const VISITOR_ID = '6a22b1765528fa64dd29de70';
const ROOM_ACTION_ID = 'lpvi-room-action';

function user(id: string, username: string, roles: string[]): IUser {
    const at = new Date('2026-01-05T09:00:00Z');
    return {
        id,
        username,
        name: username,
        emails: [{ address: `${username}@example.com`, verified: true }],
        type: UserType.USER,
        isEnabled: true,
        roles,
        status: 'online',
        statusConnection: UserStatusConnection.ONLINE,
        utcOffset: 0,
        createdAt: at,
        updatedAt: at,
        lastLoginAt: at,
    };
}

const admin = user('admin-1', 'rc.admin', ['admin', 'user']);
const agent = user('agent-1', 'agent.anna', ['livechat-agent', 'user']);

const visitor: IVisitor = {
    id: VISITOR_ID,
    token: 'visitor-token-6a22',
    username: 'guest-10',
    name: 'Postman Test Visitor',
    visitorEmails: [{ address: 'postman-test@example.com' }],
    phone: [{ phoneNumber: '+15551234567' }],
    livechatData: { lpParticipantId: seedParticipantId },
};

/** An open omnichannel room served by the agent, as Rocket.Chat hands it to apps. */
const room: ILivechatRoom = {
    id: 'livechat-room-1',
    slugifiedName: 'postman-test-visitor',
    displayName: 'Postman Test Visitor',
    type: RoomType.LIVE_CHAT,
    creator: agent,
    usernames: [],
    visitor: { id: VISITOR_ID, token: visitor.token, username: visitor.username, name: visitor.name },
    servedBy: agent,
    isWaitingResponse: false,
    isOpen: true,
};

describe('the packaged app in the real Apps-Engine 1.42.1', () => {
    const zip = fs.readFileSync(packagedZipPath());
    const info = packagedAppInfo(zip);
    const savedNodeEnv = process.env.NODE_ENV;
    /** The engine reports on console.error what it swallows: a denied permission, a failed enable, a crashed job. */
    const engineErrors: string[] = [];
    let consoleError: jest.SpyInstance | undefined;
    let simulator: LivePersonSimulator | undefined;
    let engine: RealEngine;

    beforeAll(async () => {
        // The engine grants every permission when NODE_ENV is "test" (jest's default): run it as a server does.
        process.env.NODE_ENV = 'production';
        // A denied permission ("... lacks the following permissions") is only printed, and the call does nothing.
        const realConsoleError = console.error.bind(console);
        consoleError = jest.spyOn(console, 'error').mockImplementation((...items: unknown[]) => {
            engineErrors.push(items.map(String).join(' '));
            realConsoleError(...items);
        });

        simulator = await startLivePersonSimulator({ accounts: [primaryAccount] });
        engine = await startRealEngine({
            users: [admin, agent],
            visitors: [visitor],
            serverSettings: { Language: 'en' },
            http: { hostnames: simulator.hostnames, url: simulator.url },
        });
        const installed = await installPackage(engine, zip, admin);
        expect(installed.getStorageError()).toBeFalsy();
        expect(installed.getAppUserError()).toBeFalsy();
        await saveAppSettings(engine, info.id, {
            lp_account_id: primaryAccountId,
            lp_auth_type: 'api_key',
            lp_username: botUser.username,
            lp_app_key: 'app-key-1',
            lp_app_secret: 'app-secret-1',
        });
    });

    afterEach(() => {
        expect(unimplementedCalls).toEqual([]);
        expect(engineErrors).toEqual([]);
        expect(engine.logs.errors()).toEqual([]);
        expect(engine.bridges.messages.posted).toEqual([]);
    });

    afterAll(async () => {
        try {
            await engine?.manager.unload(true);
            expect(unimplementedCalls).toEqual([]);
            expect(engineErrors).toEqual([]);
        } finally {
            await simulator?.stop();
            consoleError?.mockRestore();
            process.env.NODE_ENV = savedNodeEnv;
        }
    });

    const app = () => engine.manager.getOneById(info.id);
    const shownSince = (count: number) => engine.bridges.ui.interactions.slice(count);

    it('installs from the zip, passes the engine version check and is enabled with the permissions its app.json declares', () => {
        expect(JSON.parse(fs.readFileSync(require.resolve('apps-engine-1-42/package.json'), 'utf8'))).toMatchObject({ version: '1.42.1' });
        expect(app()).toBeDefined();
        // A string, not a promise: the app was compiled against the engine's own definitions, as on a 1.42 server.
        expect([AppStatus.AUTO_ENABLED, AppStatus.MANUALLY_ENABLED]).toContain(app().getStatus());
        expect(engine.manager.getPermissionsById(info.id)).toEqual(info.permissions);
        expect(engine.bridges.activation.added).toEqual([info.id]);
        expect([...engine.bridges.scheduler.processors.keys()].sort()).toEqual([`lpvi-keep-alive_${info.id}`, `lpvi-prewarm_${info.id}`]);
    });

    it('registers /visitorinfo and a livechat room action shown to holders of view-l-room', () => {
        expect(engine.bridges.commands.commands.get('visitorinfo')).toMatchObject({
            appId: info.id,
            command: { command: 'visitorinfo', permission: 'view-l-room' },
        });
        expect(engine.manager.getUIActionButtonManager().getAllActionButtons()).toEqual([
            expect.objectContaining({
                appId: info.id,
                actionId: ROOM_ACTION_ID,
                context: UIActionButtonContext.ROOM_ACTION,
                when: expect.objectContaining({ roomTypes: [RoomTypeFilter.LIVE_CHAT], hasOnePermission: ['view-l-room'] }),
            }),
        ]);
    });

    it('the serving agent runs /visitorinfo: the contextual bar opens with the LivePerson profile and nothing is posted to the room', async () => {
        const before = engine.bridges.ui.interactions.length;

        await engine.manager.getCommandManager().executeCommand('visitorinfo', new SlashCommandContext(agent, room, [], undefined, 'trigger-command-1'));

        const shown = shownSince(before);
        expect(shown).toHaveLength(1);
        expectVisitorPanel(shown[0], 'trigger-command-1');
        expect(simulator?.count('participantInfo')).toBe(1);
        expect(engine.bridges.messages.notices).toEqual([]);
    });

    it('the serving agent clicks the room action: the same panel opens', async () => {
        const before = engine.bridges.ui.interactions.length;

        const response: unknown = await engine.manager.getListenerManager().executeListener(AppInterface.IUIKitInteractionHandler, {
            type: UIKitIncomingInteractionType.ACTION_BUTTON,
            appId: info.id,
            actionId: ROOM_ACTION_ID,
            triggerId: 'trigger-action-1',
            user: agent,
            room,
            payload: { context: UIActionButtonContext.ROOM_ACTION },
        });

        expect(response).toMatchObject({ success: true });
        const shown = shownSince(before);
        expect(shown).toHaveLength(1);
        expectVisitorPanel(shown[0], 'trigger-action-1');
        expect(engine.bridges.messages.notices).toEqual([]);
    });

    it('an admin disables the app: its command and button go away, the pre-warm job is cancelled and LivePerson is logged out', async () => {
        await engine.manager.disable(info.id);

        expect(app().getStatus()).toBe(AppStatus.DISABLED);
        expect(engine.bridges.commands.commands.has('visitorinfo')).toBe(false);
        expect(engine.manager.getUIActionButtonManager().getAllActionButtons()).toEqual([]);
        expect(engine.bridges.scheduler.cancelled).toContain(`lpvi-prewarm_${info.id}`);
        expect(simulator?.count('logout')).toBe(1);
    });

    function expectVisitorPanel(interaction: RecordedInteraction, triggerId: string): void {
        expect(interaction).toMatchObject({
            userId: agent.id,
            appId: info.id,
            type: UIKitInteractionType.CONTEXTUAL_BAR_OPEN,
            triggerId,
            view: { type: UIKitSurfaceType.CONTEXTUAL_BAR, appId: info.id },
        });
        const text = JSON.stringify(interaction.view?.blocks);
        expect(text).toContain(VISITOR_ID);
        // The seed participant's account name and customer type, as LivePerson sent them.
        expect(text).toContain('bank corp');
        expect(text).toContain('vip');
    }
});
