import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import AdmZip from 'adm-zip';

import type { IAppInfo } from 'apps-engine-1-42/definition/metadata';
import type { IPermission } from 'apps-engine-1-42/definition/permissions/IPermission';
import type { IUser } from 'apps-engine-1-42/definition/users';
import { AppManager } from 'apps-engine-1-42/server/AppManager';
import type { AppFabricationFulfillment } from 'apps-engine-1-42/server/compiler';

import { TestAppBridges, type TestHostOptions } from './bridges';
import { InMemoryLogStorage, InMemoryMetadataStorage, InMemorySourceStorage } from './storage';

export interface RealEngine {
    manager: AppManager;
    bridges: TestAppBridges;
    logs: InMemoryLogStorage;
}

/** The engine as Rocket.Chat starts it: storages and bridges in, then `load()` (which finds nothing installed). */
export async function startRealEngine(host: TestHostOptions): Promise<RealEngine> {
    const bridges = new TestAppBridges(host);
    const logs = new InMemoryLogStorage();
    const manager = new AppManager({
        metadataStorage: new InMemoryMetadataStorage(),
        logStorage: logs,
        bridges,
        sourceStorage: new InMemorySourceStorage(),
    });
    await manager.load();
    return { manager, bridges, logs };
}

/** What an admin accepts on the install dialog: the permissions the package's own app.json asks for. */
export function packagedAppInfo(zip: Buffer): IAppInfo & { permissions: IPermission[] } {
    const entry = new AdmZip(zip).getEntry('app.json');
    if (!entry) {
        throw new Error('the package has no app.json');
    }
    return JSON.parse(entry.getData().toString('utf8')) as IAppInfo & { permissions: IPermission[] };
}

/** `POST /api/apps` with the zip, as an admin who grants what the app asks for. */
export async function installPackage(engine: RealEngine, zip: Buffer, admin: IUser): Promise<AppFabricationFulfillment> {
    const { permissions } = packagedAppInfo(zip);
    return withEngineModuleRoot(() => engine.manager.add(zip, { enable: true, permissionsGranted: permissions, user: admin }));
}

const ENGINE_1_42 = path.dirname(require.resolve('apps-engine-1-42/package.json'));

/**
 * The app's `require('@rocket.chat/apps-engine/definition/...')` is resolved by vm2 from the process's working
 * directory (the engine names the class file `app.js`, a relative path). In Rocket.Chat that directory's
 * node_modules holds the engine itself; here the name belongs to the app's build-time definitions (1.66.0,
 * whose App class differs: `getStatus()` is async there) and 1.42.1 sits under an alias. So the package is
 * compiled from a temporary directory whose node_modules has 1.42.1 under its real name, as on a 1.42 server.
 * Only the compile needs it: the bundle requires everything at load time.
 */
async function withEngineModuleRoot<T>(run: () => Promise<T>): Promise<T> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apps-engine-1-42-host-'));
    const scope = path.join(root, 'node_modules', '@rocket.chat');
    fs.mkdirSync(scope, { recursive: true });
    fs.symlinkSync(ENGINE_1_42, path.join(scope, 'apps-engine'), 'dir');
    const previous = process.cwd();
    process.chdir(root);
    try {
        return await run();
    } finally {
        process.chdir(previous);
        fs.rmSync(root, { recursive: true, force: true });
    }
}

/** The app's settings page, saved: one engine update (and one `onSettingUpdated`) per changed setting. */
export async function saveAppSettings(engine: RealEngine, appId: string, values: Record<string, string | number | boolean>): Promise<void> {
    const settings = engine.manager.getSettingsManager();
    for (const [id, value] of Object.entries(values)) {
        await settings.updateAppSetting(appId, { ...settings.getAppSetting(appId, id), value });
    }
}
