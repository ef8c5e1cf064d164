/**
 * LivePerson's answers read field by field: tolerant where a value is only shown, strict where trust is decided.
 * The documented examples come verbatim from LivePerson's pages (test/support/liveperson-docs.ts).
 */
import { participantInfoOf } from '../../src/liveperson/chatAgent';
import { parseJsonText } from '../../src/liveperson/exchange';
import { activityOf, conversationsOf } from '../../src/liveperson/history';
import { profileOf, recordsOf, type ConversationRecord } from '../../src/liveperson/messaging';
import { DOCUMENTED, engagementAttributesWithoutLead } from '../support/liveperson-docs';
import { seedParticipant, seedParticipantId } from '../support/liveperson-fixtures';

const withInfo = (change: Record<string, unknown>, personal?: Record<string, unknown>) => {
    return {
        authenticatedParticipantInfo: { ...seedParticipant.authenticatedParticipantInfo, ...change },
        authenticatedPersonalInfo: { ...seedParticipant.authenticatedPersonalInfo, ...personal },
    };
};

function withoutParticipantId() {
    const { participantId: _dropped, ...info } = seedParticipant.authenticatedParticipantInfo;
    return { ...seedParticipant, authenticatedParticipantInfo: info };
}

describe('participantExtendedInfo (Chat Agent API)', () => {
    it("LivePerson's documented answer (Retrieve Participant Info page) is a signed-in profile with every field", () => {
        const read = participantInfoOf(seedParticipant, seedParticipantId);
        expect(read).toEqual({
            signedIn: true,
            profile: {
                source: 'chat',
                participantId: seedParticipantId,
                balance: -400.99,
                registrationDate: '2013-05-23',
                lastPaymentDate: '2014-10-15',
                customerId: '57ac-072a-5d10-4506-721f-9ebf',
                customerStatus: 'cancelled',
                customerType: 'vip',
                socialId: '11256324780',
                imei: '3543546543545688',
                userName: 'testuser',
                companySize: 500,
                accountName: 'bank corp',
                role: 'broker',
                personal: { name: 'Test', surname: 'User', contacts: [{ email: 'testuser@liveperson.com', phone: '+1-10-344-3765333' }] },
                unreadable: [],
            },
        });
    });

    it.each([
        [
            'contacts as one object (LivePerson sends one object where there is one)',
            withInfo({}, { contacts: { email: 'one@example.com' } }),
            { personal: { contacts: [{ email: 'one@example.com' }] } },
            [],
        ],
        ['"undefined" as a value is no value', withInfo({ companySize: 'undefined', role: 'undefined' }), { accountName: 'bank corp' }, []],
        [
            'numbers and dates as text',
            withInfo({ balance: '12.50', registrationDate: { year: '2019', month: '7', day: '4' } }),
            { balance: 12.5, registrationDate: '2019-07-04' },
            [],
        ],
        [
            'an impossible date is left out, and named',
            withInfo({ registrationDate: { year: 2019, month: 2, day: 30 } }),
            { customerId: '57ac-072a-5d10-4506-721f-9ebf' },
            ['registrationDate'],
        ],
        ['a number that is not one is left out, and named', withInfo({ balance: 'a lot' }), { customerType: 'vip' }, ['balance']],
        [
            'a contact that is no object is left out, and named',
            withInfo({}, { contacts: ['testuser@liveperson.com'] }),
            { personal: { contacts: [] } },
            ['contacts'],
        ],
    ])('%s', (_name, body, shown, unreadable) => {
        const read = participantInfoOf(body, seedParticipantId);
        expect(read).toMatchObject({ signedIn: true, profile: { ...shown, unreadable } });
    });

    it.each([
        ['an answer about another participant', withInfo({ participantId: 'someone-else' })],
        ['a participant id that does not read', withInfo({ participantId: { id: seedParticipantId } })],
        ['neither part (another service’s JSON)', { status: 'ok' }],
    ])('%s is refused as a whole', (_name, body) => {
        expect(participantInfoOf(body, seedParticipantId)).toHaveProperty('problem');
    });

    it.each([
        ['no isUserAuthenticated', withInfo({ isUserAuthenticated: undefined })],
        ['isUserAuthenticated false', withInfo({ isUserAuthenticated: false })],
        ['isUserAuthenticated that does not read', withInfo({ isUserAuthenticated: 'yes' })],
        ['no participantId: the answer does not say whose it is', withoutParticipantId()],
    ])('%s: not signed in', (_name, body) => {
        expect(participantInfoOf(body, seedParticipantId)).toMatchObject({ signedIn: false });
    });
});

