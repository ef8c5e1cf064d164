/**
 * The proof for Rocket.Chat 6.x: the packaged zip in the real Apps-Engine 1.42.1 (the last release that runs
 * apps in process, through vm2) over the same in-memory bridges as the 1.62 scenarios. The engine's package
 * parser, version check, permission checks, settings, command and UIKit managers decide.
 */
import fs from 'node:fs';

import { AppStatus } from 'apps-engine-1-42/definition/AppStatus';
import { AppInterface } from 'apps-engine-1-42/definition/metadata';
import { SlashCommandContext } from 'apps-engine-1-42/definition/slashcommands';
import { UIActionButtonContext } from 'apps-engine-1-42/definition/ui';
import { UIKitIncomingInteractionType } from 'apps-engine-1-42/definition/uikit';

import { JOB_IDS, RETIRED_JOB_IDS } from '../src/ids';
import { packagedAppInfo } from './support/engine/engine';
import { installPackage142, startEngine142, type Engine142 } from './support/engine/engine-1-42';
import { JobScheduler } from './support/host/jobScheduler';
import { Loopback } from './support/host/loopbackHttp';
import { HostRecorder } from './support/host/recorder';
import { Workspace } from './support/host/workspace';
import { primaryAccount, primaryAccountId, stringNumbersParticipantId } from './support/liveperson-fixtures';
import { startLivePersonSimulator, type LivePersonSimulator } from './support/liveperson-simulator';
import { packagedZipPath } from './support/packaged-zip';
import { signedLivePersonId } from './support/signedIds';
import { BOT_SETTINGS, ROOM_ACTION_ID, seedWorkspace, surfaceText, type Sample } from './support/world';

const SIGNING_SECRET = 'website-secret-6x';

