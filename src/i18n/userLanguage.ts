import type { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';

import { languageFor, type Language } from './languages';

/** The user's own language where the host exposes it, else the server's default, else English. */
export async function userLanguage(user: IUser, read: IRead): Promise<Language> {
    const own = languageFor(user.settings?.preferences?.language);
    if (own) {
        return own;
    }
    const serverDefault = await read
        .getEnvironmentReader()
        .getServerSettings()
        .getValueById('Language')
        .catch(() => undefined);
    return languageFor(typeof serverDefault === 'string' ? serverDefault : undefined) ?? 'en';
}
