/**
 * LivePerson Messaging, through the packaged zip: one consumer search brings the authenticated profile, the
 * consumer's earlier conversations and what they are doing now; Rocket.Chat adds the conversations it closed.
 */
import {
    closedConversationId,
    emptyConsumerId,
    everySdeConsumerId,
    longHistoryConsumerId,
    messagingConsumerId,
    negativeSentimentConsumerId,
    openConversation,
    partialConsumerId,
    primaryAccountId,
    seedParticipantId,
    singleConversationConsumerId,
    unauthenticatedCartConsumerId,
} from '../support/liveperson-fixtures';
import { useWorld } from '../support/useWorld';
import { readPanel, SSO_APP_ID } from '../support/world';

const world = useWorld({ settings: { lp_mask_pii: false, lp_show_sensitive: true } });
const panel = () => readPanel(world.panel());
const history = () => panel().sections.get('Earlier conversations') ?? [];
const activity = () => panel().sections.get('Activity') ?? [];
const searches = () => world.sim.requests.filter((request) => request.route === 'msgHistConversation' || request.route === 'msgHistConsumer');

describe('a Messaging consumer’s profile', () => {
    it('one consumer search, open and closed, with the content the panel needs: the latest authenticated customer and personal info', async () => {
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().name).toBe('Alexandra Morgan');
        expect(panel().state).toEqual({
            variant: 'success',
            title: 'Verified by LivePerson',
            text: 'Gold · Active. A sign-in app linked this visitor to their LivePerson profile.',
        });
        expect(Object.fromEntries(panel().fields)).toMatchObject({
            'Name in Rocket.Chat': 'Alex M.',
            Email: 'alexandra.morgan@example.com',
            Phone: '+49-30-5550-1234',
            'Customer id': 'MSG-CUST-0042',
            Company: 'Morgan Consulting GmbH',
            Branch: 'Berlin',
            Language: 'de-DE',
            Gender: 'Female',
            // The documented age object: {"customerAgeInYears":"34.0",...}.
            Age: '34',
            Balance: '€1,500.25',
        });
        expect(searches()).toEqual([
            expect.objectContaining({
                route: 'msgHistConsumer',
                host: 'va.msghist.liveperson.net',
                query: expect.objectContaining({ source: 'RocketChatLPVisitor', v: '2', offset: '0', limit: '100' }),
                body: {
                    consumer: messagingConsumerId,
                    status: ['OPEN', 'CLOSE'],
                    contentToRetrieve: ['sdes', 'unAuthSdes', 'consumerParticipants', 'summary'],
                },
            }),
        ]);
        // The same login as chat: one for both products.
        expect(world.sim.count('login')).toBe(1);
    });

    it('a conversation id in the link names the conversation the profile comes from', async () => {
        world.linkMessaging(messagingConsumerId, { conversationId: closedConversationId });
        await world.command(world.users.agent, world.rooms.messaging);
        expect(searches().map((request) => request.route)).toEqual(['msgHistConsumer']);
        expect(panel().name).toBe('Alex Morgan');
        expect(panel().state?.text).toMatch(/^Basic · /);
    });

    it('a conversation id of another consumer shows nobody’s profile: the conversation must be this consumer’s', async () => {
        world.linkMessaging(partialConsumerId, { conversationId: closedConversationId });
        await world.command(world.users.agent, world.rooms.messaging);
        expect(searches().map((request) => request.route)).toEqual(['msgHistConsumer', 'msgHistConversation']);
        expect(panel().state).toMatchObject({ variant: 'warning', title: 'Not found in LivePerson' });
        expect(panel().name).toBe('Alex M.');
        expect(world.panelText()).not.toContain('Alex Morgan');
    });

    it('a record LivePerson truncated says so', async () => {
        world.linkMessaging(partialConsumerId);
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().notices).toEqual([
            { variant: 'info', title: 'Part of the record', text: 'LivePerson sent part of the record: some details may be missing.' },
        ]);
        expect(panel().fields.get('Balance')).toBe('£99.99');
    });

    it('a consumer with no conversation: said plainly, no reference', async () => {
        world.linkMessaging(emptyConsumerId);
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().state).toEqual({ variant: 'warning', title: 'Not found in LivePerson', text: 'LivePerson has no conversation of this consumer.' });
        expect(panel().notices).toEqual([]);
    });

    it('a latest customer info in a shape that does not read is left out and said, not replaced by an older one', async () => {
        world.sim.setConsumer(primaryAccountId, messagingConsumerId, [
            {
                ...openConversation,
                sdes: {
                    events: [...(openConversation.sdes?.events ?? []), { sdeType: 'CUSTOMER_INFO', serverTimeStamp: '1999999999999', customerInfo: 'garbage' }],
                },
            },
        ]);
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().fields.has('Customer id')).toBe(false);
        expect(panel().name).toBe('Alexandra Morgan');
        await world.click(world.users.agent, { actionId: 'lpvi-details' }, world.rooms.messaging);
        expect(panel().fields.get('Left out')).toBe("LivePerson sent these in a form the app can't read: Customer info.");
    });

    it('a second look is served from the cache', async () => {
        await world.command(world.users.agent, world.rooms.messaging);
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.messaging);
        expect(world.sim.count()).toBe(0);
    });
});

