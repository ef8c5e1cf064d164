/**
 * LivePerson Messaging as a second source of the profile: a visitor linked to a messaging consumer gets the
 * authenticated customer and personal info (SDEs) from the Messaging Interactions API, through the packaged zip.
 */
import {
    closedConversationId,
    emptyConsumerId,
    messagingConsumerId,
    openConversation,
    partialConsumerId,
    primaryAccountId,
    seedParticipantId,
} from '../support/liveperson-fixtures';
import { useWorld } from '../support/useWorld';
import { readPanel, SSO_APP_ID } from '../support/world';

const world = useWorld({ settings: { lp_mask_pii: false, lp_show_sensitive: true } });
const panel = () => readPanel(world.panel());
const searches = () => world.sim.requests.filter((request) => request.route === 'msgHistConversation' || request.route === 'msgHistConsumer');
const linkTo = (entityId: string, metadata?: Record<string, string>) =>
    world.workspace.updateVisitor(world.visitors.messaging.id, (visitor) => ({
        ...visitor,
        externalIds: [{ appId: SSO_APP_ID, entityId, ...(metadata ? { metadata } : {}) }],
    }));

describe('a visitor linked to a Messaging consumer', () => {
    it('shows the latest customer and personal info of the consumer’s newest open conversation, Messaging-only fields included', async () => {
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().name).toBe('Alexandra Morgan');
        expect(panel().alsoKnownAs).toBe('Alex M.');
        expect(panel().state).toEqual({ variant: 'success', title: 'Verified by LivePerson', text: 'Gold · Active' });
        expect(Object.fromEntries(panel().fields)).toMatchObject({
            Email: 'alexandra.morgan@example.com',
            Phone: '+49-30-5550-1234',
            'Customer id': 'MSG-CUST-0042',
            Account: 'Morgan Consulting',
            Company: 'Morgan Consulting GmbH',
            'Company size': '12',
            Branch: 'Berlin',
            Language: 'de-DE',
            Gender: 'Female',
            Age: '34',
            Balance: '€1,500.25',
            'Customer since': 'May 23, 2019',
        });
        const [search] = searches();
        expect(search).toMatchObject({
            route: 'msgHistConsumer',
            host: 'va.msghist.liveperson.net',
            body: { consumer: messagingConsumerId, status: ['OPEN'] },
        });
        expect(search.query.source).toBe('RocketChatLPVisitor');
        expect(search.query.source.length).toBeLessThanOrEqual(20);
        expect(search.headers.authorization).toMatch(/^Bearer /);
        // The same login as chat: one for both products.
        expect(world.sim.count('login')).toBe(1);
        await world.click(world.users.agent, { actionId: 'lpvi-details' }, world.rooms.messaging);
        expect(Object.fromEntries(panel().fields)).toMatchObject({ 'LivePerson product': 'Messaging', 'Consumer id': messagingConsumerId });
    });

    it('a conversation id in the link’s metadata asks for that conversation, whatever its status', async () => {
        linkTo(`lp:${primaryAccountId}:msg:${messagingConsumerId}`, { conversationId: closedConversationId });
        await world.command(world.users.agent, world.rooms.messaging);
        expect(searches()).toEqual([
            expect.objectContaining({ route: 'msgHistConversation', body: expect.objectContaining({ conversationId: closedConversationId }) }),
        ]);
        expect(panel().name).toBe('Alex Morgan');
        expect(panel().fields.get('Customer type')).toBe('Basic');
    });

    it('a conversation id of another consumer shows nobody’s profile: the conversation must be this consumer’s', async () => {
        linkTo(`lp:${primaryAccountId}:msg:${partialConsumerId}`, { conversationId: closedConversationId });
        await world.command(world.users.agent, world.rooms.messaging);
        expect(searches()).toHaveLength(1);
        expect(panel().state).toMatchObject({ variant: 'warning', title: 'Not found in LivePerson' });
        expect(panel().name).toBe('Alex M.');
        expect(world.panelText()).not.toContain('Alex Morgan');
    });

    it('a record LivePerson truncated says so', async () => {
        linkTo(`lp:${primaryAccountId}:msg:${partialConsumerId}`);
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().notices).toEqual([
            { variant: 'info', title: 'Part of the record', text: 'LivePerson sent part of the record: some details may be missing.' },
        ]);
        expect(panel().fields.get('Balance')).toBe('£99.99');
    });

    it('a consumer with no open conversation: said plainly, no reference', async () => {
        linkTo(`lp:${primaryAccountId}:msg:${emptyConsumerId}`);
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().state).toEqual({ variant: 'warning', title: 'Not found in LivePerson', text: 'LivePerson has no open conversation for this consumer.' });
    });

    it('a second look is served from the cache', async () => {
        await world.command(world.users.agent, world.rooms.messaging);
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.messaging);
        expect(world.sim.count()).toBe(0);
    });
});

