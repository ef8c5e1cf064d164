import type { ILogger } from '@rocket.chat/apps-engine/definition/accessors';

import type { LivePersonClient } from './liveperson/LivePersonClient';

/** What lives as long as the app: its id, its logger and the LivePerson client with its caches and sessions. */
export interface AppRuntime {
    appId: string;
    logger: ILogger;
    client: LivePersonClient;
}
