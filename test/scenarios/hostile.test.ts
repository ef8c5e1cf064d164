/**
 * Hostile and flaky input held at its cause: a login storm, an answer about someone else shown as verified, a
 * key that stopped the app, a prefetch that outlived its conversation, personal data in a log, a Refresh flood.
 * Each test is named after what a user sees; each failed on the app before this change.
 */
import { messagingConsumerId, seedParticipant, seedParticipantId } from '../support/liveperson-fixtures';
import { settle, useWorld, waitFor } from '../support/useWorld';
import { readPanel } from '../support/world';

const world = useWorld();
const panel = () => readPanel(world.panel());
const logins = () => world.sim.count('login');

describe('sessions: no login storm, no stray agent sessions', () => {
    it.each([
        ['participantExtendedInfo', 'participantInfo' as const, () => world.rooms.externalIds],
        ['the agent session', 'agentSession' as const, () => world.rooms.externalIds],
    ])('%s answering 401 to a session LivePerson just issued: 20 clicks make at most 2 logins and leave one live session', async (_name, route, room) => {
        world.sim.fault(route, { status: 401 });
        for (let click = 0; click < 20; click++) {
            await world.command(world.users.agent, room(), 'refresh');
            world.advanceClock(11_000);
        }
        expect(logins()).toBeLessThanOrEqual(2);
        expect(world.sim.activeBearers().length).toBeLessThanOrEqual(1);
        expect(panel().notices[0]?.text).toContain('LivePerson refused the app access to this information.');
    });

    it('the Messaging API answering 401 to a fresh session: 20 clicks, at most 2 logins, one live session', async () => {
        world.sim.fault('msgHistConsumer', { status: 401 });
        for (let click = 0; click < 20; click++) {
            await world.command(world.users.agent, world.rooms.messaging, 'refresh');
            world.advanceClock(11_000);
        }
        expect(logins()).toBeLessThanOrEqual(2);
        expect(world.sim.activeBearers().length).toBeLessThanOrEqual(1);
        // Each click did reach the Messaging search (once: no retry), and the agent was told why there is no answer.
        expect(world.sim.count('msgHistConsumer')).toBe(20);
        expect(panel().notices[0]?.text).toContain('LivePerson refused the app access to this information.');
    });

    it('a session LivePerson really ended is replaced once: the one live session is the one in use, and the ended one costs no logout', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        world.advanceClock(2 * 60_000);
        // LivePerson ended the session: its bearer and its cookie both stop working.
        world.sim.expireBearers();
        world.sim.expireLoginSessions();
        await world.command(world.users.agent, world.rooms.unauthenticated, 'refresh');
        await world.command(world.users.manager, world.rooms.externalIds, 'refresh');
        expect(logins()).toBe(2);
        expect(panel().fields.get('Account')).toBe('bank corp');
        const inUse = world.sim.requests.filter((request) => request.route === 'participantInfo').at(-1)?.headers.authorization;
        expect(world.sim.activeBearers().map((bearer) => `Bearer ${bearer}`)).toEqual([inUse]);
        // LivePerson ended the replaced session itself: a logout could only be refused.
        expect(world.sim.count('logout')).toBe(0);
    });

    it('five unknown participant ids cost five requests and no new agent session', async () => {
        await world.prewarm();
        world.sim.clearLog();
        for (let i = 0; i < 5; i++) await world.command(world.users.manager, world.rooms.none, 'link', `unknown-${i}`);
        expect(world.sim.count('participantInfo')).toBe(5);
        expect(world.sim.count('agentSession')).toBe(0);
        expect(world.lastNoticeText()).toContain('LivePerson has no participant with the id unknown-4');
    });
});

