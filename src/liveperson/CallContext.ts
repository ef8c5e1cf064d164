import type { IHttp, ILogger } from '@rocket.chat/apps-engine/definition/accessors';

import type { Deadline } from './Deadline';
import type { SessionStore } from './SessionStore';

/** What one LivePerson operation needs from the host, gathered once per agent action or background job. */
export interface CallContext {
    http: IHttp;
    logger: ILogger;
    deadline: Deadline;
    correlationId: string;
    /** Shares the LivePerson session between Rocket.Chat instances; absent where the host gives no persistence. */
    sessionStore?: SessionStore;
}
