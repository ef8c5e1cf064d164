import type { IDepartment, ILivechatRoom, IVisitor } from '@rocket.chat/apps-engine/definition/livechat';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';

import { createInMemoryHost, type HostOptions, type InMemoryHost, type PersistenceStore } from './in-memory-host';
import {
    primaryAccount,
    primaryAccountId,
    secondaryAccount,
    seedParticipantId,
    stringNumbersParticipantId,
    unauthenticatedParticipantId,
} from './liveperson-fixtures';
import { startLivePersonSimulator, type LivePersonSimulator } from './liveperson-simulator';
import { loadPackagedApp } from './load-packaged-app';
import { packagedZipPath } from './packaged-zip';

/** The app id of an SSO app that writes LivePerson participant ids into visitors' external ids. */
export const SSO_APP_ID = 'c0ffee00-0000-4000-8000-00000000a550';

export const BOT_SETTINGS = {
    lp_account_id: primaryAccountId,
    lp_auth_type: 'api_key',
    lp_username: 'rc-bot',
    lp_app_key: 'app-key-1',
    lp_app_secret: 'app-secret-1',
    lp_participant_app_ids: SSO_APP_ID,
} as const;

/** Secrets that must never appear in any output, log line or view. */
export const SECRETS = ['app-key-1', 'app-secret-1', 's3cret-Passw0rd'];

export interface SampleWorld {
    host: InMemoryHost;
    sim: LivePersonSimulator;
    users: { agent: IUser; otherAgent: IUser; manager: IUser; admin: IUser; agentPt: IUser };
    department: IDepartment;
    visitors: { externalIds: IVisitor; field: IVisitor; none: IVisitor; unauthenticated: IVisitor };
    rooms: { externalIds: ILivechatRoom; field: ILivechatRoom; none: ILivechatRoom; unauthenticated: ILivechatRoom; channel: IRoom };
    /** Every visitor token: they must never be shown. */
    tokens: string[];
    stop(): Promise<void>;
}

export interface SampleWorldOptions {
    settings?: Record<string, unknown>;
    host?: Partial<Omit<HostOptions, 'appInfo' | 'routes'>>;
    persistence?: PersistenceStore;
    /** Reuse a running simulator (two instances of the app against one LivePerson). */
    sim?: LivePersonSimulator;
    latencyMs?: number;
    /** The session lifetime LivePerson's login answers with (default 8 h). */
    sessionTtlMs?: number;
    /** Send LivePerson traffic somewhere else (e.g. a closed port, to model "connection refused"). */
    routeTo?: string;
}

/**
 * A Rocket.Chat with the packaged app installed and configured against the LivePerson simulator: agents,
 * a manager, an admin, and four omnichannel conversations (a visitor linked through another app's
 * external id, one through the custom field, one with nothing, one whose LivePerson chat is not authenticated).
 */
export async function startSampleWorld(options: SampleWorldOptions = {}): Promise<SampleWorld> {
    const sim = options.sim ?? (await startLivePersonSimulator({ accounts: [primaryAccount, secondaryAccount], latencyMs: options.latencyMs, sessionTtlMs: options.sessionTtlMs }));
    const { info, AppClass } = await loadPackagedApp(packagedZipPath());
    const routes = Object.fromEntries(sim.hostnames.map((hostname) => [hostname, options.routeTo ?? sim.url]));
    const host = createInMemoryHost({ appInfo: info, routes, persistence: options.persistence, ...options.host });

    const agent = host.addUser(host.makeUser({ id: 'agent0000000001', username: 'alice.agent', name: 'Alice Agent', roles: ['user', 'livechat-agent'] }));
    const otherAgent = host.addUser(host.makeUser({ id: 'agent0000000002', username: 'bob.agent', name: 'Bob Agent', roles: ['user', 'livechat-agent'] }));
    const manager = host.addUser(host.makeUser({ id: 'manager00000001', username: 'maria.manager', name: 'Maria Manager', roles: ['user', 'livechat-manager'] }));
    const admin = host.addUser(host.makeUser({ id: 'admin0000000001', username: 'ada.admin', name: 'Ada Admin', roles: ['user', 'admin'] }));
    const agentPt = host.addUser(
        host.makeUser({ id: 'agent0000000003', username: 'paulo.agente', name: 'Paulo Agente', roles: ['user', 'livechat-agent'], settings: { preferences: { language: 'pt-BR' } } }),
    );
    const department = host.addDepartment(host.makeDepartment({ id: 'dept00000000001', name: 'Billing' }));

    const created = new Date('2026-06-05T11:22:30.664Z');
    const visitorWith = (partial: Partial<IVisitor> & { id: string }) =>
        host.addVisitor(host.makeVisitor({ ...partial, ...({ createdAt: created } as object) }));
    const visitors = {
        externalIds: visitorWith({
            id: '6a22b1765528fa64dd29de70',
            username: 'guest-10',
            name: 'Postman Test Visitor',
            status: 'online',
            department: department.id,
            phone: [{ phoneNumber: '+15551234567' }],
            visitorEmails: [{ address: 'postman-test@example.com' }],
            livechatData: { plan: 'gold', customerSince: '2019' },
            externalIds: [{ appId: SSO_APP_ID, entityId: seedParticipantId, metadata: { channel: 'web-sso' } }],
        }),
        field: visitorWith({ id: 'visitorField00001', username: 'guest-11', name: 'Jane Doe', livechatData: { lpParticipantId: stringNumbersParticipantId } }),
        none: visitorWith({ id: 'visitorNone000001', username: 'guest-12', name: 'Anonymous Visitor' }),
        unauthenticated: visitorWith({ id: 'visitorUnauth0001', username: 'guest-13', name: 'Unverified Visitor', livechatData: { lpParticipantId: unauthenticatedParticipantId } }),
    };
    const roomFor = (id: string, visitor: IVisitor) => host.addRoom(host.makeLivechatRoom({ id, visitor, servedBy: agent }));
    const rooms = {
        externalIds: roomFor('roomExternalIds01', visitors.externalIds),
        field: roomFor('roomField00000001', visitors.field),
        none: roomFor('roomNone000000001', visitors.none),
        unauthenticated: roomFor('roomUnauth0000001', visitors.unauthenticated),
        channel: host.addRoom(host.makeRoom({ id: 'channelGeneral01', slugifiedName: 'general', displayName: 'general' })),
    };

    await host.installApp(AppClass);
    await host.setSettings({ ...BOT_SETTINGS, ...options.settings });

    return {
        host,
        sim,
        users: { agent, otherAgent, manager, admin, agentPt },
        department,
        visitors,
        rooms,
        tokens: Object.values(visitors).map((visitor) => visitor.token),
        async stop() {
            host.shutdown();
            if (!options.sim) {
                await sim.stop();
            }
        },
    };
}
