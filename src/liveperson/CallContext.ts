import type { IHttp } from '@rocket.chat/apps-engine/definition/accessors';

import type { AppLog } from '../currentLogger';
import type { Deadline } from './Deadline';
import type { SessionStore } from './SessionStore';

/** What one LivePerson operation needs from the host, gathered once per agent action or background job. */
export interface CallContext {
    http: IHttp;
    logger: AppLog;
    deadline: Deadline;
    correlationId: string;
    /** Shares the LivePerson session between Rocket.Chat instances; absent where the host gives no persistence. */
    sessionStore?: SessionStore;
}
