import type { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import * as z from 'zod/mini';

import { persistenceAssociationId, PERSISTENCE_KEYS } from '../ids';
import type { ConnectionReport, LivePersonSession, LoginRefusal } from './session';

/** Where the LivePerson session lives between actions and across instances: the app's persistence. */
export interface SessionStore {
    load(): Promise<LivePersonSession | undefined>;
    save(session: LivePersonSession): Promise<void>;
    clear(): Promise<void>;
    loadLease(): Promise<{ holder: string; until: number } | undefined>;
    saveLease(lease: { holder: string; until: number }): Promise<void>;
    loadReport(): Promise<ConnectionReport | undefined>;
    saveReport(report: ConnectionReport): Promise<void>;
    loadRefusal(): Promise<LoginRefusal | undefined>;
    saveRefusal(refusal: LoginRefusal | undefined): Promise<void>;
}

const record = (name: string) => new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, persistenceAssociationId(name));
const KEYS = {
    session: record(PERSISTENCE_KEYS.session),
    lease: record(PERSISTENCE_KEYS.loginLease),
    report: record(PERSISTENCE_KEYS.connectionReport),
    refusal: record(PERSISTENCE_KEYS.loginRefusal),
};

const sessionSchema = z.object({
    fingerprint: z.string(),
    accountId: z.string(),
    domain: z.string(),
    bearer: z.string().check(z.minLength(1)),
    csrf: z.string(),
    sessionCookie: z.string(),
    ttlMs: z.number(),
    createdAt: z.number(),
    refreshedAt: z.number(),
    lastUsedAt: z.number(),
    agentSessionId: z.optional(z.string()),
});
const leaseSchema = z.object({ holder: z.string(), until: z.number() });
const reportSchema = z.object({
    at: z.number(),
    ok: z.boolean(),
    correlationId: z.string(),
    steps: z.array(
        z.object({
            step: z.enum(['domain', 'login', 'agentSession', 'messagingDomain']),
            ok: z.boolean(),
            durationMs: z.number(),
            kind: z.optional(z.string()),
            status: z.optional(z.number()),
        }),
    ),
});
const refusalSchema = z.object({ fingerprint: z.string(), refusals: z.number(), lastAt: z.number(), status: z.optional(z.number()) });

/**
 * One record per purpose, found by association: the same on every instance. Reads are parsed (the database is
 * a boundary too); writes are skipped where the host lends no writer (`onSettingUpdated`), and a failed read
 * or write is no answer rather than an error: the store is an optimisation, LivePerson is the truth.
 */
export function persistenceSessionStore(reader: IPersistenceRead, writer: IPersistence | undefined): SessionStore {
    const load = async <T>(key: RocketChatAssociationRecord, schema: z.ZodMiniType<T>): Promise<T | undefined> => {
        const [first] = await reader.readByAssociation(key).catch(() => []);
        const parsed = schema.safeParse(first);
        return parsed.success ? parsed.data : undefined;
    };
    const save = async (key: RocketChatAssociationRecord, data: object): Promise<void> => {
        await writer?.updateByAssociation(key, data, true).catch(() => undefined);
    };
    const remove = async (key: RocketChatAssociationRecord): Promise<void> => {
        await writer?.removeByAssociation(key).catch(() => undefined);
    };
    return {
        load: () => load(KEYS.session, sessionSchema),
        save: (session) => save(KEYS.session, session),
        clear: () => remove(KEYS.session),
        loadLease: () => load(KEYS.lease, leaseSchema),
        saveLease: (lease) => save(KEYS.lease, lease),
        loadReport: () => load(KEYS.report, reportSchema),
        saveReport: (report) => save(KEYS.report, report),
        loadRefusal: () => load(KEYS.refusal, refusalSchema),
        saveRefusal: (refusal) => (refusal ? save(KEYS.refusal, refusal) : remove(KEYS.refusal)),
    };
}
