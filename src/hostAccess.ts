import type { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';

import type { AppLog } from './logging';

/**
 * What the host lends the app for one call (a command, a click, an event, a job, a settings save), with the
 * logger of that very call: hosts keep only the lines logged through it. A writer or a modifier is absent
 * where the host lends none (`onSettingUpdated` has neither, events no modifier).
 */
export interface HostAccess {
    read: IRead;
    http: IHttp;
    logger: AppLog;
    persis?: IPersistence;
    modify?: IModify;
}
