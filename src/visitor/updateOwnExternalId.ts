import type { ILivechatUpdater } from '@rocket.chat/apps-engine/definition/accessors';

export type ExternalIdWrite = 'stored' | 'visitorNotFound' | 'unsupported' | 'failed';

/**
 * Hosts before Rocket.Chat 8.4 have no `updateVisitorExternalId`. In the subprocess runtime the updater is
 * a proxy that lists no methods, so the only reliable test is to call it and read how it fails.
 */
export async function updateOwnExternalId(
    updater: ILivechatUpdater,
    visitorId: string,
    entry: { entityId: string; metadata?: Record<string, unknown> },
): Promise<ExternalIdWrite> {
    const method = (updater as Partial<ILivechatUpdater>).updateVisitorExternalId;
    if (typeof method !== 'function') {
        return 'unsupported';
    }
    try {
        const visitor = await method.call(updater, visitorId, entry);
        return visitor ? 'stored' : 'visitorNotFound';
    } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        return /not a function|not found|unknown method|no such method|not implemented|not supported|does not exist/i.test(text) ? 'unsupported' : 'failed';
    }
}