describe('what happened before: one timeline across both platforms', () => {
    it('LivePerson’s conversations and Rocket.Chat’s, newest first, with agent, outcome, CSAT and sentiment', async () => {
        world.linkMessaging(longHistoryConsumerId);
        // A Rocket.Chat conversation of this visitor closed last year: the app kept it when it closed.
        world.workspace.addLivechatRoom({
            id: 'roomEarlier000001',
            visitor: { id: world.visitors.messaging.id },
            servedBy: world.users.otherAgent,
            department: world.department,
            createdAt: new Date('2025-08-20T09:00:00Z'),
        });
        await world.roomClosed('roomEarlier000001', { at: new Date('2025-08-20T09:25:00Z'), by: world.users.otherAgent, tags: ['billing'] });
        await world.command(world.users.agent, world.rooms.messaging);
        const entries = history();
        expect(entries.map((entry) => entry.headline.split(' · ')[0])).toEqual([
            'LivePerson',
            'LivePerson',
            'LivePerson',
            'LivePerson',
            'LivePerson',
            'and 8 more',
        ]);
        expect(entries[0].details[0]).toMatch(/^still open · Priya Natarajan · Sales/);
        expect(entries[1]).toMatchObject({
            headline: expect.stringContaining('Jan 27, 2026'),
            details: [expect.stringMatching(/Marco .* · CSAT 5\/5 · positive sentiment/), '“Showed how to export reports.”'],
        });
        await world.saveSettings({ lp_history_count: 20 });
        await world.command(world.users.agent, world.rooms.messaging);
        const all = history();
        expect(all).toHaveLength(13);
        const rocketChat = all.find((entry) => entry.headline.startsWith('Rocket.Chat'));
        expect(rocketChat).toEqual({
            headline: expect.stringContaining('Aug 20, 2025'),
            details: ['Bob Agent · Billing · 25 min · closed by the agent · tags: billing'],
        });
        // Newest first across both platforms: the August conversation sits between LivePerson's of September and of August.
        expect(all.map((entry) => entry.headline.split(' · ').slice(0, 2).join(' · '))).toEqual([
            'LivePerson · Feb 10, 2026, 10:20 AM (UTC)',
            'LivePerson · Jan 27, 2026, 3:35 PM (UTC)',
            'LivePerson · Dec 16, 2025, 9:00 AM (UTC)',
            'LivePerson · Nov 30, 2025, 7:10 PM (UTC)',
            'LivePerson · Oct 22, 2025, 4:45 PM (UTC)',
            'LivePerson · Sep 9, 2025, 1:20 PM (UTC)',
            'Rocket.Chat · Aug 20, 2025, 9:00 AM (UTC)',
            'LivePerson · Aug 1, 2025, 10:05 AM (UTC)',
            'LivePerson · Jul 15, 2025, 11:30 AM (UTC)',
            'LivePerson · Jun 2, 2025, 5:55 PM (UTC)',
            'LivePerson · May 20, 2025, 8:40 AM (UTC)',
            'LivePerson · Apr 11, 2025, 2:02 PM (UTC)',
            'LivePerson · Mar 4, 2025, 9:15 AM (UTC)',
        ]);
    });

    it('a hundred conversations with 5,000-character summaries, agents and skills: 20 shown, 80 counted, the view under 100 KB', async () => {
        const long = (letter: string) => letter.repeat(5000);
        world.sim.setConsumer(
            primaryAccountId,
            messagingConsumerId,
            Array.from({ length: 100 }, (_, index) => ({
                ...openConversation,
                conversationId: `conversation-${index}`,
                status: 'CLOSE' as const,
                startTime: Date.parse('2026-01-01T00:00:00Z') - index * 86_400_000,
                endTime: Date.parse('2026-01-01T00:30:00Z') - index * 86_400_000,
                info: { ...openConversation.info, latestAgentFullName: long('A'), latestSkillName: long('S'), closeReasonDescription: long('R') },
                summary: { text: long('T'), lastUpdatedTime: Date.parse('2026-01-01T00:30:00Z') },
            })),
        );
        await world.saveSettings({ lp_history_count: 20 });
        await world.command(world.users.agent, world.rooms.messaging);
        const entries = history();
        expect(entries).toHaveLength(21);
        expect(entries.at(-1)?.headline).toBe('and 80 more');
        expect(JSON.stringify(world.panel()).length).toBeLessThan(100_000);
    });

    it('an unhappy customer reads as one: negative sentiment and a low CSAT', async () => {
        world.linkMessaging(negativeSentimentConsumerId);
        await world.command(world.users.agent, world.rooms.messaging);
        expect(history()[1].details[0]).toContain('CSAT 1/5 · negative sentiment');
    });

    it('only one conversation, still open in LivePerson: it is listed as such; 0 in the settings turns the section off', async () => {
        world.linkMessaging(singleConversationConsumerId);
        await world.command(world.users.agent, world.rooms.messaging);
        expect(history()).toEqual([{ headline: expect.stringMatching(/^LivePerson · /), details: [expect.stringMatching(/^still open · /)] }]);
        await world.saveSettings({ lp_history_count: 0 });
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().sections.has('Earlier conversations')).toBe(false);
    });

    it('a legacy chat participant: Rocket.Chat’s conversations, and a word that LivePerson keeps history for Messaging only', async () => {
        await world.roomClosed(world.rooms.portuguese.id, { at: new Date(), by: world.users.agentPt });
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(history().map((entry) => entry.headline.split(' · ')[0])).toEqual(['Rocket.Chat']);
        expect(world.panelText()).toContain('LivePerson keeps a history for Messaging consumers only');
        expect(world.sim.requests.map((request) => request.route)).not.toContain('msgHistConsumer');
    });

    it('with the section off, a closing conversation is not kept: turned back on, the panel has none of it', async () => {
        await world.saveSettings({ lp_history_count: 0 });
        await world.roomClosed(world.rooms.portuguese.id, { at: new Date(), by: world.users.agentPt });
        await world.saveSettings({ lp_history_count: 5 });
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(panel().state).toMatchObject({ title: 'Verified by LivePerson' });
        expect(panel().sections.has('Earlier conversations')).toBe(false);
    });

    it('history costs no LivePerson request of its own: the profile’s search brings it', async () => {
        world.linkMessaging(longHistoryConsumerId);
        await world.prewarm();
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.messaging);
        expect(world.sim.requests.map((request) => request.route)).toEqual(['msgHistConsumer']);
    });
});

