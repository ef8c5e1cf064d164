import type { IHttp, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { newCorrelationId } from '../liveperson/correlationId';
import { Deadline } from '../liveperson/Deadline';
import type { LivePersonCall, LivePersonContext } from '../liveperson/LivePersonCall';
import { persistenceSessionStore } from '../liveperson/sessionStore';
import type { AppLog } from '../logging';
import type { AppConfig } from '../settings/AppConfig';

interface HostParts {
    read: IRead;
    http: IHttp;
    /** Absent where the host lends no writer (`onSettingUpdated`): the session store then only reads. */
    persis?: IPersistence;
    logger: AppLog;
}

/** One context per agent action or job: its own reference and time budget. */
export function livePersonContext(host: HostParts, budgetMs: number, correlationId: string = newCorrelationId()): LivePersonContext {
    return {
        http: host.http,
        logger: host.logger,
        deadline: Deadline.in(budgetMs),
        correlationId,
        store: persistenceSessionStore(host.read.getPersistenceReader(), host.persis),
    };
}

/** A context with the settings it runs with; undefined when the settings do not allow calling LivePerson. */
export function livePersonCall(host: HostParts, config: AppConfig, budgetMs: number, correlationId?: string): LivePersonCall | undefined {
    return config.livePerson ? { ...livePersonContext(host, budgetMs, correlationId), settings: config.livePerson } : undefined;
}
