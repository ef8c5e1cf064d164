import { translator } from '../../src/i18n/translator';
import type { LivePersonFailure } from '../../src/liveperson/failures';
import type { LivePersonAnswer, LivePersonProfile } from '../../src/liveperson/model';
import type { LivePersonSection, VisitorProfile } from '../../src/profile/VisitorProfile';
import { buildProfileDocument, type Privacy } from '../../src/ui/buildProfileDocument';
import type { Viewer } from '../../src/ui/formatting';
import type { ProfileDocument } from '../../src/ui/ProfileDocument';
import { failureText } from '../../src/ui/stateNotice';

const viewer: Viewer = { t: translator('en'), language: 'en', utcOffsetHours: 0 };
const privacy: Privacy = { maskPii: true, showSensitive: false, participantField: 'lpId', historyCount: 5 };
const profile: LivePersonProfile = {
    source: 'messaging',
    customerId: 'CUST-0001',
    customerType: 'vip',
    customerStatus: 'active',
    personal: { name: 'Ana', surname: 'Lima', contacts: [{ email: 'ana.lima@example.com', phone: '+55 11 91234-5678' }, { email: 'ana@work.example' }] },
    unreadable: ['customerAge'],
};
const answer: LivePersonAnswer = {
    profile,
    conversations: [{ id: 'c1', open: false, startedAt: '2026-05-01T10:00:00.000Z', agent: 'Jo', csat: 2, sentiment: 'negative', summary: 'Refund asked' }],
    activity: [{ kind: 'cart', verified: false, at: '2026-05-30T10:00:00.000Z', amount: { value: 11.7, currency: 'USD' }, products: ['Shoes'] }],
};
const identity = { ref: { source: 'messaging' as const, consumerId: 'consumer-1' }, source: { kind: 'connector' as const, appId: 'sso' } };
const visitor = (livePerson: LivePersonSection): VisitorProfile => ({
    visitor: {
        id: 'v-1',
        username: 'guest-1',
        name: 'Ana L.',
        emails: ['ana.lima@example.com'],
        phones: [],
        livechatData: { customerSince: '2019', lpId: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' },
        customFields: {},
        externalIds: [],
    },
    earlier: [{ roomId: 'r0', startedAt: '2026-05-20T10:00:00.000Z', agent: 'Alice', department: 'Billing', closedBy: 'visitor', tags: ['refund'] }],
    livePerson,
});
const loaded = (trust: 'trusted' | 'signed' | 'linked' | 'visitorEditable'): LivePersonSection => ({ state: 'loaded', ...identity, trust, answer, ageMs: 0 });
const failure = (kind: LivePersonFailure['kind'], extra: Partial<LivePersonFailure> = {}): LivePersonFailure => ({
    kind,
    step: 'messagingHistory',
    message: '',
    reference: 'lp-ref1',
    ...extra,
});
const build = (section: LivePersonSection, showUnverified = false) => buildProfileDocument(visitor(section), privacy, viewer, showUnverified);
const everything = (document: ProfileDocument) => JSON.stringify(document);

describe('the page an agent reads, built from a profile', () => {
    it.each([
        ['trusted', 'success', 'Verified by LivePerson', 'Ana Lima'],
        ['signed', 'success', 'Verified by your website', 'Ana Lima'],
        ['linked', 'info', 'Linked by a supervisor', 'Ana Lima'],
        ['visitorEditable', 'warning', 'Unverified: visitor-editable id', 'Ana L.'],
    ] as const)('%s: a %s state "%s", greeted as %s', (trust, severity, title, name) => {
        const document = build(loaded(trust));
        expect(document.state).toMatchObject({ severity, title });
        expect(document.name).toBe(name);
    });

    it('every value appears once: the name, type and status, email and phone', () => {
        const text = everything(build(loaded('trusted')));
        for (const value of ['Ana Lima', 'VIP', 'an••••@example.com', '••••5678']) expect(text.split(value).length - 1).toBe(1);
        expect(build(loaded('trusted')).reach).toEqual([
            { label: 'Name in Rocket.Chat', values: ['Ana L.'] },
            { label: 'Email', values: ['an••••@example.com'] },
            { label: 'Phone', values: ['••••5678'] },
        ]);
    });

    it('an unverified profile stays behind its button: no LivePerson customer data, and the callout says to verify first', () => {
        const hidden = build(loaded('visitorEditable'));
        expect(hidden.unverified).toBe('hidden');
        expect(everything(hidden)).not.toMatch(/CUST|Ana Lima|Cart|Refund asked|work\.example/);
        expect(hidden.state.text).toContain('verify who they are');
        const shown = build(loaded('visitorEditable'), true);
        expect(shown.unverified).toBe('shown');
        expect(everything(shown)).toMatch(/••••0001/);
        expect(shown.state.severity).toBe('warning');
    });

    it('LivePerson failing leaves the trust state first, with the failure as a second callout and its reference', () => {
        const document = build({ state: 'failed', ...identity, trust: 'trusted', failure: failure('unavailable') });
        expect(document.state.title).toBe('Verified by LivePerson');
        expect(document.notices).toEqual([
            { severity: 'danger', title: 'LivePerson unavailable', text: failureText(failure('unavailable'), viewer), reference: 'lp-ref1' },
        ]);
    });

    it('one timeline across both platforms, newest first, each saying where it happened', () => {
        const history = build(loaded('trusted')).sections.find((section) => section.title === 'Earlier conversations');
        expect(history?.entries?.map((entry) => entry.headline.split(' · ')[0])).toEqual(['Rocket.Chat', 'LivePerson']);
        expect(history?.entries?.[1].details).toEqual(['Jo · CSAT 2/5 · negative sentiment', '“Refund asked”']);
        expect(history?.entries?.[0].details).toEqual(['Alice · Billing · closed by the visitor · tags: refund']);
    });

    it('the timeline is capped at the admin’s count, saying how many more; 0 hides it', () => {
        const capped = buildProfileDocument(visitor(loaded('trusted')), { ...privacy, historyCount: 1 }, viewer, false);
        expect(capped.sections.find((section) => section.title === 'Earlier conversations')?.entries?.map((entry) => entry.headline)).toEqual([
            expect.stringContaining('Rocket.Chat'),
            'and 1 more',
        ]);
        const none = buildProfileDocument(visitor(loaded('trusted')), { ...privacy, historyCount: 0 }, viewer, false);
        expect(none.sections.map((section) => section.title)).toEqual(['Customer', 'Activity']);
    });

    it('older LivePerson conversations the app only counted are in "and N more"', () => {
        const counted: LivePersonSection = { state: 'loaded', ...identity, trust: 'trusted', answer: { ...answer, olderConversations: 30 }, ageMs: 0 };
        const headlines = build(counted)
            .sections.find((section) => section.title === 'Earlier conversations')
            ?.entries?.map((entry) => entry.headline);
        expect(headlines).toEqual([expect.stringContaining('Rocket.Chat'), expect.stringContaining('LivePerson'), 'and 30 more']);
    });

    it('unmasked, a long second email stays whole; an id is cut to fit the panel', () => {
        const email = `${'a'.repeat(50)}@example.com`;
        const long: LivePersonProfile = { ...profile, customerId: 'C'.repeat(60), personal: { contacts: [{ email: 'ana@example.com' }, { email }] } };
        const section: LivePersonSection = { state: 'loaded', ...identity, trust: 'trusted', answer: { ...answer, profile: long }, ageMs: 0 };
        const text = everything(buildProfileDocument(visitor(section), { ...privacy, maskPii: false }, viewer, false));
        expect(text).toContain(email);
        expect(text).not.toContain('C'.repeat(41));
    });

    it('activity from the web page is never shown as verified', () => {
        const activity = build(loaded('trusted')).sections.find((section) => section.title === 'Activity');
        expect(activity?.entries).toEqual([{ headline: expect.stringMatching(/^Cart · /), details: ['$11.70 · Shoes', 'From the web page, not verified'] }]);
    });

    it('what Rocket.Chat’s Contact Info shows is collapsed, with readable labels and the signed id never shown raw', () => {
        const fields = build(loaded('trusted')).hostFields.fields;
        expect(fields).toContainEqual({ label: 'Customer since', values: ['2019'], labelIsData: true });
        expect(fields).toContainEqual({ label: 'Lp id', values: ['signed LivePerson id'], labelIsData: true });
    });

    it('the technical details name an unreadable field, and how the identity was checked', () => {
        const fields = build(loaded('visitorEditable'), true).technical.fields;
        expect(fields).toContainEqual({ label: 'Left out', values: ["LivePerson sent these in a form the app can't read: Age."] });
        expect(fields).toContainEqual({ label: 'Identity checked by', values: ['nothing: the visitor can edit this id'] });
    });

    it('a Messaging consumer with no verified info still shows their conversations, and says so first, with no green "verified" above it', () => {
        const document = build({ state: 'loaded', ...identity, trust: 'trusted', answer: { ...answer, profile: undefined }, ageMs: 0 });
        expect(document.state).toMatchObject({ severity: 'warning', title: 'Not signed in to LivePerson' });
        expect(document.notices).toEqual([]);
        expect(document.sections.map((section) => section.title)).toEqual(['Activity', 'Earlier conversations']);
    });
});

describe('one sentence per failure, for the agent who reads it', () => {
    it.each([
        ['misconfigured', failure('misconfigured'), "LivePerson doesn't accept the app's settings. Continue the chat and tell your admin the reference."],
        ['auth', failure('auth'), "LivePerson refused the app's login. Continue the chat and tell your admin the reference."],
        [
            'heldBack { retryAfterSeconds: 240 }',
            failure('heldBack', { retryAfterSeconds: 240 }),
            "LivePerson refused the app's login, and the app waits 4 min before trying again. Continue the chat and tell your admin the reference.",
        ],
        ['forbidden', failure('forbidden'), 'LivePerson refused the app access to this information. Continue the chat and tell your admin the reference.'],
        [
            'rateLimited { retryAfterSeconds: 20 }',
            failure('rateLimited', { retryAfterSeconds: 20 }),
            'LivePerson asked the app to slow down. Try Refresh in 20 s.',
        ],
        [
            'paused { cause: rateLimited, retryAfterSeconds: 7 }',
            failure('paused', { cause: 'rateLimited', retryAfterSeconds: 7 }),
            'LivePerson asked the app to slow down. Try Refresh in 7 s.',
        ],
        [
            'paused { cause: unavailable, retryAfterSeconds: 30 }',
            failure('paused', { cause: 'unavailable', retryAfterSeconds: 30 }),
            "LivePerson can't be reached right now; the app tries again in 30 s.",
        ],
        ['timeout', failure('timeout'), "LivePerson didn't answer in time. Try Refresh in a moment."],
        ['unavailable', failure('unavailable'), "LivePerson can't be reached right now. Try Refresh in a moment."],
        [
            'invalidResponse',
            failure('invalidResponse'),
            "LivePerson sent an answer the app doesn't understand. Continue the chat and tell your admin the reference.",
        ],
    ])('%s', (_kind, value, sentence) => {
        expect(failureText(value, viewer)).toBe(sentence);
        // Advice only an admin can follow is never the agent's.
        expect(sentence).not.toContain('/visitorinfo status');
    });
});
