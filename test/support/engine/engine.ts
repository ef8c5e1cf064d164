/**
 * The host for every scenario: the real `AppManager` of Apps-Engine 1.62.0 (what Rocket.Chat 7 and 8 run), each
 * app in its real Deno subprocess, with in-memory storages and bridges standing in for Rocket.Chat's database and
 * services. Nothing of the engine is replaced: its package parser, version, permission and signature checks,
 * settings, command, listener and scheduler managers decide what happens. `npm run test:compat` starts the other
 * engines with a Deno runtime (1.46.0 to 1.59.0) the same way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import AdmZip from 'adm-zip';
import { AppStatus } from 'apps-engine-1-62/definition/AppStatus';
import type { IAppInfo } from 'apps-engine-1-62/definition/metadata';
import type { IPermission } from 'apps-engine-1-62/definition/permissions/IPermission';
import type { IUser } from 'apps-engine-1-62/definition/users';
import type { AppManager } from 'apps-engine-1-62/server/AppManager';
import type { ProxiedApp } from 'apps-engine-1-62/server/ProxiedApp';
import type { ILoggerStorageEntry } from 'apps-engine-1-62/server/logging';
import type { IAppStorageItem } from 'apps-engine-1-62/server/storage';

import { ENGINE_DIR, installTestClock, useDenoRuntime, type DenoRuntime } from './denoRuntime';
import { bridgeMethods, type BridgeName, type HostOptions } from '../host/bridgeMethods';
import { hostBridges } from '../host/hostBridge';

export const CLASS_TO_BRIDGE: Record<string, BridgeName> = {
    AppActivationBridge: 'activation',
    AppDetailChangesBridge: 'detailChanges',
    CommandBridge: 'command',
    HttpBridge: 'http',
    LivechatBridge: 'livechat',
    MessageBridge: 'message',
    PersistenceBridge: 'persistence',
    RoomBridge: 'room',
    ServerSettingBridge: 'serverSetting',
    UserBridge: 'user',
    UiInteractionBridge: 'uiInteraction',
    SchedulerBridge: 'scheduler',
    InternalBridge: 'internal',
};

export interface Engine {
    manager: AppManager;
    logs: ILoggerStorageEntry[];
    /** Where the engine links the Deno runtime and keeps uploads; removed by `stop()`. */
    tempDir: string;
    /** Moves the clock of this engine's app subprocesses (milliseconds from real time). */
    setClockOffset(offsetMs: number): void;
    clockOffset(): number;
    stop(): Promise<void>;
}

/** Another engine than the main suite's 1.62.0, with the Deno runtime prepared for it (`npm run test:compat`). */
export interface EngineChoice {
    engineDir: string;
    runtime: DenoRuntime;
}

/**
 * The engine as Rocket.Chat starts it. `isolated` loads a second copy of the engine's modules, for a second
 * Rocket.Chat instance in the same process (the engine allows one AppManager per module instance).
 */
export async function startEngine(host: HostOptions, options: { isolated?: boolean; engine?: EngineChoice } = {}): Promise<Engine> {
    const engineDir = options.engine?.engineDir ?? ENGINE_DIR;
    useDenoRuntime(options.engine?.runtime);
    // Loaded with require() so that `isolated` can load them a second time.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const load = () => ({
        server: require(path.join(engineDir, 'server', 'AppManager')),
        bridges: require(path.join(engineDir, 'server', 'bridges')),
        storage: require(path.join(engineDir, 'server', 'storage')),
    });
    /* eslint-enable @typescript-eslint/no-require-imports */
    let modules: ReturnType<typeof load> | undefined;
    if (options.isolated) {
        // Only scenarios start a second instance, and they run under jest.
        jest.isolateModules(() => (modules = load()));
    } else {
        modules = load();
    }
    const { server, bridges: bridgeClasses, storage } = modules as ReturnType<typeof load>;
    const methods = bridgeMethods(host);
    const bridges = hostBridges(
        bridgeClasses.AppBridges,
        bridgeClasses,
        (className) => (CLASS_TO_BRIDGE[className] ? methods[CLASS_TO_BRIDGE[className]] : undefined),
        { InternalFederationBridge: methods.federation },
        { recorder: host.recorder, absent: host.externalIdWrites ? [] : ['updateVisitorExternalId'] },
    );
    const logs: ILoggerStorageEntry[] = [];
    const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lpvi-engine-'));
    const setOffset = installTestClock(tempDir);
    let offset = 0;
    const manager = new server.AppManager({
        metadataStorage: metadataStorage(storage.AppMetadataStorage),
        logStorage: logStorage(storage.AppLogStorage, logs),
        bridges,
        sourceStorage: sourceStorage(storage.AppSourceStorage),
        tempFilePath: tempDir,
    }) as AppManager;
    await manager.load();
    return {
        manager,
        logs,
        tempDir,
        setClockOffset(offsetMs) {
            offset = offsetMs;
            setOffset(offsetMs);
        },
        clockOffset: () => offset,
        async stop() {
            await manager.unload(true);
            fs.rmSync(tempDir, { recursive: true, force: true });
        },
    };
}

