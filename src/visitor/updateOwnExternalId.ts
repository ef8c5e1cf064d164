import type { ILivechatUpdater } from '@rocket.chat/apps-engine/definition/accessors';

export type ExternalIdWrite = 'stored' | 'visitorNotFound' | 'unsupported' | 'failed';

/** True where the host certainly lacks the method (in-process hosts before 8.4); a proxy always claims it. */
const certainlyLacksExternalIds = (updater: ILivechatUpdater): boolean => typeof (updater as Partial<ILivechatUpdater>).updateVisitorExternalId !== 'function';

/**
 * Hosts before Rocket.Chat 8.4 have no `updateVisitorExternalId`. In the subprocess runtime the updater is
 * a proxy that lists no methods, so the only reliable test is to call it and read how it fails.
 */
export async function updateOwnExternalId(
    updater: ILivechatUpdater,
    visitorId: string,
    entry: { entityId: string; metadata?: Record<string, unknown> },
): Promise<ExternalIdWrite> {
    if (certainlyLacksExternalIds(updater)) {
        return 'unsupported';
    }
    try {
        const visitor = await updater.updateVisitorExternalId(visitorId, entry);
        return visitor ? 'stored' : 'visitorNotFound';
    } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        // The subprocess runtime rethrows the host's JSON-RPC error object as `new Error(object)`, so a host that
        // lacks the method often says only "[object Object]": count that as the older host it almost always is.
        return /not a function|not found|unknown method|no such method|not implemented|not supported|does not exist|\[object Object\]/i.test(text)
            ? 'unsupported'
            : 'failed';
    }
}
