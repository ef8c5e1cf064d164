/**
 * Who the page lets you act as and which rooms it lists, in the sidebar's order; the page opens on the first of
 * each. A new visitor is one entry in ROOMS: a room of the tests' sample, or one `room()` adds to `world.workspace`
 * (addVisitor, then addLivechatRoom served by one of the USERS).
 */
import type { ILivechatRoom } from 'apps-engine-1-62/definition/livechat';
import type { IRoom } from 'apps-engine-1-62/definition/rooms';
import type { IUser } from 'apps-engine-1-62/definition/users';

import { randomId, type VisitorSeed } from '../test/support/host/workspace';
import {
    longHistoryConsumerId,
    negativeSentimentConsumerId,
    primaryAccountId,
    singleConversationConsumerId,
    twoContactsParticipantId,
    unauthenticatedCartConsumerId,
} from '../test/support/liveperson-fixtures';
import { signedLivePersonId } from '../test/support/signedIds';
import { SIGNING_SECRET, SSO_APP_ID, type World } from '../test/support/world';
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

/** A visitor of the playground's own, in an open conversation Alice serves. */
const room =
    (roomId: string, visitor: VisitorSeed) =>
    ({ workspace, users }: World): IRoom =>
        workspace.addLivechatRoom({ id: roomId, visitor: workspace.addVisitor(visitor), servedBy: users.agent });

/** A Messaging consumer the sign-in app linked, as it linked Alex M. (`lp:<account>:msg:<consumerId>`). */
const consumer = (consumerId: string, visitor: VisitorSeed): VisitorSeed => ({
    ...visitor,
    externalIds: [{ appId: SSO_APP_ID, entityId: `lp:${primaryAccountId}:msg:${consumerId}` }],
});

// The brand's website signed Maria Rossi's LivePerson id for her Rocket.Chat token (see test/support/signedIds.ts).
// A website signs for minutes; this value lasts a week, so that a playground left running still verifies it.
const MARIAS_TOKEN = `token-${randomId()}`;
const WEEK_SECONDS = 7 * 24 * 3600;
const MARIAS_SIGNED_ID = signedLivePersonId({
    sub: twoContactsParticipantId,
    accountId: primaryAccountId,
    visitorToken: MARIAS_TOKEN,
    secret: SIGNING_SECRET,
    ttlSeconds: WEEK_SECONDS,
});

const ROOMS: Place[] = [
    { room: ({ rooms }) => rooms.externalIds, description: 'linked to LivePerson through another app’s external id' },
    { room: ({ rooms }) => rooms.field, description: 'participant id in the lpParticipantId custom field (visitor-editable)' },
    {
        room: room('roomSigned0000001', {
            id: 'visitorSigned0001',
            username: 'guest-15',
            name: 'Maria Rossi',
            token: MARIAS_TOKEN,
            visitorEmails: [{ address: 'maria.rossi@example.com' }],
            livechatData: { lpParticipantId: MARIAS_SIGNED_ID },
        }),
        description: 'the website signed her LivePerson id into lpParticipantId',
    },
    {
        room: room('roomCopied0000001', {
            id: 'visitorCopied0001',
            username: 'guest-16',
            name: 'Lee Harper',
            livechatData: { lpParticipantId: MARIAS_SIGNED_ID },
        }),
        description: 'pasted Maria Rossi’s signed id into his own lpParticipantId',
    },
    { room: ({ rooms }) => rooms.none, description: 'not linked to LivePerson' },
    { room: ({ rooms }) => rooms.unauthenticated, description: 'LivePerson chat not authenticated' },
    { room: ({ rooms }) => rooms.messaging, description: 'a LivePerson Messaging consumer' },
    {
        room: room('roomHistory000001', consumer(longHistoryConsumerId, { id: 'visitorHistory001', username: 'guest-17', name: 'Robin Fischer' })),
        description: 'Messaging: twelve conversations over a year',
    },
    {
        room: room('roomFirstChat0001', consumer(singleConversationConsumerId, { id: 'visitorFirstChat1', username: 'guest-18', name: 'Noor Aziz' })),
        description: 'Messaging: a first conversation, none earlier',
    },
    {
        room: room('roomUnhappy000001', consumer(negativeSentimentConsumerId, { id: 'visitorUnhappy001', username: 'guest-19', name: 'Jordan Blake' })),
        description: 'Messaging: unhappy, negative sentiment and CSAT 1/5',
    },
    {
        room: room('roomCart000000001', consumer(unauthenticatedCartConsumerId, { id: 'visitorCart000001', username: 'guest-20', name: 'Sofia Marino' })),
        description: 'Messaging: not signed in, a cart from the web page',
    },
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
