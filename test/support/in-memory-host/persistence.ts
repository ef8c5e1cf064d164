import type { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import { jsonCopy } from './clone';
import { objectId } from './ids';
import { Permission, type PermissionGuard } from './permissions';

/** An association as the real store keeps it (`{ model, id }`, compared field by field). */
export interface StoredAssociation {
  model: string;
  id: string;
}

export interface StoredRecord {
  id: string;
  appId: string;
  associations?: StoredAssociation[];
  data: object;
}

function toStored(association: RocketChatAssociationRecord): StoredAssociation {
  // Accept plain `{ model, id }` too: that is what an association becomes after crossing the runtime boundary.
  const plain = association as unknown as Partial<StoredAssociation>;
  return typeof association.getModel === 'function'
    ? { model: association.getModel(), id: association.getID() }
    : { model: String(plain.model), id: String(plain.id) };
}

function sameAssociation(a: StoredAssociation, b: StoredAssociation): boolean {
  return a.model === b.model && a.id === b.id;
}

function assertObject(data: unknown): void {
  if (typeof data !== 'object' || data === null) {
    throw new Error('Attempted to store an invalid data type, it must be an object.');
  }
}

/**
 * The apps' persistence collection. Share one store between two hosts to model two Rocket.Chat instances on one
 * database. Data is kept as JSON and copied on every read and write, so hosts (and the app) never share objects.
 */
export class PersistenceStore {
  private readonly records = new Map<string, { appId: string; associations?: StoredAssociation[]; json: string }>();

  insert(appId: string, data: object, associations?: StoredAssociation[]): string {
    const id = objectId();
    this.records.set(id, { appId, associations: associations && jsonCopy(associations), json: JSON.stringify(data) });
    return id;
  }

  /** Mongo's `{ associations: { $all: [...] } }`: records having every given association (order free). */
  findHavingAll(appId: string, associations: StoredAssociation[]): StoredRecord[] {
    return this.all(appId).filter((record) =>
      associations.every((wanted) => record.associations?.some((own) => sameAssociation(own, wanted)) === true),
    );
  }

  /** Mongo's `{ associations: [...] }`: records whose association list equals the given one, in order. */
  findExactly(appId: string, associations: StoredAssociation[]): StoredRecord[] {
    return this.all(appId).filter(
      (record) =>
        record.associations?.length === associations.length &&
        record.associations.every((own, index) => sameAssociation(own, associations[index])),
    );
  }

  byId(appId: string, id: string): StoredRecord | undefined {
    return this.all(appId).find((record) => record.id === id);
  }

  replaceData(id: string, data: object): void {
    const record = this.records.get(id);
    if (record) {
      record.json = JSON.stringify(data);
    }
  }

  delete(id: string): void {
    this.records.delete(id);
  }

  /** Every record of one app (or of all apps), as copies: for test assertions. */
  all(appId?: string): StoredRecord[] {
    return [...this.records.entries()]
      .filter(([, record]) => appId === undefined || record.appId === appId)
      .map(([id, record]) => ({
        id,
        appId: record.appId,
        ...(record.associations ? { associations: jsonCopy(record.associations) } : {}),
        data: JSON.parse(record.json) as object,
      }));
  }

  clear(): void {
    this.records.clear();
  }
}

/**
 * IPersistence with the real bridge's semantics (Rocket.Chat `AppPersistenceBridge`), every member behind
 * `persistence` (PersistenceBridge.hasDefaultPermission):
 * - `update(id, ...)` throws `Not implemented.` exactly like the real server: use the association methods.
 * - `updateByAssociation(s)` matches the exact association list (order included), updates the first match,
 *   inserts with `upsert`, and returns the new record id after an insert, '' otherwise.
 * - `removeByAssociation(s)` removes every record having all the given associations; undefined when none.
 */
export class AppPersistence implements IPersistence {
  constructor(
    private readonly store: PersistenceStore,
    private readonly appId: string,
    private readonly guard: PermissionGuard,
  ) {}

  async create(data: object): Promise<string> {
    if (!this.guard.allows(Permission.persistence, 'IPersistence.create')) {
      return undefined as unknown as string;
    }
    assertObject(data);
    return this.store.insert(this.appId, data);
  }

  createWithAssociation(data: object, association: RocketChatAssociationRecord): Promise<string> {
    return this.insertAssociated(data, [association], 'IPersistence.createWithAssociation');
  }

  createWithAssociations(data: object, associations: Array<RocketChatAssociationRecord>): Promise<string> {
    return this.insertAssociated(data, associations, 'IPersistence.createWithAssociations');
  }

  async update(_id: string, data: object): Promise<string> {
    if (!this.guard.allows(Permission.persistence, 'IPersistence.update')) {
      return undefined as unknown as string;
    }
    assertObject(data);
    throw new Error('Not implemented.');
  }

  updateByAssociation(association: RocketChatAssociationRecord, data: object, upsert = false): Promise<string> {
    return this.upsertAssociated([association], data, upsert, 'IPersistence.updateByAssociation');
  }

  updateByAssociations(
    associations: Array<RocketChatAssociationRecord>,
    data: object,
    upsert = false,
  ): Promise<string> {
    return this.upsertAssociated(associations, data, upsert, 'IPersistence.updateByAssociations');
  }

  async remove(id: string): Promise<object> {
    if (!this.guard.allows(Permission.persistence, 'IPersistence.remove')) {
      return undefined as unknown as object;
    }
    const record = this.store.byId(this.appId, id);
    if (!record) {
      return undefined as unknown as object;
    }
    this.store.delete(id);
    return record.data;
  }

  removeByAssociation(association: RocketChatAssociationRecord): Promise<Array<object>> {
    return this.removeAssociated([association], 'IPersistence.removeByAssociation');
  }

  removeByAssociations(associations: Array<RocketChatAssociationRecord>): Promise<Array<object>> {
    return this.removeAssociated(associations, 'IPersistence.removeByAssociations');
  }

  private async insertAssociated(
    data: object,
    associations: RocketChatAssociationRecord[],
    method: string,
  ): Promise<string> {
    if (!this.guard.allows(Permission.persistence, method)) {
      return undefined as unknown as string;
    }
    assertObject(data);
    return this.store.insert(this.appId, data, associations.map(toStored));
  }

  private async upsertAssociated(
    associations: RocketChatAssociationRecord[],
    data: object,
    upsert: boolean,
    method: string,
  ): Promise<string> {
    if (!this.guard.allows(Permission.persistence, method)) {
      return undefined as unknown as string;
    }
    assertObject(data);
    const stored = associations.map(toStored);
    const [match] = this.store.findExactly(this.appId, stored);
    if (match) {
      this.store.replaceData(match.id, data);
      return '';
    }
    return upsert ? this.store.insert(this.appId, data, stored) : '';
  }

  private async removeAssociated(associations: RocketChatAssociationRecord[], method: string): Promise<object[]> {
    if (!this.guard.allows(Permission.persistence, method)) {
      return undefined as unknown as object[];
    }
    const matches = this.store.findHavingAll(this.appId, associations.map(toStored));
    if (matches.length === 0) {
      return undefined as unknown as object[];
    }
    matches.forEach(({ id }) => this.store.delete(id));
    return matches.map(({ data }) => data);
  }
}

/** IPersistenceRead, behind `persistence`. `read` of an unknown id resolves undefined, as on the real server. */
export class AppPersistenceRead implements IPersistenceRead {
  constructor(
    private readonly store: PersistenceStore,
    private readonly appId: string,
    private readonly guard: PermissionGuard,
  ) {}

  async read(id: string): Promise<object> {
    if (!this.guard.allows(Permission.persistence, 'IPersistenceRead.read')) {
      return undefined as unknown as object;
    }
    return this.store.byId(this.appId, id)?.data as object;
  }

  readByAssociation(association: RocketChatAssociationRecord): Promise<Array<object>> {
    return this.readAssociated([association], 'IPersistenceRead.readByAssociation');
  }

  readByAssociations(associations: Array<RocketChatAssociationRecord>): Promise<Array<object>> {
    return this.readAssociated(associations, 'IPersistenceRead.readByAssociations');
  }

  private async readAssociated(associations: RocketChatAssociationRecord[], method: string): Promise<object[]> {
    if (!this.guard.allows(Permission.persistence, method)) {
      return undefined as unknown as object[];
    }
    return this.store.findHavingAll(this.appId, associations.map(toStored)).map(({ data }) => data);
  }
}