describe('answers that would show the wrong person, or stop the app', () => {
    it('a chat answer about another participant is not shown as this visitor’s verified profile', async () => {
        world.sim.setParticipant('12345678', seedParticipantId, {
            ...seedParticipant,
            authenticatedParticipantInfo: { ...seedParticipant.authenticatedParticipantInfo, participantId: 'someone-else' },
        });
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(panel().fields.has('Customer id')).toBe(false);
        expect(panel().notices[0]?.text).toContain("LivePerson sent an answer the app doesn't understand.");
    });

    it('a chat answer that does not say the participant signed in is not a verified profile', async () => {
        const { isUserAuthenticated: _dropped, ...info } = seedParticipant.authenticatedParticipantInfo;
        world.sim.setParticipant('12345678', seedParticipantId, { ...seedParticipant, authenticatedParticipantInfo: info });
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(panel().state?.title).toBe('Not signed in to LivePerson');
        expect(panel().fields.has('Customer id')).toBe(false);
    });

    it.each([
        ['on the event and on its object, as the docs show it', true, true],
        ['on its object only', false, true],
        ['on the event only', true, false],
    ])('a customer info inside sdes that LivePerson marks isAuthenticated: false (%s) is never a verified profile', async (_where, onEvent, onObject) => {
        const stamp = '1770402660000';
        const unauthenticated = { isAuthenticated: false };
        const pageClaim = {
            sdeType: 'CUSTOMER_INFO',
            serverTimeStamp: stamp,
            ...(onEvent ? unauthenticated : {}),
            customerInfo: {
                serverTimeStamp: stamp,
                ...(onObject ? unauthenticated : {}),
                customerInfo: { customerId: 'PAGE-CLAIMED-42', customerType: 'vip' },
            },
        };
        const record = {
            info: { conversationId: 'conv-page-1', status: 'CLOSE', startTimeL: 1770402000000, endTimeL: 1770402700000 },
            consumerParticipants: [{ participantId: messagingConsumerId }],
            sdes: { events: [pageClaim] },
        };
        world.sim.reply('msgHistConsumer', { status: 200, body: JSON.stringify({ _metadata: { count: 1 }, conversationHistoryRecords: [record] }) });
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().fields.has('Customer id')).toBe(false);
        expect(world.panelText()).not.toMatch(/D-42|VIP/);
        expect(panel().state?.text).toBe('LivePerson holds no verified customer or personal info for this consumer.');
    });

    it('a "__proto__" key in a LivePerson answer: the panel shows the profile, and the next click works too', async () => {
        const body = JSON.stringify(seedParticipant).replace(
            '"authenticatedParticipantInfo":{',
            '"authenticatedParticipantInfo":{"__proto__":{"polluted":true},',
        );
        expect(body).toContain('__proto__');
        world.sim.fault('participantInfo', { status: 200, body }, 1);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(panel().fields.get('Account')).toBe('bank corp');
        await world.command(world.users.agent, world.rooms.field);
        expect(panel().name).toBe('Jane Doe');
    });
});

describe('prefetch lets go of a conversation that closed', () => {
    it('an in-flight prefetch for a conversation closed meanwhile is not kept: the next click asks LivePerson again', async () => {
        world.sim.setLatency('participantInfo', 400);
        await world.agentAssigned(world.rooms.externalIds.id, world.users.agent);
        await waitFor(() => world.sim.count('participantInfo') === 1);
        await world.roomClosed(world.rooms.externalIds.id, { at: new Date(), by: world.users.agent });
        await waitFor(() => world.sim.requests.every((request) => request.status !== 0));
        await settle();
        world.sim.clearLog();
        await world.command(world.users.manager, world.rooms.externalIds);
        expect(world.sim.count('participantInfo')).toBe(1);
    });

    it('a queued prefetch for a conversation closed meanwhile never asks LivePerson; the one queued behind it does', async () => {
        await world.saveSettings({ lp_participant_field: 'lpParticipantId' });
        world.sim.setLatency('participantInfo', 600);
        // Four in flight fill the prefetch; the fifth and the sixth wait in the queue.
        const rooms = ['A', 'B', 'C', 'D', 'E', 'F'].map((letter) => {
            const visitor = world.workspace.addVisitor({ id: `visitorQueue000${letter}`, name: letter, livechatData: { lpParticipantId: `queued-${letter}` } });
            return world.workspace.addLivechatRoom({ id: `roomQueue00000${letter}`, visitor, servedBy: world.users.agent });
        });
        for (const room of rooms) await world.agentAssigned(room.id, world.users.agent);
        await world.roomClosed(rooms[4].id, { at: new Date(), by: world.users.agent });
        const asked = () => world.sim.requests.filter((request) => request.route === 'participantInfo').map((request) => request.path);
        // The queue moved past the closed conversation: the one behind it got a slot when the first four were answered.
        await waitFor(() => asked().some((path) => path.includes('queued-F')));
        await settle();
        expect(
            asked()
                .map((path) => /queued-(\w)/.exec(path)?.[1])
                .sort(),
        ).toEqual(['A', 'B', 'C', 'D', 'F']);
    });

    it('60 duplicate events for one conversation make one request and do not hold up the next conversation', async () => {
        for (let i = 0; i < 60; i++) await world.agentAssigned(world.rooms.externalIds.id, world.users.agent);
        await world.agentAssigned(world.rooms.field.id, world.users.agent);
        await waitFor(() => world.sim.count('participantInfo') === 2, 3000);
        await settle();
        expect(world.sim.count('participantInfo')).toBe(2);
    });
});

