/**
 * The app in the runtime Rocket.Chat 7 and 8 run: Apps-Engine 1.62.0's own AppManager, each app in a Deno
 * subprocess, with its version, permission and signature checks as shipped.
 */
import fs from 'node:fs';

import { AppStatus } from 'apps-engine-1-62/definition/AppStatus';

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
        expect([...world.host.processors.keys()].sort()).toEqual([`lpvi-keep-alive_${info.id}`, `lpvi-prewarm_${info.id}`]);
    });

    it('the keep-alive runs every 4 minutes from startup; the pre-warm is scheduled once the app is enabled', async () => {
        await world.disable();
        world.host.clear();
        await world.enable();
        expect(world.host.jobs).toContainEqual({ kind: 'once', id: `lpvi-prewarm_${info.id}`, when: expect.any(Date) });
        const startup = world.host.processors.get(`lpvi-keep-alive_${info.id}`);
        expect(startup?.startupSetting).toMatchObject({ type: 'recurring', interval: '4 minutes', skipImmediate: true });
    });

    it('settings saved through the engine reach onSettingUpdated: new credentials schedule one pre-warm', async () => {
        world.host.clear();
        await world.saveSettings({ lp_app_secret: 'app-secret-1b' });
        expect(world.host.settingChanges).toEqual(['lp_app_secret']);
        expect(world.host.jobs.filter((job) => job.id === `lpvi-prewarm_${info.id}`)).toHaveLength(1);
        world.host.clear();
        // Not a LivePerson setting: nothing to log in again for.
        await world.saveSettings({ lp_mask_pii: false });
        expect(world.host.jobs).toEqual([]);
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
