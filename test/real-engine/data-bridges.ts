/** The app's persistence (a Mongo collection in Rocket.Chat) and the server's own settings. */
import type { RocketChatAssociationRecord } from 'apps-engine-1-42/definition/metadata';
import type { ISetting } from 'apps-engine-1-42/definition/settings';
import { SettingType } from 'apps-engine-1-42/definition/settings/SettingType';
import { PersistenceBridge, ServerSettingBridge } from 'apps-engine-1-42/server/bridges';

import { notImplemented } from './not-implemented';

interface StoredRecord {
    id: string;
    appId: string;
    data: object;
    associations: string[];
}

const associationKey = (association: RocketChatAssociationRecord): string => `${association.getModel()}:${association.getID()}`;

/**
 * Records go in and out as JSON, as they would through Mongo's serialisation: the app's objects are vm2
 * proxies and must not be kept by reference.
 */
const copy = <T>(data: T): T => JSON.parse(JSON.stringify(data)) as T;

/** A record matches when it carries every association asked for (Rocket.Chat's `$all`). */
function matching(records: StoredRecord[], associations: RocketChatAssociationRecord[], appId: string): StoredRecord[] {
    const wanted = associations.map(associationKey);
    return records.filter((record) => record.appId === appId && wanted.every((key) => record.associations.includes(key)));
}

export class InMemoryPersistenceBridge extends PersistenceBridge {
    private readonly records: StoredRecord[] = [];
    private nextId = 1;

    /** Every record of an app, as stored (for assertions). */
    public recordsOf(appId: string): Array<{ associations: string[]; data: object }> {
        return this.records.filter((record) => record.appId === appId).map(({ associations, data }) => ({ associations, data: copy(data) }));
    }

    protected async readByAssociations(associations: RocketChatAssociationRecord[], appId: string): Promise<object[]> {
        return matching(this.records, associations, appId).map((record) => copy(record.data));
    }

    protected async updateByAssociations(associations: RocketChatAssociationRecord[], data: object, upsert: boolean, appId: string): Promise<string> {
        const found = matching(this.records, associations, appId);
        if (found.length === 0) {
            if (!upsert) {
                throw new Error('no record to update for these associations');
            }
            const record: StoredRecord = { id: `record-${this.nextId++}`, appId, data: copy(data), associations: associations.map(associationKey) };
            this.records.push(record);
            return record.id;
        }
        for (const record of found) {
            record.data = copy(data);
        }
        return found[0].id;
    }

    protected async removeByAssociations(associations: RocketChatAssociationRecord[], appId: string): Promise<object[] | undefined> {
        const found = matching(this.records, associations, appId);
        for (const record of found) {
            this.records.splice(this.records.indexOf(record), 1);
        }
        return found.length > 0 ? found.map((record) => copy(record.data)) : undefined;
    }

    protected purge(_appId: string): Promise<void> {
        return notImplemented('PersistenceBridge.purge');
    }

    protected create(_data: object, _appId: string): Promise<string> {
        return notImplemented('PersistenceBridge.create');
    }

    protected createWithAssociations(_data: object, _associations: RocketChatAssociationRecord[], _appId: string): Promise<string> {
        return notImplemented('PersistenceBridge.createWithAssociations');
    }

    protected readById(_id: string, _appId: string): Promise<object> {
        return notImplemented('PersistenceBridge.readById');
    }

    protected remove(_id: string, _appId: string): Promise<object | undefined> {
        return notImplemented('PersistenceBridge.remove');
    }

    protected update(_id: string, _data: object, _upsert: boolean, _appId: string): Promise<string> {
        return notImplemented('PersistenceBridge.update');
    }
}

/** Rocket.Chat's workspace settings the app may read (`server-setting.read`). */
export class InMemoryServerSettingBridge extends ServerSettingBridge {
    private readonly settings = new Map<string, ISetting>();

    constructor(values: Record<string, string>) {
        super();
        for (const [id, value] of Object.entries(values)) {
            this.settings.set(id, { id, type: SettingType.STRING, packageValue: value, value, required: false, public: true, i18nLabel: id });
        }
    }

    /** Rocket.Chat answers an unknown id with undefined; the engine's reader turns that into an error. */
    protected async getOneById(id: string, _appId: string): Promise<ISetting> {
        return this.settings.get(id) as ISetting;
    }

    protected isReadableById(id: string, _appId: string): Promise<boolean> {
        return notImplemented(`ServerSettingBridge.isReadableById(${id})`);
    }

    protected getAll(_appId: string): Promise<ISetting[]> {
        return notImplemented('ServerSettingBridge.getAll');
    }

    protected hideGroup(name: string, _appId: string): Promise<void> {
        return notImplemented(`ServerSettingBridge.hideGroup(${name})`);
    }

    protected hideSetting(id: string, _appId: string): Promise<void> {
        return notImplemented(`ServerSettingBridge.hideSetting(${id})`);
    }

    protected updateOne(setting: ISetting, _appId: string): Promise<void> {
        return notImplemented(`ServerSettingBridge.updateOne(${setting.id})`);
    }

    protected incrementValue(id: string, _value: number, _appId: string): Promise<void> {
        return notImplemented(`ServerSettingBridge.incrementValue(${id})`);
    }
}