/** What an admin accepts on the install dialog: the permissions the package's own app.json asks for. */
export function packagedAppInfo(zip: Buffer): IAppInfo & { permissions: IPermission[] } {
    const entry = new AdmZip(zip).getEntry('app.json');
    if (!entry) throw new Error('the package has no app.json');
    return JSON.parse(entry.getData().toString('utf8')) as IAppInfo & { permissions: IPermission[] };
}

/** `POST /api/apps` with the zip, by an admin who grants what the app asks for; fails with the engine's reason. */
export async function installPackage(manager: AppManager, zip: Buffer, admin: IUser): Promise<ProxiedApp> {
    const { permissions } = packagedAppInfo(zip);
    const result = await manager.add(zip, { enable: true, permissionsGranted: permissions, user: admin });
    const problems = [result.getStorageError(), result.getAppUserError() && JSON.stringify(result.getAppUserError())].filter(Boolean);
    const app = result.getApp();
    if (problems.length > 0 || !app) throw new Error(`the engine refused the package: ${problems.join('; ') || 'no app'}`);
    const status = await app.getStatus();
    if (![AppStatus.AUTO_ENABLED, AppStatus.MANUALLY_ENABLED].includes(status)) throw new Error(`the app was installed but is ${status}`);
    return app;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Abstract = abstract new (...args: any[]) => any;

/** The host's `rocketchat_apps` collection: app descriptors (info, settings, status, signature) by app id. */
function metadataStorage(Base: Abstract) {
    const items = new Map<string, IAppStorageItem>();
    const Storage = class extends Base {
        async create(item: IAppStorageItem) {
            if (items.has(item.id)) throw new Error(`an app with the id ${item.id} is already stored`);
            const saved = { ...item, _id: item.id, createdAt: new Date(), updatedAt: new Date() };
            items.set(item.id, saved);
            return saved;
        }
        async retrieveOne(id: string) {
            return items.get(id) ?? null;
        }
        async retrieveAll() {
            return new Map(items);
        }
        async retrieveAllPrivate() {
            return new Map([...items].filter(([, item]) => !item.marketplaceInfo));
        }
        async remove(id: string) {
            return { success: items.delete(id) };
        }
        /** Up to 1.55.1 the engine saves the whole descriptor with one method. */
        async update(item: IAppStorageItem) {
            if (!this.patch(item.id, item)) throw new Error(`no app with the id ${item.id} is stored`);
            return items.get(item.id);
        }
        async updatePartialAndReturnDocument(item: Partial<IAppStorageItem>, options?: { unsetPermissionsGranted?: boolean }) {
            const id = (item._id ?? item.id) as string;
            const current = items.get(id);
            if (!current) throw new Error(`no app with the id ${id} is stored`);
            const next = { ...current, ...item, updatedAt: new Date() };
            if (options?.unsetPermissionsGranted) delete next.permissionsGranted;
            items.set(id, next);
            return next;
        }
        async updateStatus(id: string, status: AppStatus) {
            return this.patch(id, { status });
        }
        async updateSetting(id: string, setting: { id: string }) {
            const current = items.get(id);
            return current ? this.patch(id, { settings: { ...current.settings, [setting.id]: setting } } as Partial<IAppStorageItem>) : false;
        }
        async updateAppInfo(id: string, info: IAppInfo) {
            return this.patch(id, { info });
        }
        async updateMarketplaceInfo(id: string, marketplaceInfo: IAppStorageItem['marketplaceInfo']) {
            return this.patch(id, { marketplaceInfo });
        }
        private patch(id: string, change: Partial<IAppStorageItem>): boolean {
            const current = items.get(id);
            if (!current) return false;
            items.set(id, { ...current, ...change, updatedAt: new Date() });
            return true;
        }
    };
    return new Storage('memory');
}

/** The host's app log collection: one entry per app method the engine ran, with every line logged in it. */
function logStorage(Base: Abstract, logs: ILoggerStorageEntry[]) {
    const Storage = class extends Base {
        async storeEntries(entry: ILoggerStorageEntry) {
            logs.push(entry);
            return entry;
        }
        async getEntriesFor(appId: string) {
            return logs.filter((entry) => entry.appId === appId);
        }
        async removeEntriesFor(appId: string) {
            for (let index = logs.length - 1; index >= 0; index--) if (logs[index].appId === appId) logs.splice(index, 1);
        }
        async findPaginated() {
            return { logs, total: logs.length };
        }
    };
    return new Storage('memory');
}

/** Where the host keeps uploaded zips (GridFS or the file system in Rocket.Chat). */
function sourceStorage(Base: Abstract) {
    const packages = new Map<string, Buffer>();
    const Storage = class extends Base {
        async store(item: IAppStorageItem, zip: Buffer) {
            packages.set(item.id, zip);
            return `memory:${item.id}`;
        }
        async fetch(item: IAppStorageItem) {
            const zip = packages.get(item.id);
            if (!zip) throw new Error(`no package stored for the app ${item.id}`);
            return zip;
        }
        async update(item: IAppStorageItem, zip: Buffer) {
            return this.store(item, zip);
        }
        async remove(item: IAppStorageItem) {
            packages.delete(item.id);
        }
    };
    return new Storage();
}
