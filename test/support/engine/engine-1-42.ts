/**
 * The proof for Rocket.Chat 6.x: the real `AppManager` of Apps-Engine 1.42.1, the last release that runs apps in
 * process (vm2), over the same in-memory bridges as the 1.62 host. Only its storages differ, as their
 * interfaces do.
 */

import type { IUser } from 'apps-engine-1-42/definition/users';
import { AppManager } from 'apps-engine-1-42/server/AppManager';
import * as bridgeClasses from 'apps-engine-1-42/server/bridges';
import { AppConsole, type ILoggerStorageEntry } from 'apps-engine-1-42/server/logging';
import type { ProxiedApp } from 'apps-engine-1-42/server/ProxiedApp';
import { AppLogStorage, AppMetadataStorage, AppSourceStorage, type IAppStorageItem } from 'apps-engine-1-42/server/storage';

import { bridgeMethods, type HostOptions } from '../host/bridgeMethods';
import { hostBridges } from '../host/hostBridge';
import { withEngine142Root } from '../../../scripts/package/loadsInVm2';
import { CLASS_TO_BRIDGE, packagedAppInfo } from './engine';

export interface Engine142 {
    manager: AppManager;
    logs: ILoggerStorageEntry[];
    stop(): Promise<void>;
}

export async function startEngine142(host: HostOptions): Promise<Engine142> {
    const methods = bridgeMethods(host);
    const bridges = hostBridges(
        bridgeClasses.AppBridges,
        bridgeClasses as unknown as Record<string, unknown>,
        (className) => (CLASS_TO_BRIDGE[className] ? methods[CLASS_TO_BRIDGE[className]] : undefined),
        { InternalFederationBridge: methods.federation },
        // 1.42 predates external ids: its bridge has no such method to leave out.
        { recorder: host.recorder },
    );
    const logs: ILoggerStorageEntry[] = [];
    const manager = new AppManager({ metadataStorage: new MetadataStorage(), logStorage: new LogStorage(logs), bridges, sourceStorage: new SourceStorage() });
    await manager.load();
    return { manager, logs, stop: () => manager.unload(true) };
}

/** `POST /api/apps` with the zip, by an admin who grants what the app asks for. */
export async function installPackage142(manager: AppManager, zip: Buffer, admin: IUser): Promise<ProxiedApp> {
    const { permissions } = packagedAppInfo(zip);
    const result = await withEngine142Root(() => manager.add(zip, { enable: true, permissionsGranted: permissions, user: admin }));
    const app = result.getApp();
    if (result.getStorageError() || !app) throw new Error(`the engine refused the package: ${result.getStorageError() ?? 'no app'}`);
    return app;
}

/** The host's `rocketchat_apps` collection, as 1.42 uses it (one `update` for everything). */
class MetadataStorage extends AppMetadataStorage {
    private readonly items = new Map<string, IAppStorageItem>();

    constructor() {
        super('memory');
    }

    public async create(item: IAppStorageItem): Promise<IAppStorageItem> {
        const saved = { ...item, _id: item.id, createdAt: new Date(), updatedAt: new Date() };
        this.items.set(item.id, saved);
        return saved;
    }

    public async retrieveOne(id: string): Promise<IAppStorageItem> {
        return this.items.get(id) as IAppStorageItem;
    }

    public async retrieveAll(): Promise<Map<string, IAppStorageItem>> {
        return new Map(this.items);
    }

    public async update(item: IAppStorageItem): Promise<IAppStorageItem> {
        // The engine keeps and mutates the object it passes in, as with Rocket.Chat's Mongo storage.
        this.items.set(item.id, Object.assign(item, { updatedAt: new Date() }));
        return item;
    }

    public async remove(id: string): Promise<{ success: boolean }> {
        return { success: this.items.delete(id) };
    }
}

class LogStorage extends AppLogStorage {
    constructor(private readonly logs: ILoggerStorageEntry[]) {
        super('memory');
    }

    public async storeEntries(appId: string, logger: AppConsole): Promise<ILoggerStorageEntry> {
        const entry = AppConsole.toStorageEntry(appId, logger);
        this.logs.push(entry);
        return entry;
    }

    public async getEntriesFor(appId: string): Promise<ILoggerStorageEntry[]> {
        return this.logs.filter((entry) => entry.appId === appId);
    }

    public async removeEntriesFor(): Promise<void> {
        this.logs.length = 0;
    }

    public async find(): Promise<ILoggerStorageEntry[]> {
        return this.logs;
    }
}

class SourceStorage extends AppSourceStorage {
    private readonly packages = new Map<string, Buffer>();

    public async store(item: IAppStorageItem, zip: Buffer): Promise<string> {
        this.packages.set(item.id, zip);
        return `memory:${item.id}`;
    }

    public async fetch(item: IAppStorageItem): Promise<Buffer> {
        return this.packages.get(item.id) as Buffer;
    }

    public async update(item: IAppStorageItem, zip: Buffer): Promise<string> {
        return this.store(item, zip);
    }

    public async remove(item: IAppStorageItem): Promise<void> {
        this.packages.delete(item.id);
    }
}
