import type { ILivechatUpdater } from '@rocket.chat/apps-engine/definition/accessors';

import { updateOwnExternalId } from '../../src/visitor/updateOwnExternalId';

/**
 * The three shapes hosts give the livechat updater: in-process 8.4+ (a method), in-process before 8.4 (no
 * method), and the subprocess runtime (a JSON-RPC proxy that claims every method and, when the host lacks
 * one, rejects with `new Error(<JSON-RPC error object>)`, i.e. "[object Object]").
 */
describe('writing this app’s external id on every kind of host', () => {
    const entry = { entityId: 'lp:12345678:p-1' };

    it('a host with the method stores it, or says the visitor is gone', async () => {
        const updater = {
            updateVisitorExternalId: async (visitorId: string) => (visitorId === 'v-1' ? { id: 'v-1' } : undefined),
        } as unknown as ILivechatUpdater;
        expect(await updateOwnExternalId(updater, 'v-1', entry)).toBe('stored');
        expect(await updateOwnExternalId(updater, 'v-2', entry)).toBe('visitorNotFound');
    });

    it('an in-process host before 8.4 has no such method', async () => {
        expect(await updateOwnExternalId({} as ILivechatUpdater, 'v-1', entry)).toBe('unsupported');
    });

    it('the subprocess runtime of a host before 8.4 answers with an opaque error', async () => {
        const proxyLike = {
            updateVisitorExternalId: async () => {
                throw new Error(String({ code: -32000, message: 'Method not found' }));
            },
        } as unknown as ILivechatUpdater;
        expect(await updateOwnExternalId(proxyLike, 'v-1', entry)).toBe('unsupported');
    });

    it('any other failure is a failure', async () => {
        const broken = {
            updateVisitorExternalId: async () => {
                throw new Error('E11000 duplicate key');
            },
        } as unknown as ILivechatUpdater;
        expect(await updateOwnExternalId(broken, 'v-1', entry)).toBe('failed');
    });
});
