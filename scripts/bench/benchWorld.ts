/**
 * The bench's Rocket.Chat: the scenarios' World (the packaged zip in the real Apps-Engine 1.62 Deno runtime,
 * LivePerson simulated on loopback), with as many extra conversations as a measurement needs, and a count of
 * every request the app's subprocess makes to the server, by method, at the process boundary.
 */
import { DenoRuntimeSubprocessController } from 'apps-engine-1-62/server/runtime/deno/AppsEngineDenoRuntime';
import type { ILivechatRoom } from 'apps-engine-1-62/definition/livechat';

import { primaryAccountId, seedParticipant } from '../../test/support/liveperson-fixtures';
import { SSO_APP_ID, World, type WorldOptions } from '../../test/support/world';

export interface Conversation {
    room: ILivechatRoom;
    /** The visitor's LivePerson participant, when the sign-in app linked one. */
    participantId?: string;
}

export async function startBenchWorld(options: WorldOptions): Promise<World> {
    const world = new World(options);
    await world.start();
    return world;
}

/** `count` open conversations served by the agent; the visitors of the first `withId` are linked to LivePerson. */
export function addConversations(world: World, count: number, withId: (index: number) => boolean): Conversation[] {
    return Array.from({ length: count }, (_, index) => {
        const key = String(index).padStart(5, '0');
        const participantId = withId(index) ? `bench-participant-${key}` : undefined;
        if (participantId) {
            const { authenticatedParticipantInfo: info, authenticatedPersonalInfo: personal } = seedParticipant;
            world.sim.setParticipant(primaryAccountId, participantId, {
                authenticatedParticipantInfo: { ...info, participantId, customerId: `customer-${key}` },
                authenticatedPersonalInfo: { ...personal, name: `Customer ${key}` },
            });
        }
        const visitor = world.workspace.addVisitor({
            id: `benchVisitor${key}`,
            username: `guest-b${key}`,
            name: `Customer ${key}`,
            ...(participantId ? { externalIds: [{ appId: SSO_APP_ID, entityId: participantId }] } : {}),
        } as never);
        const room = world.workspace.addLivechatRoom({ id: `benchRoom000${key}`, visitor, servedBy: world.users.agent });
        return { room: room as ILivechatRoom, participantId };
    });
}

/** LivePerson participantExtendedInfo requests made so far for one participant. */
export function infoRequests(world: World, participantId: string): number {
    const suffix = `/participantExtendedInfo/${encodeURIComponent(participantId)}`;
    return world.sim.requests.filter((request) => request.path.endsWith(suffix)).length;
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
