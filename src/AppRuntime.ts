import type { AppLog } from './currentLogger';
import type { PrewarmScheduler } from './lifecycle/PrewarmScheduler';
import type { LivePersonClient } from './liveperson/LivePersonClient';

/** What lives as long as the app: its id, its logger, the LivePerson client (caches, sessions) and the pre-warm scheduling. */
export interface AppRuntime {
    appId: string;
    logger: AppLog;
    client: LivePersonClient;
    prewarm: PrewarmScheduler;
}