describe('what the customer is doing, marked by how far to trust it', () => {
    it('a cart that came only from the web page is never shown as verified', async () => {
        world.linkMessaging(unauthenticatedCartConsumerId);
        await world.command(world.users.agent, world.rooms.messaging);
        expect(activity()).toEqual([
            { headline: expect.stringMatching(/^Cart · /), details: ['6 items · $11.70 · Espresso pods', 'From the web page, not verified'] },
        ]);
        expect(world.panelText()).not.toContain('Authenticated by LivePerson');
    });

    it('every kind of engagement attribute shows, amounts in their currency, each with how far to trust it', async () => {
        world.linkMessaging(everySdeConsumerId);
        await world.command(world.users.agent, world.rooms.messaging);
        const byKind = new Map<string, string[][]>();
        for (const entry of activity()) byKind.set(entry.headline.split(' · ')[0], [...(byKind.get(entry.headline.split(' · ')[0]) ?? []), entry.details]);
        expect([...byKind.keys()].sort()).toEqual(
            ['Came from', 'Cart', 'Error on the website', 'Lead', 'Purchase', 'Searched for', 'Service request', 'Viewed products'].sort(),
        );
        // The page's newer cart shows beside the verified one: it never hides what LivePerson verified.
        expect(byKind.get('Cart')).toEqual([
            ['1 item · $7.80 · Label roll', 'From the web page, not verified'],
            ['2 items · $129.90 · Pallet jack, Stretch film', 'Authenticated by LivePerson'],
        ]);
        expect(byKind.get('Searched for')).toEqual([
            ['returns policy', 'From the web page, not verified'],
            ['pallet jack, stretch film', 'Authenticated by LivePerson'],
        ]);
        // The page's claims about who the customer is never make the profile.
        expect(panel().fields.get('Customer id')).toBe('JK-2018-0309');
        expect(world.panelText()).not.toContain('TYPED-ON-PAGE-1');
    });
});

