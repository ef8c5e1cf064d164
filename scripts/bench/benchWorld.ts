/**
 * The bench's Rocket.Chat: the scenarios' World (the packaged zip in the real Apps-Engine 1.62 Deno runtime,
 * LivePerson simulated on loopback), with as many extra conversations as a measurement needs, and a count of
 * every request the app's subprocess makes to the server, by method, at the process boundary.
 */
import { DenoRuntimeSubprocessController } from 'apps-engine-1-62/server/runtime/deno/AppsEngineDenoRuntime';
import type { ILivechatRoom } from 'apps-engine-1-62/definition/livechat';

import { longHistoryConsumerId, messagingConsumers, primaryAccountId, seedParticipant } from '../../test/support/liveperson-fixtures';
import { SSO_APP_ID, World, type WorldOptions } from '../../test/support/world';

/** How the visitor is known to LivePerson: a legacy chat participant, a Messaging consumer, or not at all. */
type VisitorKind = 'chat' | 'messaging' | 'none';

export interface Conversation {
    room: ILivechatRoom;
    kind: VisitorKind;
    /** The visitor's LivePerson participant or consumer id (unused for a visitor LivePerson does not know). */
    lpId: string;
}

export async function startBenchWorld(options: WorldOptions): Promise<World> {
    const world = new World(options);
    await world.start();
    return world;
}

/**
 * `count` open conversations served by the agent, each visitor of the kind `kindOf` says. A Messaging consumer
 * has Robin's year of LivePerson conversations (twelve, one open) and one earlier Rocket.Chat conversation.
 */
export async function addConversations(world: World, count: number, kindOf: (index: number) => VisitorKind): Promise<Conversation[]> {
    const conversations: Conversation[] = [];
    for (let index = 0; index < count; index++) {
        const key = String(index).padStart(5, '0');
        const kind = kindOf(index);
        const lpId = `bench-${kind}-${key}`;
        if (kind === 'chat') {
            const { authenticatedParticipantInfo: info, authenticatedPersonalInfo: personal } = seedParticipant;
            world.sim.setParticipant(primaryAccountId, lpId, {
                authenticatedParticipantInfo: { ...info, participantId: lpId, customerId: `customer-${key}` },
                authenticatedPersonalInfo: { ...personal, name: `Customer ${key}` },
            });
        }
        if (kind === 'messaging') {
            const history = messagingConsumers[longHistoryConsumerId].map((conversation, at) => ({
                ...conversation,
                conversationId: `${lpId}-${at}`,
                consumerParticipants: conversation.consumerParticipants.map((participant) => ({ ...participant, participantId: lpId })),
            }));
            world.sim.setConsumer(primaryAccountId, lpId, history);
        }
        const entityId = { chat: lpId, messaging: `lp:${primaryAccountId}:msg:${lpId}`, none: undefined }[kind];
        const visitor = world.workspace.addVisitor({
            id: `benchVisitor${key}`,
            username: `guest-b${key}`,
            name: `Customer ${key}`,
            ...(entityId ? { externalIds: [{ appId: SSO_APP_ID, entityId }] } : {}),
        } as never);
        if (kind === 'messaging') {
            const { otherAgent } = world.users;
            world.workspace.addLivechatRoom({ id: `benchEarlier${key}`, visitor, servedBy: otherAgent, createdAt: new Date('2025-08-20T09:00Z') });
            await world.roomClosed(`benchEarlier${key}`, { at: new Date('2025-08-20T09:25Z'), by: otherAgent });
        }
        const room = world.workspace.addLivechatRoom({ id: `benchRoom000${key}`, visitor, servedBy: world.users.agent });
        conversations.push({ room: room as ILivechatRoom, kind, lpId });
    }
    return conversations;
}

/** LivePerson requests made so far for one visitor's profile (participantExtendedInfo, or the consumer search). */
export function profileRequests(world: World, { kind, lpId }: Conversation): number {
    return world.sim.requests.filter((request) =>
        kind === 'chat'
            ? request.path.endsWith(`/participantExtendedInfo/${encodeURIComponent(lpId)}`)
            : request.route === 'msgHistConsumer' && (request.body as { consumer?: string }).consumer === lpId,
    ).length;
}

/**
 * Every request the app's subprocess sends the server (`accessor:…` and `bridges:…` methods), counted. In
 * Rocket.Chat each one is an IPC round trip, and most are a database query. Bench-only instrumentation: it wraps
 * the engine's own handler and changes nothing it does.
 */
export const crossings = new Map<string, number>();
const prototype = DenoRuntimeSubprocessController.prototype as unknown as { handleIncomingMessage(message: { payload: { method: string } }): Promise<void> };
const handle = prototype.handleIncomingMessage;
prototype.handleIncomingMessage = function (this: unknown, message) {
    const { method } = message.payload;
    if (method.startsWith('accessor:') || method.startsWith('bridges:')) crossings.set(method, (crossings.get(method) ?? 0) + 1);
    return handle.call(this, message);
};