describe('which product answers (lp_source)', () => {
    it('automatic: each visitor by the form of its link', async () => {
        await world.command(world.users.agent, world.rooms.messaging);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(
            world.sim.requests.map((request) => request.route).filter((route) => route !== 'domain' && route !== 'login' && route !== 'agentSession'),
        ).toEqual(['msgHistConsumer', 'participantInfo']);
    });

    it('messaging: a raw id is a consumer id', async () => {
        await world.saveSettings({ lp_source: 'messaging' });
        linkTo(messagingConsumerId);
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().name).toBe('Alexandra Morgan');
    });

    it('chat: a messaging link points at nothing, and chat visitors are unchanged', async () => {
        await world.saveSettings({ lp_source: 'chat' });
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().state?.title).toBe('Not linked to LivePerson');
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(panel().name).toBe('Test User');
        expect(searches()).toEqual([]);
    });

    it('an agent links a messaging consumer with msg:<id>, after LivePerson confirms it', async () => {
        await world.command(world.users.agent, world.rooms.none, 'link', `msg:${messagingConsumerId}`);
        expect(world.lastNoticeText()).toContain(`Linked this visitor to the LivePerson participant ${messagingConsumerId}`);
        expect(world.workspace.visitors.get(world.visitors.none.id)?.externalIds?.[0].entityId).toBe(`lp:${primaryAccountId}:msg:${messagingConsumerId}`);
        await world.command(world.users.agent, world.rooms.none);
        expect(panel().state).toMatchObject({ variant: 'info', title: 'Linked by an agent' });
    });
});

describe('every failure of the chat source has its Messaging twin', () => {
    it('a bearer LivePerson no longer accepts costs one new login, then the answer', async () => {
        await world.prewarm();
        world.sim.expireBearers();
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.messaging);
        expect(world.sim.requests.map((request) => `${request.route} ${request.status}`)).toEqual(['msgHistConsumer 401', 'login 200', 'msgHistConsumer 200']);
        expect(panel().name).toBe('Alexandra Morgan');
    });

    it('a second 401 is final', async () => {
        world.sim.fault('msgHistConsumer', { status: 401 });
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().state?.text).toContain("LivePerson refused the app's login.");
        expect(world.sim.count('msgHistConsumer')).toBe(2);
    });

    it.each([
        ['429', { status: 429, headers: { 'Retry-After': '20' } }, 'LivePerson asked the app to slow down. Try Refresh in 20 s.'],
        ['503', { status: 503 }, "LivePerson can't be reached right now."],
        ['403', { status: 403 }, 'LivePerson refused access for this account or user.'],
        ['an HTML page', { kind: 'html', status: 200 }, "LivePerson sent an answer the app doesn't understand."],
        ['malformed JSON', { kind: 'malformedJson' }, "LivePerson sent an answer the app doesn't understand."],
        ['another service’s JSON', { status: 200, body: '{"baseURI":"va.msghist.liveperson.net"}' }, "LivePerson sent an answer the app doesn't understand."],
    ] as const)('%s', async (_name, fault, sentence) => {
        world.sim.fault('msgHistConsumer', fault as never, 1);
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().state?.text).toContain(sentence);
        expect(panel().fields.get('Name in Rocket.Chat')).toBe('Alex M.');
    });

    it('a customer info event in an unexpected shape is refused, not skipped for an older one', async () => {
        world.sim.setConsumer(primaryAccountId, messagingConsumerId, [
            {
                ...openConversation,
                sdes: { events: [...openConversation.sdes.events, { sdeType: 'CUSTOMER_INFO', serverTimeStamp: '1999999999999', customerInfo: 'garbage' }] },
            } as never,
        ]);
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().state?.text).toContain("LivePerson sent an answer the app doesn't understand.");
        expect(panel().fields.get('Name in Rocket.Chat')).toBe('Alex M.');
    });

    it('a hang ends at the time limit', async () => {
        await world.saveSettings({ lp_timeout_ms: 700 });
        world.sim.fault('msgHistConsumer', { kind: 'hang' });
        const started = Date.now();
        await world.command(world.users.agent, world.rooms.messaging);
        expect(Date.now() - started).toBeLessThan(1400);
        expect(panel().state?.text).toContain("LivePerson didn't answer in time.");
    });

    it('a poisoned msgHist host from the Domain API gets no bearer', async () => {
        await world.saveSettings({ lp_domain: 'va.agentvep.liveperson.net' });
        world.sim.fault('domain', { status: 200, body: JSON.stringify({ service: 'msgHist', account: primaryAccountId, baseURI: 'history.evil.example' }) }, 1);
        linkTo(`lp:${primaryAccountId}:msg:${messagingConsumerId}`);
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().state?.text).toContain("LivePerson sent an answer the app doesn't understand.");
        for (const exchange of world.host.http) expect(new URL(exchange.url).hostname).toMatch(/\.liveperson\.net$/);
    });

    it('chat still answers for chat visitors meanwhile', async () => {
        world.sim.fault('msgHistConsumer', { status: 503 }, 1);
        await world.command(world.users.agent, world.rooms.messaging);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(panel().name).toBe('Test User');
        expect(world.sim.requests.find((request) => request.route === 'participantInfo')?.path).toContain(seedParticipantId);
    });
});
