import type { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import type { LivePersonSession } from './LivePersonSession';
import type { LoginLease, SessionStore, WarmUpReport } from './SessionStore';

const record = (name: string) => new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, `liveperson-visitor-info:${name}`);
const SESSION = record('session');
const LEASE = record('login-lease');
const WARM_UP = record('warm-up');

/** One record per purpose, found by association: the same on every Rocket.Chat instance. */
export function persistenceSessionStore(reader: IPersistenceRead, writer?: IPersistence): SessionStore {
    const load = async <T>(association: RocketChatAssociationRecord): Promise<T | undefined> => {
        const [first] = await reader.readByAssociation(association);
        return (first as T | undefined) ?? undefined;
    };
    const save = async (association: RocketChatAssociationRecord, data: object): Promise<void> => {
        if (writer) {
            await writer.updateByAssociation(association, data, true);
        }
    };
    return {
        canWrite: writer !== undefined,
        load: () => load<LivePersonSession>(SESSION),
        save: (session) => save(SESSION, session),
        clear: async () => {
            if (writer) {
                await writer.removeByAssociation(SESSION);
            }
        },
        loadLease: () => load<LoginLease>(LEASE),
        saveLease: (lease) => save(LEASE, lease),
        loadWarmUpReport: () => load<WarmUpReport>(WARM_UP),
        saveWarmUpReport: (report) => save(WARM_UP, report),
    };
}