/** The engagement-attributes answer as published, minus its LEAD event: the page's LEAD event is not valid JSON, the nine others are. */
function engagementAttributesRecord(): ConversationRecord {
    return (recordsOf(parseJsonText(engagementAttributesWithoutLead())) ?? [])[0];
}

describe('Messaging Interactions answers', () => {
    it('the documented conversations answer: one record, its consumer, and an outcome an agent can read', () => {
        const records = recordsOf(parseJsonText(DOCUMENTED.messagingConversationsAnswer.response?.body ?? '')) ?? [];
        expect(records.map((record) => [record.conversationId, record.consumerIds])).toEqual([
            ['e5c58e49-e4a5-40a8-8a18-d6580d1d5630', ['f92c9890-2c95-428b-8a32-083528620d31']],
        ]);
        // The example says "csatRate" where the field table says "csat": both are read.
        expect(conversationsOf(records)[0]).toMatchObject({
            open: true,
            agent: 'michal@lp.com',
            skill: 'Unassigned',
            channel: 'APP',
            closeReason: 'MANUAL_CLOSE',
            csat: 5,
            sentiment: 'positive',
            summary: 'summary',
            durationMs: 78970,
        });
    });

    it("the engagement-attributes example names its consumer `consumerParticipant`; the field table's `consumerParticipants` is followed, so that record is no one's", () => {
        expect(DOCUMENTED.messagingEngagementAttributesAnswer.response?.body).toContain('"consumerParticipant": [');
        expect(engagementAttributesRecord().consumerIds).toEqual([]);
    });

    it('the profile is made of authenticated attributes only: the page’s unauthenticated customer and personal info never are', () => {
        const profile = profileOf(engagementAttributesRecord().events, false);
        expect(profile).toEqual({
            source: 'messaging',
            customerId: '12345678',
            companyBranch: 'dummyCompanyBranch',
            personal: { name: 'dummyName', surname: 'dummySurename', contacts: [{ email: 'dummy@mail.com', phone: '12345678' }] },
            unreadable: [],
        });
    });

    it('every documented activity attribute reads, each marked as not verified (they came from the page)', () => {
        const activity = activityOf(engagementAttributesRecord().events);
        expect(activity.map((item) => [item.kind, item.verified])).toEqual(
            expect.arrayContaining([
                ['cart', false],
                ['purchase', false],
                ['viewedProduct', false],
                ['serviceActivity', false],
                ['visitorError', false],
                ['searchContent', false],
                ['marketingSource', false],
            ]),
        );
        expect(activity.find((item) => item.kind === 'cart')).toMatchObject({ amount: { value: 11.7, currency: 'USD' }, count: 6 });
    });

    const event = (sdeType: string, key: string, payload: unknown, serverTimeStamp: string) => ({ sdeType, serverTimeStamp, [key]: { [key]: payload } });
    const record = (...events: unknown[]) =>
        recordsOf({ conversationHistoryRecords: { info: { conversationId: 'c' }, consumerParticipants: { participantId: 'x' }, sdes: { events } } }) ?? [];

    it('the documented age object shows the age in years; one record where the docs show a list is read as a list', () => {
        const [only] = record(
            event('PERSONAL_INFO', 'personalInfo', { name: 'Ana', customerAge: { customerAgeInYears: '34.0', customerYearOfBirth: '1980' } }, '2'),
        );
        expect(only.consumerIds).toEqual(['x']);
        expect(profileOf(only.events, false)?.personal).toEqual({ name: 'Ana', age: 34, contacts: [] });
    });

    it.each([
        [
            'a newer cart from the page shows beside the verified one',
            '100',
            '200',
            [
                ['cart', false, 2],
                ['cart', true, 1],
            ],
        ],
        ['an older cart from the page does not show: the verified one is the latest', '200', '100', [['cart', true, 1]]],
    ])('%s', (_name, verifiedAt, pageAt, expected) => {
        const cart = (numItems: number, at: string, fromPage: boolean) => ({
            ...event('CART_STATUS', 'cartStatus', { numItems }, at),
            ...(fromPage ? { isAuthenticated: false } : {}),
        });
        const [only] = record(cart(1, verifiedAt, false), cart(2, pageAt, true));
        expect(activityOf(only.events).map((item) => [item.kind, item.verified, item.count])).toEqual(expected);
    });

    it('an unreadable age is left out and named; the rest of the profile shows', () => {
        const [only] = record(event('PERSONAL_INFO', 'personalInfo', { name: 'Ana', customerAge: 'thirty' }, '2'));
        expect(profileOf(only.events, false)).toMatchObject({ personal: { name: 'Ana' }, unreadable: ['customerAge'] });
    });

    it('the latest customer info wins; when the latest does not read, an older one is not shown in its place', () => {
        const older = event('CUSTOMER_INFO', 'customerInfo', { customerType: 'gold' }, '1');
        expect(profileOf(record(older, event('CUSTOMER_INFO', 'customerInfo', { customerType: 'vip' }, '2'))[0].events, false)?.customerType).toBe('vip');
        const broken = { sdeType: 'CUSTOMER_INFO', serverTimeStamp: '2', customerInfo: 'garbled' };
        expect(profileOf(record(older, broken)[0].events, false)).toEqual({ source: 'messaging', unreadable: ['customerInfo'] });
    });

    it('records with no readable conversation id are dropped; a record that names no consumer names no one', () => {
        const records = recordsOf({
            conversationHistoryRecords: [{ info: { conversationId: 7 } }, { info: { conversationId: 'ok' }, consumerParticipants: [{ participantId: 5 }] }],
        });
        expect(records?.map((entry) => [entry.conversationId, entry.consumerIds])).toEqual([['ok', []]]);
        expect(recordsOf({ unexpected: true })).toBeUndefined();
    });

    it('conversations come newest first, whatever order LivePerson sends them in', () => {
        const at = (id: string, startTimeL: number) => ({
            info: { conversationId: id, startTimeL, status: 'CLOSE' },
            consumerParticipants: [{ participantId: 'x' }],
        });
        const records =
            recordsOf({ conversationHistoryRecords: [at('old', 1_600_000_000_000), at('new', 1_700_000_000_000), at('mid', 1_650_000_000_000)] }) ?? [];
        expect(conversationsOf(records).map((entry) => entry.id)).toEqual(['new', 'mid', 'old']);
    });

    it.each([
        [{ alertedMCS: -1 }, 'negative'],
        [{ alertedMCS: '0' }, 'neutral'],
        [{ mcs: 20 }, 'negative'],
        [{ mcs: 50 }, 'neutral'],
        [{ mcs: 90 }, 'positive'],
        [{ mcs: 500 }, undefined],
    ])('the Meaningful Connection Score %p reads as %p', (info, sentiment) => {
        const records = recordsOf({ conversationHistoryRecords: [{ info: { conversationId: 'c', ...info } }] }) ?? [];
        expect(conversationsOf(records)[0].sentiment).toBe(sentiment);
    });
});
