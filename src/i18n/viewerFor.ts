import type { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';

import type { ConfigCache } from '../settings/ConfigCache';
import type { Viewer } from '../ui/formatting';
import { translator } from './translator';
import { userLanguage } from './userLanguage';

/** The person a view is for: their language, and the time zone Rocket.Chat keeps for them. */
export async function viewerFor(user: IUser, read: IRead, config: ConfigCache): Promise<Viewer> {
    const language = await userLanguage(user, () => config.serverLanguage(read.getEnvironmentReader().getServerSettings()));
    return { t: translator(language), language, utcOffsetHours: typeof user.utcOffset === 'number' ? user.utcOffset : 0 };
}
