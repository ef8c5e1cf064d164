import type { Buffer } from 'node:buffer';

import { LogMessageSeverity } from 'apps-engine-1-42/definition/accessors';
import type { ILoggerStorageEntry } from 'apps-engine-1-42/server/logging';
import { AppConsole } from 'apps-engine-1-42/server/logging';
import { AppLogStorage, AppMetadataStorage, AppSourceStorage } from 'apps-engine-1-42/server/storage';
import type { IAppLogStorageFindOptions, IAppStorageItem } from 'apps-engine-1-42/server/storage';

import { notImplemented } from './not-implemented';

/** The host's `rocketchat_apps` collection: app descriptors (info, settings, status, signature) by app id. */
export class InMemoryMetadataStorage extends AppMetadataStorage {
    private readonly items = new Map<string, IAppStorageItem>();

    constructor() {
        super('memory');
    }

    public async create(item: IAppStorageItem): Promise<IAppStorageItem> {
        if (this.items.has(item.id)) {
            throw new Error(`an app with the id ${item.id} is already stored`);
        }
        const stored = { ...item, _id: item.id, createdAt: new Date(), updatedAt: new Date() };
        this.items.set(item.id, stored);
        return stored;
    }

    public async retrieveOne(id: string): Promise<IAppStorageItem | null> {
        return this.items.get(id) ?? null;
    }

    public async retrieveAll(): Promise<Map<string, IAppStorageItem>> {
        return new Map(this.items);
    }

    public async update(item: IAppStorageItem): Promise<IAppStorageItem> {
        if (!this.items.has(item.id)) {
            throw new Error(`no app with the id ${item.id} is stored`);
        }
        // The engine keeps and mutates the object it passes in (as it does with Rocket.Chat's Mongo storage).
        const stored = Object.assign(item, { updatedAt: new Date() });
        this.items.set(item.id, stored);
        return stored;
    }

    public async remove(id: string): Promise<{ success: boolean }> {
        return { success: this.items.delete(id) };
    }
}

/** The host's app log collection: one entry per app method the engine ran, with every line the app logged. */
export class InMemoryLogStorage extends AppLogStorage {
    public readonly entries: ILoggerStorageEntry[] = [];

    constructor() {
        super('memory');
    }

    /** Lines logged at error level, with the app method they came from: the engine swallows what it logs. */
    public errors(): string[] {
        return this.entries.flatMap((entry) =>
            entry.entries.filter((line) => line.severity === LogMessageSeverity.ERROR).map((line) => `${entry.method}: ${JSON.stringify(line.args)}`),
        );
    }

    public async storeEntries(appId: string, logger: AppConsole): Promise<ILoggerStorageEntry> {
        const entry = AppConsole.toStorageEntry(appId, logger);
        this.entries.push(entry);
        return entry;
    }

    public async getEntriesFor(appId: string): Promise<ILoggerStorageEntry[]> {
        return this.entries.filter((entry) => entry.appId === appId);
    }

    public async removeEntriesFor(appId: string): Promise<void> {
        for (let index = this.entries.length - 1; index >= 0; index--) {
            if (this.entries[index].appId === appId) {
                this.entries.splice(index, 1);
            }
        }
    }

    public find(_query: Record<string, unknown>, _options?: IAppLogStorageFindOptions): Promise<ILoggerStorageEntry[]> {
        return notImplemented('AppLogStorage.find');
    }
}

/** Where the host keeps the uploaded zip (GridFS or the file system in Rocket.Chat). */
export class InMemorySourceStorage extends AppSourceStorage {
    private readonly packages = new Map<string, Buffer>();

    public async store(item: IAppStorageItem, zip: Buffer): Promise<string> {
        this.packages.set(item.id, zip);
        return `memory:${item.id}`;
    }

    public async fetch(item: IAppStorageItem): Promise<Buffer> {
        const zip = this.packages.get(item.id);
        if (!zip) {
            throw new Error(`no package stored for the app ${item.id}`);
        }
        return zip;
    }

    public async update(item: IAppStorageItem, zip: Buffer): Promise<string> {
        return this.store(item, zip);
    }

    public async remove(item: IAppStorageItem): Promise<void> {
        this.packages.delete(item.id);
    }
}
