import type { IHttp, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';

import type { AppLog } from '../currentLogger';
import type { CallContext } from './CallContext';
import { newCorrelationId } from './correlationId';
import { Deadline } from './Deadline';
import { persistenceSessionStore } from './persistenceSessionStore';

/** One context per agent action or background job: its own correlation id and time budget. */
export function createCallContext(
    accessors: { http: IHttp; read: IRead; persistence?: IPersistence },
    logger: AppLog,
    budgetMs: number,
): CallContext {
    return {
        http: accessors.http,
        logger,
        deadline: Deadline.in(budgetMs),
        correlationId: newCorrelationId(),
        sessionStore: persistenceSessionStore(accessors.read.getPersistenceReader(), accessors.persistence),
    };
}
