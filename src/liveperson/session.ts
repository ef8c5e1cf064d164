import type { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import * as z from 'zod/mini';

import { persistenceAssociationId, PERSISTENCE_KEYS } from '../ids';

const MINUTE = 60_000;

/** LivePerson's session lifetime rules, and how the app keeps a session alive. */
export const SESSION_TIMES = {
    /** LivePerson asks for a keep-alive every 3 to 5 minutes while a session is in use. */
    refreshEvery: 4 * MINUTE,
    /** A session nobody used for this long is left to expire instead of being kept alive. */
    idleAfter: 30 * MINUTE,
    /** LivePerson sessions last 8 hours unless the login says otherwise... */
    defaultTtl: 8 * 60 * MINUTE,
    /** ...and a lifetime shorter than a minute is not believed (it would mean a login per click). */
    ttlFloor: MINUTE,
    /** A session is not used in its last 30 seconds: a request sent then could arrive after it ended. */
    expiryMargin: 30_000,
    /** Renewal starts a tenth of the lifetime before the end, at most 10 minutes before. */
    renewalMarginMax: 10 * MINUTE,
} as const;

const sessionSchema = z.object({
    /** Which settings produced it: a session made with other credentials is never reused. */
    fingerprint: z.string(),
    accountId: z.string(),
    /** The agentVep host the session lives on. */
    domain: z.string(),
    bearer: z.string().check(z.minLength(1)),
    csrf: z.string(),
    /** The cookies the login set (`Session_id` among them), as a Cookie header: refresh and logout need them. */
    cookies: z.string(),
    ttlMs: z.number(),
    createdAt: z.number(),
    refreshedAt: z.number(),
    lastUsedAt: z.number(),
    /** One agent session per bearer, opened on first need... */
    agentSessionId: z.optional(z.string()),
    /** ...and when LivePerson last showed it alive (it opened it, or answered through it). */
    agentSessionSeenAt: z.optional(z.number()),
});

/** A logged-in LivePerson session: shared by every agent action, and by every Rocket.Chat instance through persistence. */
export type LivePersonSession = z.infer<typeof sessionSchema>;

const refusalSchema = z.object({ fingerprint: z.string(), refusals: z.number(), lastAt: z.number(), status: z.optional(z.number()) });

/** A login LivePerson refused, remembered so that nothing retries it until the back-off passes or the credentials change. */
export type LoginRefusal = z.infer<typeof refusalSchema>;

const leaseSchema = z.object({ holder: z.string(), until: z.number() });
type LoginLease = z.infer<typeof leaseSchema>;

/** One stored record: undefined when absent or unreadable; saving undefined removes it. */
interface Stored<T> {
    load(): Promise<T | undefined>;
    save(value: T | undefined): Promise<void>;
}

/** Where the LivePerson session, the login lease and a refused login live between actions and across instances. */
export type SessionStore = { session: Stored<LivePersonSession>; lease: Stored<LoginLease>; refusal: Stored<LoginRefusal> };

/**
 * One record per purpose, found by association: the same on every instance. Reads are parsed (the database is
 * a boundary too); writes are skipped where the host lends no writer (`onSettingUpdated`), and a failed read
 * or write is no answer rather than an error: the store is an optimisation, LivePerson is the truth.
 */
export function sessionStore(reader: IPersistenceRead, writer: IPersistence | undefined): SessionStore {
    const stored = <T extends object>(name: string, schema: z.ZodMiniType<T>): Stored<T> => {
        const key = new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, persistenceAssociationId(name));
        return {
            load: async () => {
                const [first] = await reader.readByAssociation(key).catch(() => []);
                const parsed = schema.safeParse(first);
                return parsed.success ? parsed.data : undefined;
            },
            save: async (data) => {
                await (data ? writer?.updateByAssociation(key, data, true) : writer?.removeByAssociation(key))?.catch(() => undefined);
            },
        };
    };
    return {
        session: stored(PERSISTENCE_KEYS.session, sessionSchema),
        lease: stored(PERSISTENCE_KEYS.loginLease, leaseSchema),
        refusal: stored(PERSISTENCE_KEYS.loginRefusal, refusalSchema),
    };
}

/** The lifetime a login answered with, held to the floor; the default when LivePerson gave none. */
export function sessionTtl(fromLogin: number | undefined): number {
    if (fromLogin === undefined || !Number.isFinite(fromLogin) || fromLogin <= 0) return SESSION_TIMES.defaultTtl;
    return Math.max(SESSION_TIMES.ttlFloor, fromLogin);
}

type Times = Pick<LivePersonSession, 'ttlMs' | 'createdAt' | 'refreshedAt' | 'lastUsedAt'>;

export const isExpired = (session: Times, now: number): boolean => now >= session.createdAt + session.ttlMs - SESSION_TIMES.expiryMargin;

export const needsRenewal = (session: Times, now: number): boolean =>
    now >= session.createdAt + session.ttlMs - Math.min(SESSION_TIMES.renewalMarginMax, session.ttlMs / 10);

export const needsRefresh = (session: Times, now: number): boolean => now - session.refreshedAt >= SESSION_TIMES.refreshEvery;

export const isIdle = (session: Times, now: number): boolean => now - session.lastUsedAt >= SESSION_TIMES.idleAfter;