describe('what reaches the log and the screen', () => {
    const hostile = 'lookup failed\n    at jane.doe@example.org (+44 20 7946 0958)\n    at file:///app/x.ts:1:2';

    it('a host error whose message looks like a stack frame: the log keeps code locations only', async () => {
        world.workspace.failures.set('findVisitorById', hostile);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(world.lastNoticeText()).toContain('Something went wrong');
        world.workspace.failures.set('findVisitorById', hostile);
        await world.agentAssigned(world.rooms.externalIds.id, world.users.agent);
        const log = world.appLogLines().join('\n');
        expect(log).toContain('Unexpected');
        expect(log).toContain('Prefetch skipped');
        expect(log).not.toMatch(/jane\.doe|7946|example\.org/);
    });

    it('an email or a phone under a key named channel, source or status is masked all the same', async () => {
        world.workspace.updateVisitor(world.visitors.externalIds.id, (visitor) => ({
            ...visitor,
            livechatData: { channel: 'jane.doe@example.org', source: '+44 20 7946 0958' },
            externalIds: [...(visitor.externalIds ?? []), { appId: 'other-app', entityId: 'x-1', metadata: { status: 'jane.doe@example.org' } }],
        }));
        const unmasked = /jane\.doe|7946/;
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(JSON.stringify(world.panel())).not.toMatch(unmasked);
        await world.click(world.users.agent, { actionId: 'lpvi-details' }, world.rooms.externalIds);
        expect(JSON.stringify(world.panel())).not.toMatch(unmasked);
        await world.click(world.users.agent, { actionId: 'lpvi-host-fields' }, world.rooms.externalIds);
        expect(JSON.stringify(world.panel())).not.toMatch(unmasked);
        expect(panel().fields.get('Channel')).toBe('ja••••@example.org');
    });

    it('a visitor created at -8.64e15 with an agent at UTC−3: the panel opens, without that date', async () => {
        world.workspace.updateVisitor(world.visitors.externalIds.id, (visitor) => ({ ...visitor, ts: new Date(-8.64e15) }) as never);
        await world.command(world.users.agentPt, world.rooms.portuguese);
        expect(world.host.notices).toEqual([]);
        expect(panel().name).toBe('Test User');
        await world.click(world.users.agentPt, { actionId: 'lpvi-host-fields' }, world.rooms.portuguese);
        expect(world.host.notices).toEqual([]);
        expect(panel().fields.has('Primeiro contato')).toBe(false);
        expect(panel().name).toBe('Test User');
    });
});

describe('one agent cannot spend the account’s rate limit', () => {
    it('30 Refresh clicks within the 10 s floor make no LivePerson request; one Refresh past it makes one', async () => {
        await world.command(world.users.agent, world.rooms.externalIds);
        world.sim.clearLog();
        const started = Date.now();
        for (let i = 0; i < 30; i++) await world.refresh(world.users.agent, world.rooms.externalIds);
        // The app's clock runs on real time: the clicks must have stayed inside the floor for the count to mean anything.
        expect(Date.now() - started).toBeLessThan(10_000);
        expect(world.sim.count('participantInfo')).toBe(0);
        world.advanceClock(10_000);
        await world.refresh(world.users.agent, world.rooms.externalIds);
        expect(world.sim.count('participantInfo')).toBe(1);
        expect(panel().fields.get('Account')).toBe('bank corp');
    });
});

describe('links follow the LivePerson product the admin chose', () => {
    it('with the product set to chat, linking a Messaging id is refused, and the panel agrees there is no link', async () => {
        await world.saveSettings({ lp_source: 'chat' });
        await world.command(world.users.manager, world.rooms.none, 'link', 'msg:consumer-1');
        expect(world.lastNoticeText()).toContain("a Messaging id (msg:...) can't be linked");
        expect(world.sim.count('msgHistConsumer')).toBe(0);
        await world.command(world.users.agent, world.rooms.none);
        expect(panel().state?.title).toBe('Not linked to LivePerson');
    });
});