describe('which product answers (lp_source)', () => {
    it('automatic: each visitor by the form of its link', async () => {
        await world.command(world.users.agent, world.rooms.messaging);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(world.sim.requests.map((request) => request.route).filter((route) => route === 'msgHistConsumer' || route === 'participantInfo')).toEqual([
            'msgHistConsumer',
            'participantInfo',
        ]);
    });

    it('messaging: a raw id is a consumer id', async () => {
        await world.saveSettings({ lp_source: 'messaging' });
        world.workspace.updateVisitor(world.visitors.messaging.id, (visitor) => ({
            ...visitor,
            externalIds: [{ appId: SSO_APP_ID, entityId: messagingConsumerId }],
        }));
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

    it('a supervisor links a messaging consumer with msg:<id>, after LivePerson confirms it', async () => {
        await world.command(world.users.manager, world.rooms.none, 'link', `msg:${messagingConsumerId}`);
        expect(world.lastNoticeText()).toContain(`Linked this visitor to the LivePerson participant ${messagingConsumerId}`);
        expect(world.workspace.visitors.get(world.visitors.none.id)?.externalIds?.[0].entityId).toBe(`lp:${primaryAccountId}:msg:${messagingConsumerId}`);
        await world.command(world.users.agent, world.rooms.none);
        expect(panel().state).toMatchObject({ variant: 'info', title: 'Linked by a supervisor' });
    });
});

describe('every failure of the chat source has its Messaging twin', () => {
    it('a session LivePerson ended costs one new login, then the answer', async () => {
        await world.prewarm();
        world.advanceClock(2 * 60_000);
        world.sim.expireBearers();
        world.sim.expireLoginSessions();
        world.sim.clearLog();
        await world.command(world.users.agent, world.rooms.messaging);
        expect(world.sim.requests.map((request) => `${request.route} ${request.status}`)).toEqual([
            'msgHistConsumer 401',
            'refresh 401',
            'login 200',
            'msgHistConsumer 200',
        ]);
        expect(panel().name).toBe('Alexandra Morgan');
    });

    it.each([
        ['429', { status: 429, headers: { 'Retry-After': '20' } }, 'LivePerson asked the app to slow down. Try Refresh in 20 s.'],
        ['503', { status: 503 }, "LivePerson can't be reached right now."],
        ['403', { status: 403 }, 'LivePerson refused the app access to this information.'],
        ['an HTML page', { kind: 'html', status: 200 }, "LivePerson sent an answer the app doesn't understand."],
        ['malformed JSON', { kind: 'malformedJson' }, "LivePerson sent an answer the app doesn't understand."],
        ['another service’s JSON', { status: 200, body: '{"baseURI":"va.msghist.liveperson.net"}' }, "LivePerson sent an answer the app doesn't understand."],
    ] as const)('%s: the trust state stays, the failure beside it, Rocket.Chat’s data still shows', async (_name, fault, sentence) => {
        world.sim.fault('msgHistConsumer', fault as never, 1);
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().state?.title).toBe('Verified by LivePerson');
        expect(panel().notices[0]?.text).toContain(sentence);
        expect(panel().name).toBe('Alex M.');
    });

    it('a hang ends at the time limit: the search carries what is left of it as its timeout', async () => {
        await world.saveSettings({ lp_timeout_ms: 700 });
        await world.prewarm();
        world.sim.fault('msgHistConsumer', { kind: 'hang' });
        world.host.http.length = 0;
        await world.command(world.users.agent, world.rooms.messaging);
        expect(world.host.http.at(-1)).toMatchObject({ status: 'error', timeoutMs: expect.any(Number) });
        expect(world.host.http.at(-1)?.timeoutMs).toBeLessThanOrEqual(700);
        expect(panel().notices[0]?.text).toContain("LivePerson didn't answer in time.");
    });

    it('a poisoned msgHist host from the Domain API gets no bearer', async () => {
        await world.saveSettings({ lp_domain: 'va.agentvep.liveperson.net' });
        world.sim.fault('domain', { status: 200, body: JSON.stringify({ service: 'msgHist', account: primaryAccountId, baseURI: 'history.evil.example' }) }, 1);
        await world.command(world.users.agent, world.rooms.messaging);
        expect(panel().notices[0]?.text).toContain("LivePerson sent an answer the app doesn't understand.");
        for (const exchange of world.host.http) expect(new URL(exchange.url).hostname).toMatch(/\.liveperson\.net$/);
    });

    it('a 429 from the Messaging API pauses Messaging only: chat still answers meanwhile', async () => {
        world.sim.fault('msgHistConsumer', { status: 429, headers: { 'Retry-After': '60' } }, 1);
        await world.command(world.users.agent, world.rooms.messaging);
        await world.command(world.users.agent, world.rooms.externalIds);
        expect(panel().name).toBe('Test User');
        expect(world.sim.requests.find((request) => request.route === 'participantInfo')?.path).toContain(seedParticipantId);
    });
});
