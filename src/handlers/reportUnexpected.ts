import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';

import type { HostAccess } from '../hostAccess';
import { translator } from '../i18n/translator';
import { userLanguage } from '../i18n/userLanguage';
import { newReference } from '../liveperson/call';
import { errorSummary } from '../logging';
import { messageOf } from '../ui/messageBlocks';
import { notifyPrivately } from './notifyPrivately';

/**
 * Last line of defence: a bug must not leave the user with nothing. The log line gets the error's name and
 * stack frames only (its message could carry personal data); the user gets one sentence with the same reference.
 */
export async function reportUnexpected(accessors: Required<HostAccess>, user: IUser, room: IRoom | undefined, error: unknown): Promise<void> {
    const reference = newReference();
    const { name, frames } = errorSummary(error);
    accessors.logger.error(`Unexpected ${name} while handling a request [${reference}]`, { reference, frames });
    if (!room) {
        return;
    }
    try {
        const t = translator(await userLanguage(user, () => accessors.read.getEnvironmentReader().getServerSettings().getValueById('Language')));
        await notifyPrivately(accessors, user, room, messageOf(t('msg_unexpected', { reference })));
    } catch {
        // Nothing more can be done: the log line above is the record.
    }
}
