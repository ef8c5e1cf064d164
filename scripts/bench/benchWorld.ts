import type { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';

import { seedParticipant } from '../../test/support/liveperson-fixtures';
import { startSampleWorld, type SampleWorld } from '../../test/support/sample-world';

export interface BenchWorld {
    world: SampleWorld;
    rooms: ILivechatRoom[];
    participantIds: string[];
}

/** The sample world plus `count` conversations, each with its own LivePerson participant. */
export async function startBenchWorld(count: number, latencyMs: number, settings: Record<string, unknown> = {}): Promise<BenchWorld> {
    const world = await startSampleWorld({ latencyMs, settings });
    const rooms: ILivechatRoom[] = [];
    const participantIds: string[] = [];
    for (let i = 0; i < count; i++) {
        const participantId = `bench-participant-${String(i).padStart(6, '0')}`;
        participantIds.push(participantId);
        world.sim.setParticipant('12345678', participantId, {
            ...seedParticipant,
            authenticatedParticipantInfo: { ...seedParticipant.authenticatedParticipantInfo, participantId },
        });
        const visitor = world.host.addVisitor(world.host.makeVisitor({ id: `benchVisitor${String(i).padStart(6, '0')}`, livechatData: { lpParticipantId: participantId } }));
        rooms.push(world.host.addRoom(world.host.makeLivechatRoom({ id: `benchRoom${String(i).padStart(6, '0')}`, visitor, servedBy: world.users.agent })));
    }
    return { world, rooms, participantIds };
}
