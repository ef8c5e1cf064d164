import type { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';

import type { AppLog } from '../logging';

/** What the host hands to a command, an interaction or a job, plus the logger of that very call. */
export interface Accessors {
    read: IRead;
    modify: IModify;
    http: IHttp;
    persis: IPersistence;
    logger: AppLog;
}
