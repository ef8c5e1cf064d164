import type { IUser } from '@rocket.chat/apps-engine/definition/users';

import { languageFor, type Language } from './languages';

/** The user's own language where the host exposes it, else the server's default (asked only then), else English. */
export async function userLanguage(user: IUser, serverDefault: () => Promise<unknown>): Promise<Language> {
    const own = languageFor(user.settings?.preferences?.language);
    if (own) {
        return own;
    }
    const server = await serverDefault().catch(() => undefined);
    return languageFor(typeof server === 'string' ? server : undefined) ?? 'en';
}
