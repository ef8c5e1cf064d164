import type { IHttp } from '@rocket.chat/apps-engine/definition/accessors';

import type { AppLog } from '../logging';
import type { LivePersonSettings } from '../settings/AppConfig';
import type { Deadline } from './Deadline';
import type { SessionStore } from './sessionStore';

/** What any LivePerson exchange needs from the host, gathered once per agent action or job. */
export interface LivePersonContext {
    http: IHttp;
    /** The logger of this very call: hosts keep only the lines logged through it. */
    logger: AppLog;
    deadline: Deadline;
    /** Quoted to the agent and logged with every request, to find one action in the logs. */
    correlationId: string;
    store: SessionStore;
}

/**
 * A call with the settings it started with: they travel with it, so a save in the middle of a click does not
 * change what the click uses, and what the click brings back is not kept if the settings changed meanwhile.
 */
export interface LivePersonCall extends LivePersonContext {
    settings: LivePersonSettings;
}
