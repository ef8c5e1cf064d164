import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';

import type { AppRuntime } from '../AppRuntime';
import { translator } from '../i18n/translator';
import { userLanguage } from '../i18n/userLanguage';
import { newCorrelationId } from '../liveperson/correlationId';
import type { Accessors } from './Accessors';
import { notifyPrivately } from './notifyPrivately';

/**
 * Last line of defence: a bug must not leave the user with nothing. The log line gets the error's name
 * only (its message could carry personal data); the user gets one sentence with the same reference.
 */
export async function reportUnexpected(runtime: AppRuntime, accessors: Accessors, user: IUser, room: IRoom | undefined, error: unknown): Promise<void> {
    const reference = newCorrelationId();
    runtime.logger.error(`Unexpected ${error instanceof Error ? error.name : typeof error} while handling a request [${reference}]`, {
        correlationId: reference,
        // The stack's first line repeats the message; the frames below it are safe and locate the bug.
        stack: error instanceof Error ? error.stack?.split('\n').slice(1, 5).join(' | ') : undefined,
    });
    if (!room) {
        return;
    }
    try {
        const t = translator(await userLanguage(user, accessors.read).catch(() => 'en' as const));
        await notifyPrivately(accessors, user, room, t('msg_unexpected', { reference }));
    } catch {
        // Nothing more can be done: the log line above is the record.
    }
}