describe('the packaged app in the real Apps-Engine 1.42.1 (Rocket.Chat 6.x)', () => {
    const zip = fs.readFileSync(packagedZipPath());
    const info = packagedAppInfo(zip);
    // Rocket.Chat 6: no external ids, and bson 4 behind the scheduler (a 12-character job id is taken as an ObjectId).
    const workspace = new Workspace({ externalIds: false });
    const recorder = new HostRecorder();
    let clockOffset = 0;
    const scheduler = new JobScheduler({ now: () => Date.now() + clockOffset, bson4: true });
    const job = (id: string) => `${id}_${info.id}`;
    const prewarmJobs = () => scheduler.jobs.filter((document) => document.name.startsWith('lpvi-prewarm'));
    const engineErrors: string[] = [];
    const savedNodeEnv = process.env.NODE_ENV;
    let consoleError: jest.SpyInstance | undefined;
    let sim: LivePersonSimulator;
    let engine: Engine142;
    let sample: Sample;

    beforeAll(async () => {
        // The engine grants every permission when NODE_ENV is "test" (jest's default): run it as a server does.
        process.env.NODE_ENV = 'production';
        const real = console.error.bind(console);
        consoleError = jest.spyOn(console, 'error').mockImplementation((...items: unknown[]) => {
            engineErrors.push(items.map(String).join(' '));
            real(...items);
        });
        sim = await startLivePersonSimulator({ accounts: [primaryAccount] });
        sample = seedWorkspace(workspace);
        // Rocket.Chat 6 has no external ids: the visitors carry none.
        for (const visitor of workspace.visitors.values()) delete visitor.externalIds;
        // The website signs the field visitor's id: the hash runs in vm2 too.
        workspace.updateVisitor(sample.visitors.field.id, (visitor) => ({
            ...visitor,
            livechatData: {
                lpParticipantId: signedLivePersonId({
                    sub: stringNumbersParticipantId,
                    accountId: primaryAccountId,
                    visitorToken: visitor.token,
                    secret: SIGNING_SECRET,
                }),
            },
        }));
        engine = await startEngine142({
            workspace,
            recorder,
            http: new Loopback({ hostnames: sim.hostnames, url: sim.url }),
            externalIdWrites: false,
            scheduler,
            instance: 0,
        });
        await installPackage142(engine.manager, zip, sample.users.admin);
        const settings = engine.manager.getSettingsManager();
        for (const [id, value] of Object.entries({ ...BOT_SETTINGS, lp_signing_secret: SIGNING_SECRET })) {
            await settings.updateAppSetting(info.id, { ...settings.getAppSetting(info.id, id), value });
        }
    });

    afterEach(() => {
        expect(recorder.unimplemented).toEqual([]);
        expect(engineErrors).toEqual([]);
        expect(recorder.posted).toEqual([]);
        const errors = engine.logs.flatMap((entry) => entry.entries.filter((line) => line.severity === 'error'));
        expect(errors).toEqual([]);
    });

    afterAll(async () => {
        await engine?.stop();
        await sim?.stop();
        consoleError?.mockRestore();
        process.env.NODE_ENV = savedNodeEnv;
    });

    const app = () => engine.manager.getOneById(info.id);

    it('installs from the zip, passes the version check and is enabled with the permissions its app.json declares', () => {
        expect(JSON.parse(fs.readFileSync(require.resolve('apps-engine-1-42/package.json'), 'utf8'))).toMatchObject({ version: '1.42.1' });
        expect([AppStatus.AUTO_ENABLED, AppStatus.MANUALLY_ENABLED]).toContain(app().getStatus());
        expect(engine.manager.getPermissionsById(info.id)).toEqual(info.permissions);
        expect(scheduler.defined().sort()).toEqual([job('lpvi-keep-alive'), job(JOB_IDS.prewarm), job(RETIRED_JOB_IDS.prewarm)]);
        expect(recorder.commands.get('visitorinfo')).toMatchObject({ appId: info.id, command: { command: 'visitorinfo', permission: 'view-l-room' } });
    });

    it('the enable and every settings save leave one pre-warm job: bson 4 cancels its id by name (a 12-character id it cannot)', () => {
        // The enable and each saved LivePerson setting rescheduled it: with a 12-character id none was cancelled.
        expect(prewarmJobs()).toEqual([expect.objectContaining({ name: job(JOB_IDS.prewarm), type: 'normal' })]);
    });

    it('the pre-warm runs when due, and is gone once run', async () => {
        clockOffset += 2500;
        await scheduler.runDue();
        expect(sim.count('login')).toBe(1);
        expect(prewarmJobs()).toEqual([]);
    });

    it('a pre-warm left under the old 12-character id, which 6.x cannot cancel, runs once as a pre-warm and is gone', async () => {
        const leftover = { _id: 'a1b2c3d4e5f6a1b2c3d4e5f6', name: job(RETIRED_JOB_IDS.prewarm), type: 'normal' as const, nextRunAt: new Date(), data: {} };
        scheduler.jobs.push(leftover);
        scheduler.cancel(job(RETIRED_JOB_IDS.prewarm));
        expect(prewarmJobs()).toEqual([leftover]);
        await scheduler.runDue();
        expect(prewarmJobs()).toEqual([]);
    });

    const visitorInfo = async () => {
        const triggerId = recorder.web.issueTrigger(sample.users.agent.id);
        const room = workspace.room(sample.rooms.field.id);
        await engine.manager
            .getCommandManager()
            .executeCommand('visitorinfo', new SlashCommandContext(sample.users.agent as never, room as never, [], undefined, triggerId));
    };

    it('the serving agent runs /visitorinfo: the contextual bar opens with the profile the website signed, nothing in the room', async () => {
        await visitorInfo();

        const [shown] = recorder.web.surfaces;
        expect(shown).toMatchObject({
            userId: sample.users.agent.id,
            type: 'contextual_bar.open',
            dropped: false,
            view: { type: 'contextualBar', appId: info.id },
        });
        const text = surfaceText(shown.view);
        expect(text).toContain('Verified by your website');
        expect(text).toContain('Jane');
        expect(text).toContain('C-000042'.slice(-4));
        expect(sim.count('participantInfo')).toBe(1);
        expect(recorder.notices).toEqual([]);
    });

    it('the room action opens the same panel', async () => {
        const before = recorder.web.surfaces.length;
        const response = await engine.manager.getListenerManager().executeListener(AppInterface.IUIKitInteractionHandler, {
            type: UIKitIncomingInteractionType.ACTION_BUTTON,
            appId: info.id,
            actionId: ROOM_ACTION_ID,
            triggerId: recorder.web.issueTrigger(sample.users.agent.id),
            user: sample.users.agent,
            room: sample.rooms.field,
            payload: { context: UIActionButtonContext.ROOM_ACTION },
        } as never);
        expect(response).toMatchObject({ success: true });
        expect(recorder.web.surfaces.slice(before)).toEqual([expect.objectContaining({ type: 'contextual_bar.open', dropped: false })]);
    });

    it('an admin disables the app: its command goes away, the pre-warm job is cancelled and LivePerson is logged out', async () => {
        // New credentials schedule a pre-warm; a click logs in with them before it comes due.
        const settings = engine.manager.getSettingsManager();
        for (const value of ['app-secret-1b', BOT_SETTINGS.lp_app_secret]) {
            await settings.updateAppSetting(info.id, { ...settings.getAppSetting(info.id, 'lp_app_secret'), value });
        }
        await visitorInfo();
        expect(prewarmJobs()).toHaveLength(1);
        sim.clearLog();
        await engine.manager.disable(info.id);
        expect(app().getStatus()).toBe(AppStatus.DISABLED);
        expect(recorder.commands.has('visitorinfo')).toBe(false);
        expect(prewarmJobs()).toEqual([]);
        expect(sim.count('logout')).toBe(1);
    });
});
