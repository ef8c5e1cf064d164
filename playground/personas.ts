/**
 * Who the page lets you act as and which rooms it lists, in the sidebar's order; the page opens on the first of
 * each. A new visitor is one entry in ROOMS: a room of the tests' sample, or one `room()` adds to `world.workspace`
 * (addVisitor, then addLivechatRoom served by one of the USERS).
 */
import type { ILivechatRoom } from 'apps-engine-1-62/definition/livechat';
import type { IRoom } from 'apps-engine-1-62/definition/rooms';
import type { IUser } from 'apps-engine-1-62/definition/users';

import type { World } from '../test/support/world';
import type { PlaygroundRoom, PlaygroundUser } from './shared';

interface Persona {
    user: (world: World) => IUser;
    /** What the user is; an agent's description goes on with how many conversations they serve. */
    description: string;
}

interface Place {
    room: (world: World) => IRoom;
    description: string;
}

const USERS: Persona[] = [
    { user: ({ users }) => users.agent, description: 'livechat agent' },
    { user: ({ users }) => users.otherAgent, description: 'livechat agent' },
    { user: ({ users }) => users.manager, description: 'livechat manager (a supervisor)' },
    { user: ({ users }) => users.admin, description: 'administrator' },
    { user: ({ users }) => users.agentPt, description: 'livechat agent in Portuguese (pt-BR)' },
];

const ROOMS: Place[] = [
    { room: ({ rooms }) => rooms.externalIds, description: 'linked to LivePerson through another app’s external id' },
    { room: ({ rooms }) => rooms.field, description: 'participant id in the lpParticipantId custom field (visitor-editable)' },
    { room: ({ rooms }) => rooms.none, description: 'not linked to LivePerson' },
    { room: ({ rooms }) => rooms.unauthenticated, description: 'LivePerson chat not authenticated' },
    { room: ({ rooms }) => rooms.messaging, description: 'a LivePerson Messaging consumer' },
    { room: ({ rooms }) => rooms.portuguese, description: 'the first visitor again, served by Paulo Agente (pt-BR)' },
    { room: ({ rooms }) => rooms.channel, description: 'a channel, not an omnichannel room' },
];

/** The sidebar's people and rooms, resolved once: none of them changes while the playground runs. */
export function personas(world: World): { users: PlaygroundUser[]; rooms: PlaygroundRoom[] } {
    const rooms = ROOMS.map(({ room, description }) => ({ room: room(world), description }));
    const conversations = rooms.filter(({ room }) => room.type === 'l').map(({ room }) => room as ILivechatRoom);
    return {
        users: USERS.map(({ user, description }) => {
            const { id, username, name, roles } = user(world);
            const served = conversations.filter((room) => room.servedBy?.id === id).length;
            const serving = roles.includes('livechat-agent') ? ` serving ${served || 'none'} of the ${conversations.length} conversations` : '';
            return { id, username, name, description: description + serving };
        }),
        rooms: rooms.map(({ room, description }) => ({
            id: room.id,
            name: room.type === 'l' ? (room as ILivechatRoom).visitor.name : `#${room.displayName}`,
            type: room.type,
            description,
        })),
    };
}
