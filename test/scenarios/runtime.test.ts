/**
 * The app in the runtime Rocket.Chat 7 and 8 run: Apps-Engine 1.62.0's own AppManager, each app in a Deno
 * subprocess, with its version, permission and signature checks as shipped.
 */
import fs from 'node:fs';

import { AppStatus } from 'apps-engine-1-62/definition/AppStatus';

import { JOB_IDS, RETIRED_JOB_IDS } from '../../src/ids';
import { packagedAppInfo } from '../support/engine/engine';
import { packagedZipPath } from '../support/packaged-zip';
import { useWorld } from '../support/useWorld';
import { readPanel } from '../support/world';

const world = useWorld();
const info = packagedAppInfo(fs.readFileSync(packagedZipPath()));

describe('installed in the Deno runtime of Apps-Engine 1.62.0', () => {
    it('installs from the zip, passes the version check, is signed and enabled with the permissions its app.json declares', async () => {
        expect(JSON.parse(fs.readFileSync(require.resolve('apps-engine-1-62/package.json'), 'utf8'))).toMatchObject({ version: '1.62.0' });
        const app = world.instances[0].app;
        expect([AppStatus.AUTO_ENABLED, AppStatus.MANUALLY_ENABLED]).toContain(await app.getStatus());
        expect(world.manager.getPermissionsById(info.id)).toEqual(info.permissions);
        expect(app.getStorageItem().signature).toEqual(expect.any(String));
        const implemented = Object.entries(app.getStorageItem().implemented)
            .filter(([, yes]) => yes)
            .map(([name]) => name);
        expect(implemented.sort()).toEqual([...info.implements].sort());
        // The retired pre-warm id stays registered: a job an earlier version left under it must still run.
        expect(world.scheduler.defined().sort()).toEqual([`lpvi-keep-alive_${info.id}`, `lpvi-prewarm-once_${info.id}`, `lpvi-prewarm_${info.id}`]);
    });

    it('the keep-alive runs every 4 minutes from startup; the pre-warm is scheduled once the app is enabled', async () => {
        await world.disable();
        world.scheduler.forgetOnceJobs();
        await world.enable();
        expect(world.scheduler.named(world.jobName(JOB_IDS.prewarm))).toEqual([expect.objectContaining({ type: 'normal', nextRunAt: expect.any(Date) })]);
        const [keepAlive] = world.scheduler.named(world.jobName(JOB_IDS.keepAlive));
        expect(keepAlive).toMatchObject({ type: 'single', intervalMs: 4 * 60_000 });
        // skipImmediate: the first run is one interval after startup, on the test clock.
        expect(keepAlive.nextRunAt?.getTime()).toBeGreaterThan(Date.now() + 3 * 60_000);
    });

    it('jobs run when due: the pre-warm at once after an enable, with Agenda’s document id, and it is gone once run', async () => {
        await world.disable();
        await world.enable();
        const [scheduled] = world.scheduler.named(world.jobName(JOB_IDS.prewarm));
        await world.runDueJobs();
        expect(world.sim.count('login')).toBe(1);
        expect(world.scheduler.named(world.jobName(JOB_IDS.prewarm))).toEqual([]);
        // The keep-alive is not due before 4 minutes.
        world.sim.clearLog();
        await world.runDueJobs();
        expect(world.sim.count()).toBe(0);
        expect(scheduled._id).toMatch(/^[0-9a-f]{24}$/);
    });

    it('settings saved through the engine reach onSettingUpdated: new credentials schedule one pre-warm', async () => {
        world.host.clear();
        await world.saveSettings({ lp_app_secret: 'app-secret-1b' });
        expect(world.host.settingChanges).toEqual(['lp_app_secret']);
        expect(world.scheduler.named(world.jobName(JOB_IDS.prewarm))).toHaveLength(1);
        world.scheduler.forgetOnceJobs();
        // Not a LivePerson setting: nothing to log in again for.
        await world.saveSettings({ lp_mask_pii: false });
        expect(world.scheduler.jobs.filter((job) => job.type === 'normal')).toEqual([]);
    });

    it('a pre-warm an earlier version scheduled under its 12-character id is cancelled with the current one', async () => {
        // An update keeps scheduled jobs. Rocket.Chat 7+ (bson 6) cancels this id by name; see rocketchat-6.test.ts for 6.x.
        const leftover = {
            _id: 'a1b2c3d4e5f6a1b2c3d4e5f6',
            name: world.jobName(RETIRED_JOB_IDS.prewarm),
            type: 'normal' as const,
            nextRunAt: new Date(),
            data: {},
        };
        world.scheduler.jobs.push(leftover);
        await world.saveSettings({ lp_app_secret: 'app-secret-1c' });
        expect(world.scheduler.named(world.jobName(RETIRED_JOB_IDS.prewarm))).toEqual([]);
        expect(world.scheduler.named(world.jobName(JOB_IDS.prewarm))).toHaveLength(1);
        await world.disable();
        expect(world.scheduler.jobs.filter((job) => job.type === 'normal')).toEqual([]);
        await world.enable();
    });

    it('disabled then enabled: the command still answers and the room action is back (the engine keeps commands across a disable)', async () => {
        await world.disable();
        await world.enable();
        expect(await world.manager.getUIActionButtonManager().getAllActionButtons()).toEqual([expect.objectContaining({ actionId: 'lpvi-room-action' })]);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(readPanel(world.panel()).state?.title).toBe('Verified by LivePerson');
        expect(world.appLogLines(0).some((line) => line.includes('/visitorinfo was already registered'))).toBe(true);
        // The engine's own complaint about the kept command is not the app's error.
        world.engineErrors.length = 0;
    });

    it('disabled, the command is refused by the engine and the button is gone; LivePerson was logged out', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        world.sim.clearLog();
        await world.disable();
        expect(world.sim.requests.map((request) => request.route)).toEqual(['logout']);
        expect(await world.manager.getUIActionButtonManager().getAllActionButtons()).toEqual([]);
        await expect(world.command(world.users.agent, world.rooms.externalIds)).rejects.toThrow();
        world.engineErrors.length = 0;
    });

    it('the app’s log lines reach the app’s log (the runtime hands a logger per call)', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(world.appLogLines().filter((line) => line.startsWith('debug: ["LivePerson '))).toHaveLength(4);
        await world.prewarm();
        expect(world.appLogLines().some((line) => line.startsWith('info: ["LivePerson pre-warm ready'))).toBe(true);
    });
});
