/**
 * Sample LivePerson data for tests and the playground: participants of the Chat Agent API (the seed page's example
 * and the awkward shapes that API family is known to send), messaging consumers with their conversations (Messaging
 * Interactions API, in the documented shapes: engagement attribute values as strings, nesting as the docs show it),
 * and two accounts with their users. Everything is deep-frozen so a test cannot change it for the next one; the
 * simulator copies what it is given.
 */
import { DOCUMENTED } from './liveperson-docs';
import type { SimAccount, SimConsumerParticipant, SimConversation, SimConversationInfo, SimSdeEvent, SimUser } from './liveperson-simulator';

function deepFreeze<T>(value: T): T {
    if (typeof value === 'object' && value !== null) {
        for (const child of Object.values(value)) deepFreeze(child);
        Object.freeze(value);
    }
    return value;
}

// ---- Participants (bodies of GET .../participantExtendedInfo/{participantId}) ----

/** The example from LivePerson's "Retrieve Participant Info" page, read from its verbatim text in liveperson-docs.ts. */
export const seedParticipantId = '55fc1779-83b0-4e8b-8eea-503a8eaf8822';
export const seedParticipant = deepFreeze(
    JSON.parse(DOCUMENTED.participantInfo.response.body) as {
        authenticatedParticipantInfo: { participantId: string; isUserAuthenticated: boolean } & Record<string, unknown>;
        authenticatedPersonalInfo: Record<string, unknown>;
    },
);

/** Numbers sent as strings (this API family does that) and most fields absent, including surname and phone. */
export const stringNumbersParticipantId = '0b7e4c1a-3f2d-4a6b-9c8e-1d2f3a4b5c6d';
export const stringNumbersParticipant = deepFreeze({
    authenticatedParticipantInfo: {
        isUserAuthenticated: true,
        participantId: '0b7e4c1a-3f2d-4a6b-9c8e-1d2f3a4b5c6d',
        balance: '1250.50',
        registrationDate: { year: '2019', month: '7', day: '4' },
        customerId: 'C-000042',
        companySize: '25',
        userName: 'jdoe',
    },
    authenticatedPersonalInfo: {
        name: 'Jane',
        contacts: [{ email: 'jane.doe@example.com' }],
    },
});

/** A consumer who did not sign in: the flag and nothing else. */
export const unauthenticatedParticipantId = 'e3a1f9d2-7b6c-4e5d-8a9b-0c1d2e3f4a5b';
export const unauthenticatedParticipant = deepFreeze({
    authenticatedParticipantInfo: { isUserAuthenticated: false },
});

/** Personal info with two contacts (which one to show is the app's call). */
export const twoContactsParticipantId = '9f8e7d6c-5b4a-4392-8172-6a5b4c3d2e1f';
export const twoContactsParticipant = deepFreeze({
    authenticatedParticipantInfo: {
        isUserAuthenticated: true,
        participantId: '9f8e7d6c-5b4a-4392-8172-6a5b4c3d2e1f',
        customerId: 'CUST-7781',
        customerType: 'gold',
        userName: 'mrossi',
    },
    authenticatedPersonalInfo: {
        name: 'Maria',
        surname: 'Rossi',
        contacts: [
            { email: 'maria.rossi@example.com', phone: '+39-02-5550-1234' },
            { email: 'm.rossi@work.example.org', phone: '+39-333-555-0199' },
        ],
    },
});

/** `contacts` as one object, not an array: LivePerson's agent sample app notes the API does that "if there is 1 event only". */
export const singleContactObjectParticipantId = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
export const singleContactObjectParticipant = deepFreeze({
    authenticatedParticipantInfo: { isUserAuthenticated: true, participantId: singleContactObjectParticipantId, customerId: 'CUST-3141', userName: 'lchen' },
    authenticatedPersonalInfo: { name: 'Li', surname: 'Chen', contacts: { email: 'li.chen@example.com', phone: '+1-415-555-0142' } },
});

/** `companySize` as the string "undefined", the way this API family writes an absent value. */
export const undefinedCompanySizeParticipantId = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';
export const undefinedCompanySizeParticipant = deepFreeze({
    authenticatedParticipantInfo: {
        isUserAuthenticated: true,
        participantId: undefinedCompanySizeParticipantId,
        accountName: 'Haddad Trading',
        companySize: 'undefined',
    },
    authenticatedPersonalInfo: { name: 'Omar', surname: 'Haddad', contacts: [{ email: 'omar.haddad@example.com' }] },
});

// ---- Messaging consumers (records of the Messaging Interactions API, service msgHist) ----

/**
 * Each SDE type's key in its event, and whether the values nest once more under that key (`lead.lead`) or sit
 * beside the time stamps (`cartStatus.total`), as the engagement-attributes page shows them.
 */
const SDE_SHAPES = {
    CUSTOMER_INFO: ['customerInfo', true],
    PERSONAL_INFO: ['personalInfo', true],
    CART_STATUS: ['cartStatus', false],
    PURCHASE: ['purchase', false],
    VIEWED_PRODUCT: ['viewedProduct', false],
    LEAD: ['lead', true],
    SERVICE_ACTIVITY: ['serviceActivity', true],
    VISITOR_ERROR: ['visitorError', true],
    SEARCH_CONTENT: ['searchContent', false],
    MARKETING_CAMPAIGN_INFO: ['marketingCampaignInfo', true],
} as const;

/**
 * An SDE event as documented. One from the web page (`unAuthSdes`) is marked `"isAuthenticated": false`, inside the
 * customer and personal info objects too (as the docs show); authenticated events carry no flag.
 */
function sde(type: keyof typeof SDE_SHAPES, serverTimeStamp: string, values: Record<string, unknown>, fromPage = false): SimSdeEvent {
    const [key, nested] = SDE_SHAPES[type];
    const flag = fromPage ? { isAuthenticated: false } : {};
    const stamps = { serverTimeStamp, originalTimeStamp: serverTimeStamp };
    const innerFlag = type === 'CUSTOMER_INFO' || type === 'PERSONAL_INFO' ? flag : {};
    return { [key]: nested ? { ...stamps, ...innerFlag, [key]: values } : { ...stamps, ...values }, sdeType: type, serverTimeStamp, ...flag };
}

interface ConversationSeed {
    conversationId: string;
    /** ISO time, UTC. */
    start: string;
    /** How long a closed conversation lasted; none for an open one. */
    minutes?: number;
    info?: SimConversationInfo;
    summary?: string;
    sdes?: SimSdeEvent[];
    unAuthSdes?: SimSdeEvent[];
}

/** A conversation of one consumer: closed when it lasted some minutes, open otherwise; the summary dated at its end. */
function conversationOf(participant: SimConsumerParticipant, seed: ConversationSeed): SimConversation {
    const startTime = Date.parse(seed.start);
    const endTime = seed.minutes === undefined ? undefined : startTime + seed.minutes * 60_000;
    return {
        conversationId: seed.conversationId,
        status: endTime === undefined ? 'OPEN' : 'CLOSE',
        startTime,
        ...(endTime === undefined ? {} : { endTime }),
        ...(seed.info ? { info: seed.info } : {}),
        consumerParticipants: [participant],
        sdes: { events: seed.sdes ?? [] },
        ...(seed.unAuthSdes ? { unAuthSdes: { events: seed.unAuthSdes } } : {}),
        ...(seed.summary === undefined ? {} : { summary: { text: seed.summary, lastUpdatedTime: endTime ?? startTime } }),
    };
}

/** Agents and their skills as `info` names them, and the ways a conversation closes. */
const PRIYA = { latestAgentId: '3677470412', latestAgentFullName: 'Priya Natarajan', latestSkillName: 'Sales' };
const DANA = { latestAgentId: '3677470410', latestAgentFullName: 'Dana Whitfield', latestSkillName: 'Billing' };
const MARCO = { latestAgentId: '3677470411', latestAgentFullName: 'Marco Reyes', latestSkillName: 'Technical Support' };
const BOT = { latestAgentId: '3677470413', latestAgentFullName: 'Order Status Bot', latestSkillName: 'Self-service' };
const AGENT_CLOSED = { closeReason: 'AGENT', closeReasonDescription: 'MANUAL_CLOSE' };
const CONSUMER_CLOSED = { closeReason: 'CONSUMER', closeReasonDescription: 'MANUAL_CLOSE' };
const SYSTEM_CLOSED = { closeReason: 'SYSTEM', closeReasonDescription: 'AUTO_CLOSE' };
const WEB = { source: 'WEB_SITE', device: 'DESKTOP' };
const MOBILE_APP = { source: 'APP', device: 'MOBILE' };
const SMS = { source: 'SHORT_MESSAGE_SERVICE' };

// messagingConsumerId: SDE events arrive several per type; the latest by serverTimeStamp wins, and the array is
// deliberately not in time order (the latest CUSTOMER_INFO is neither first nor last), so a client that takes the
// first or the last event gets the wrong one.

/** A consumer with an old closed conversation and a newer open one. */
export const messagingConsumerId = 'c0a8e7f2-5d3b-4e1a-9f6c-2b7d8e9a0f11';
export const closedConversationId = '3f1c2d4e-8a7b-4c6d-9e0f-1a2b3c4d5e60';
export const openConversationId = '7e6d5c4b-3a29-4187-8f6e-5d4c3b2a1908';

/** The values the app should show for messagingConsumerId: the latest events of its open conversation. */
export const messagingLatestCustomerInfo = deepFreeze({
    customerStatus: 'active',
    customerType: 'gold',
    balance: '1500.25',
    currency: 'EUR',
    customerId: 'MSG-CUST-0042',
    socialId: '11256324780',
    imei: '3543546543545688',
    userName: 'amorgan',
    accountName: 'Morgan Consulting',
    role: 'owner',
    companySize: '12',
    companyBranch: 'Berlin',
    loginStatus: '1',
    registrationDate: { day: '23', month: '5', year: '2019' },
    lastPaymentDate: { day: '15', month: '1', year: '2026' },
});
export const messagingLatestPersonalInfo = deepFreeze({
    name: 'Alexandra',
    surname: 'Morgan',
    gender: 'FEMALE',
    company: 'Morgan Consulting GmbH',
    language: 'de-DE',
    customerAge: { customerAgeInYears: '34.0', customerYearOfBirth: '1991', customerMonthOfBirth: '4', customerDateOfBirth: '15' },
    contacts: [{ personalContact: { email: 'alexandra.morgan@example.com', phone: '+49-30-5550-1234' } }],
});
export const messagingLatestCustomerInfoTimeStamp = '1769904300000';
export const messagingLatestPersonalInfoTimeStamp = '1769904300001';

const alexandra: SimConsumerParticipant = {
    participantId: messagingConsumerId,
    firstName: 'Alexandra',
    lastName: 'Morgan',
    email: 'alexandra.morgan@example.com',
    phone: '+49-30-5550-1234',
};

/** Older (2026-01-01) and closed; its SDEs are all older than those of the open conversation. */
export const closedConversation: SimConversation = deepFreeze(
    conversationOf(
        { ...alexandra, firstName: 'Alex' },
        {
            conversationId: closedConversationId,
            start: '2026-01-01T00:00:00Z',
            minutes: 30,
            info: { ...DANA, ...AGENT_CLOSED, mcs: 72, alertedMCS: 1, csat: 4, source: 'WEB_SITE', firstConversation: true, firstIntentName: 'trial_question' },
            summary: 'Trial questions; explained the Gold plan.',
            sdes: [
                sde('CUSTOMER_INFO', '1767225660000', {
                    customerStatus: 'trial',
                    customerType: 'basic',
                    balance: '10.00',
                    currency: 'USD',
                    customerId: 'MSG-CUST-0042',
                    companyBranch: 'Cologne',
                    loginStatus: '0',
                }),
                sde('PERSONAL_INFO', '1767225660001', {
                    name: 'Alex',
                    surname: 'Morgan',
                    company: 'Old Startup',
                    language: 'en-US',
                    contacts: [{ personalContact: { email: 'alex@old.example.com' } }],
                }),
            ],
        },
    ),
);

/** Newer (2026-02-01) and open: three CUSTOMER_INFO (bronze, silver, gold) and two PERSONAL_INFO events. */
export const openConversation: SimConversation = deepFreeze(
    conversationOf(alexandra, {
        conversationId: openConversationId,
        start: '2026-02-01T00:00:00Z',
        info: { ...PRIYA, mcs: 64, alertedMCS: 1, source: 'APP', device: 'DESKTOP', firstConversation: false, firstIntentName: 'upgrade' },
        sdes: [
            sde('CUSTOMER_INFO', '1769904060000', {
                customerStatus: 'pending',
                customerType: 'silver',
                balance: '900.50',
                currency: 'USD',
                customerId: 'MSG-CUST-0042',
                userName: 'amorgan',
                companySize: '10',
                companyBranch: 'Hamburg',
                loginStatus: '0',
                registrationDate: { day: '23', month: '5', year: '2019' },
            }),
            sde('CUSTOMER_INFO', messagingLatestCustomerInfoTimeStamp, messagingLatestCustomerInfo),
            sde('PERSONAL_INFO', '1769904060001', {
                name: 'Alex',
                surname: 'Morgan',
                gender: 'FEMALE',
                company: 'Acme Corp',
                language: 'en-GB',
                customerAge: { customerAgeInYears: '33.0', customerYearOfBirth: '1991', customerMonthOfBirth: '4', customerDateOfBirth: '15' },
                contacts: [{ personalContact: { email: 'alex.morgan@acme.example', phone: '+44-20-5550-0001' } }],
            }),
            sde('CUSTOMER_INFO', '1769904000500', { customerStatus: 'new', customerType: 'bronze', balance: '0', currency: 'USD', companyBranch: 'Munich' }),
            sde('PERSONAL_INFO', messagingLatestPersonalInfoTimeStamp, messagingLatestPersonalInfo),
        ],
    }),
);

/** A consumer whose only (open) conversation LivePerson truncated: `info.isPartial` is true. */
export const partialConsumerId = '5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
export const partialConversationId = '9a8b7c6d-5e4f-4321-a0b9-c8d7e6f5a4b3';
export const partialLatestCustomerInfo = deepFreeze({ customerType: 'platinum', balance: '99.99', currency: 'GBP', companySize: '3' });
export const partialLatestPersonalInfo = deepFreeze({
    name: 'Sam',
    surname: 'Lee',
    language: 'en-GB',
    contacts: [{ personalContact: { email: 'sam.lee@example.co.uk' } }],
});
export const partialConversation: SimConversation = deepFreeze({
    ...conversationOf(
        { participantId: partialConsumerId, firstName: 'Sam', lastName: 'Lee' },
        {
            conversationId: partialConversationId,
            start: '2026-02-02T00:00:00Z',
            sdes: [sde('CUSTOMER_INFO', '1769990460000', partialLatestCustomerInfo), sde('PERSONAL_INFO', '1769990460001', partialLatestPersonalInfo)],
        },
    ),
    isPartial: true,
});

/** A consumer LivePerson knows but who has no conversations: every search for it is empty. */
export const emptyConsumerId = 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6';

/**
 * Twelve conversations over a year (2025-03 to 2026-02), eleven closed and the newest open, with four agents and
 * skills, MCS from -1 to 1, CSAT (some named `csatRate`, as in the docs' example) and summaries. Listed here out of
 * time order; the simulator answers oldest first.
 */
export const longHistoryConsumerId = 'a7c3e9f1-2b4d-4f6a-8c0e-1d3f5a7b9c2e';
/** `6b1f0c2e-4a5d-4e8f-9a7b-000000000001` (the oldest) to `…012` (the open one). */
export const longHistoryConversationId = (index: number) => `6b1f0c2e-4a5d-4e8f-9a7b-${String(index).padStart(12, '0')}`;

const robin: SimConsumerParticipant = { participantId: longHistoryConsumerId, firstName: 'Robin', lastName: 'Fischer', email: 'robin.fischer@example.de' };

type Agent = typeof PRIYA;
type Closing = typeof AGENT_CLOSED;
type Scores = Pick<SimConversationInfo, 'mcs' | 'alertedMCS' | 'csat' | 'csatRate'>;

// Robin's closed conversations, out of time order: index, start, minutes, agent, how it closed, channel, scores, first intent, summary.
const ROBINS_CLOSED: [number, string, number, Agent, Closing, object, Scores, string, string?][] = [
    [7, '2025-09-09T13:20Z', 15, DANA, CONSUMER_CLOSED, SMS, { mcs: 60, alertedMCS: 0, csat: 4 }, 'refund', 'Duplicate charge refunded.'],
    [1, '2025-03-04T09:15Z', 18, PRIYA, AGENT_CLOSED, WEB, { mcs: 81, alertedMCS: 1, csat: 5 }, 'pricing', 'Asked about team plans; sent the pricing sheet.'],
    [2, '2025-04-11T14:02Z', 25, DANA, CONSUMER_CLOSED, MOBILE_APP, { mcs: 64, alertedMCS: 1, csatRate: 4 }, 'invoice_copy', 'Resent the March invoice.'],
    [3, '2025-05-20T08:40Z', 42, MARCO, AGENT_CLOSED, WEB, { mcs: 38, alertedMCS: 0, csat: 3 }, 'login_problem', 'Locked out after a reset; unlocked.'],
    [4, '2025-06-02T17:55Z', 6, BOT, SYSTEM_CLOSED, MOBILE_APP, { mcs: 55, alertedMCS: 0 }, 'order_status'],
    [5, '2025-07-15T11:30Z', 33, MARCO, AGENT_CLOSED, WEB, { mcs: 22, alertedMCS: -1, csat: 2 }, 'sync_error', 'Sync failing; escalated (ticket 4471).'],
    [6, '2025-08-01T10:05Z', 21, MARCO, AGENT_CLOSED, WEB, { mcs: 70, alertedMCS: 1, csatRate: 5 }, 'sync_error', 'Ticket 4471 fixed, confirmed.'],
    [8, '2025-10-22T16:45Z', 28, PRIYA, AGENT_CLOSED, WEB, { mcs: 77, alertedMCS: 1, csat: 5 }, 'upgrade', 'Upgraded to the Business plan.'],
    [9, '2025-11-30T19:10Z', 9, BOT, SYSTEM_CLOSED, MOBILE_APP, { mcs: 48, alertedMCS: 0 }, 'order_status'],
    [10, '2025-12-16T09:00Z', 37, DANA, AGENT_CLOSED, WEB, { mcs: 45, alertedMCS: 0, csat: 3 }, 'invoice_dispute', 'December invoice disputed; credited.'],
    [11, '2026-01-27T15:35Z', 24, MARCO, CONSUMER_CLOSED, MOBILE_APP, { mcs: 83, alertedMCS: 1, csat: 5 }, 'reports', 'Showed how to export reports.'],
];

/** The SDEs some of Robin's conversations carry, by index. */
const ROBINS_SDES: Record<number, SimSdeEvent[]> = {
    1: [sde('CUSTOMER_INFO', '1741079760000', { customerStatus: 'trial', customerType: 'trial', customerId: 'RF-2025-0311' })],
    8: [sde('PURCHASE', '1761152100000', { total: '480.00', currency: 'EUR', orderId: 'RF-ORD-1022', cart: { total: '480.00', numItems: '1', products: [] } })],
    12: [
        sde('CUSTOMER_INFO', '1770718860000', {
            customerStatus: 'active',
            customerType: 'business',
            balance: '0.00',
            currency: 'EUR',
            customerId: 'RF-2025-0311',
            companySize: '40',
            registrationDate: { year: '2025', month: '3', day: '4' },
        }),
        sde('PERSONAL_INFO', '1770718860001', {
            name: 'Robin',
            surname: 'Fischer',
            language: 'de-DE',
            contacts: [{ personalContact: { email: 'robin.fischer@example.de', phone: '+49-89-5550-7788' } }],
        }),
    ],
};

const robinsConversation = (index: number, seed: Omit<ConversationSeed, 'conversationId' | 'sdes'>) =>
    conversationOf(robin, { ...seed, conversationId: longHistoryConversationId(index), sdes: ROBINS_SDES[index] });

const longHistory: SimConversation[] = [
    robinsConversation(12, {
        start: '2026-02-10T10:20Z',
        info: { ...PRIYA, ...WEB, mcs: 58, alertedMCS: 0, firstConversation: false, firstIntentName: 'renewal' },
    }),
    ...ROBINS_CLOSED.map(([index, start, minutes, agent, closing, channel, scores, firstIntentName, summary]) =>
        robinsConversation(index, {
            start,
            minutes,
            info: { ...agent, ...closing, ...channel, ...scores, firstConversation: index === 1, firstIntentName },
            summary,
        }),
    ),
];

/** One open conversation and nothing before it (`firstConversation: true`). */
export const singleConversationConsumerId = 'f4e3d2c1-b0a9-4877-a665-544332211000';
const noor: SimConsumerParticipant = { participantId: singleConversationConsumerId, firstName: 'Noor', lastName: 'Aziz', email: 'noor.aziz@example.ae' };
const singleConversation = conversationOf(noor, {
    conversationId: 'e0d1c2b3-a495-4867-b8c9-dae0f1a2b3c4',
    start: '2026-02-05T12:00:00Z',
    info: { ...PRIYA, mcs: 50, alertedMCS: 0, ...MOBILE_APP, firstConversation: true, firstIntentName: 'product_question' },
    sdes: [
        sde('CUSTOMER_INFO', '1770292860000', { customerStatus: 'new', customerType: 'personal', customerId: 'NA-0001' }),
        sde('PERSONAL_INFO', '1770292860001', { name: 'Noor', surname: 'Aziz', contacts: [{ personalContact: { email: 'noor.aziz@example.ae' } }] }),
    ],
});

/** Unhappy: a closed conversation with CSAT 1 and an open one, both with MCS alerted negative (-1). */
export const negativeSentimentConsumerId = '0e9d8c7b-6a5f-4e4d-9c3b-2a1f0e9d8c7b';
const jordan: SimConsumerParticipant = { participantId: negativeSentimentConsumerId, firstName: 'Jordan', lastName: 'Blake' };
const negativeSentiment = [
    conversationOf(jordan, {
        conversationId: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081',
        start: '2026-01-12T08:00:00Z',
        minutes: 52,
        info: { ...MARCO, ...CONSUMER_CLOSED, mcs: 9, alertedMCS: -1, csat: 1, source: 'APP', firstConversation: true, firstIntentName: 'cancel_subscription' },
        summary: 'Angry about repeated outages; asked to cancel. Offered a credit, declined.',
    }),
    conversationOf(jordan, {
        conversationId: '2c3d4e5f-6071-4829-8b3c-4d5e6f708192',
        start: '2026-02-03T07:45:00Z',
        info: { ...DANA, mcs: 14, alertedMCS: -1, source: 'APP', firstConversation: false, firstIntentName: 'cancel_subscription' },
        sdes: [sde('CUSTOMER_INFO', '1770104760000', { customerStatus: 'cancelling', customerType: 'business', customerId: 'JB-7310' })],
    }),
];

/** A cart that came from the web page only (`unAuthSdes`, v=2): nothing authenticated, so nothing verified. */
export const unauthenticatedCartConsumerId = '3d4e5f60-7182-4a3b-9c4d-5e6f70819203';
const espressoCart = {
    total: '11.70',
    currency: 'USD',
    numItems: '6',
    products: [{ quantity: '6', product: { name: 'Espresso pods', category: 'coffee', sku: 'ESP-10', price: '1.95' } }],
};
const unauthenticatedCart = conversationOf(
    { participantId: unauthenticatedCartConsumerId, firstName: 'Visitor' },
    {
        conversationId: '4e5f6071-8293-4b4c-8d5e-6f708192a3b4',
        start: '2026-02-06T18:30:00Z',
        info: { ...BOT, mcs: 50, alertedMCS: 0, ...WEB, firstConversation: true },
        unAuthSdes: [sde('CART_STATUS', '1770402660000', espressoCart, true)],
    },
);

/** One SDE of every documented type in `sdes` (authenticated), and the same kinds with other values in `unAuthSdes`. */
export const everySdeConsumerId = '5f607182-93a4-4b5c-9d6e-7f8091a2b3c4';
export const everySdeConversationId = '60718293-a4b5-4c6d-8e7f-8091a2b3c4d5';

/** One event per type, stamped one millisecond apart from `at`. */
const oneOfEach = (fromPage: boolean, at: number, values: Record<keyof typeof SDE_SHAPES, Record<string, unknown>>) =>
    Object.entries(values).map(([type, payload], index) => sde(type as keyof typeof SDE_SHAPES, String(at + index), payload, fromPage));

// Jin's authenticated customer and personal info: every documented field.
const jinsAccount = { customerStatus: 'active', customerType: 'premium', balance: '2500.00', currency: 'USD', companySize: '120', loginStatus: '1' };
const jinsIdentifiers = {
    customerId: 'JK-2018-0309',
    socialId: 'tw-998877',
    imei: '356938035643809',
    userName: 'jkim',
    accountName: 'Kim Logistics',
    role: 'buyer',
};
const jinsDates = { registrationDate: { year: '2018', month: '3', day: '9' }, lastPaymentDate: { year: '2026', month: '1', day: '28' } };
const jinsAge = { customerAgeInYears: '41.0', customerYearOfBirth: '1984', customerMonthOfBirth: '9', customerDateOfBirth: '2' };
const jinsContacts = [{ personalContact: { email: 'jin.kim@example.kr', phone: '+82-2-5550-0101' } }];

const everySde = conversationOf(
    { participantId: everySdeConsumerId, firstName: 'Jin', lastName: 'Kim', email: 'jin.kim@example.kr', phone: '+82-2-5550-0101' },
    {
        conversationId: everySdeConversationId,
        start: '2026-02-08T01:00:00Z',
        info: { ...PRIYA, mcs: 66, alertedMCS: 1, ...WEB, firstConversation: false, firstIntentName: 'bulk_order' },
        sdes: oneOfEach(false, 1770512460000, {
            CUSTOMER_INFO: { ...jinsAccount, ...jinsIdentifiers, companyBranch: 'Seoul', storeNumber: '17', storeZipCode: '04524', ...jinsDates },
            PERSONAL_INFO: {
                name: 'Jin',
                surname: 'Kim',
                gender: 'FEMALE',
                company: 'Kim Logistics',
                language: 'ko-KR',
                customerAge: jinsAge,
                contacts: jinsContacts,
            },
            CART_STATUS: {
                total: '129.90',
                currency: 'USD',
                numItems: '2',
                products: [
                    { quantity: '1', product: { name: 'Pallet jack', category: 'equipment', sku: 'PJ-200', price: '99.90' } },
                    { quantity: '1', product: { name: 'Stretch film', category: 'supplies', sku: 'SF-18', price: '30.00' } },
                ],
            },
            PURCHASE: {
                total: '450.00',
                currency: 'USD',
                orderId: 'JK-ORD-5521',
                cart: {
                    total: '450.00',
                    numItems: '1',
                    products: [{ quantity: '1', product: { name: 'Hand truck', category: 'equipment', sku: 'HT-9', price: '450.00' } }],
                },
            },
            // The docs' example gives this quantity as a number.
            VIEWED_PRODUCT: {
                currency: 'USD',
                products: [{ quantity: 3, product: { name: 'Forklift battery', category: 'parts', sku: 'FB-48', price: '1200.00' } }],
            },
            LEAD: { topic: 'fleet leasing', value: '15000.00', currency: 'USD', leadId: 'JK-LEAD-77' },
            SERVICE_ACTIVITY: { topic: 'delivery delayed', status: '1', category: 'logistics', serviceId: 'JK-SRV-301' },
            VISITOR_ERROR: { contextId: 'checkout', message: 'Card declined', code: 'er200001', level: '2', resolved: 'false' },
            SEARCH_CONTENT: { keywords: ['pallet jack', 'stretch film'] },
            MARKETING_CAMPAIGN_INFO: { originatingChannel: '2', affiliate: 'Newsletter', campaignId: 'SPRING-2026' },
        }),
        unAuthSdes: oneOfEach(true, 1770512520000, {
            CUSTOMER_INFO: { customerType: 'vip', balance: '99999.00', currency: 'USD', customerId: 'TYPED-ON-PAGE-1' },
            PERSONAL_INFO: { name: 'Jinny', surname: 'K.', contacts: [{ personalContact: { email: 'typed-on-page@example.com' } }] },
            CART_STATUS: {
                total: '7.80',
                currency: 'USD',
                numItems: '1',
                products: [{ quantity: '1', product: { name: 'Label roll', category: 'supplies', sku: 'LR-1', price: '7.80' } }],
            },
            PURCHASE: { total: '78.00', currency: null, orderId: 'PAGE-ORD-1', cart: { total: null, serverTimeStamp: null, products: [], numItems: null } },
            VIEWED_PRODUCT: {
                currency: 'USD',
                products: [{ quantity: 1, product: { name: 'Dock leveler', category: 'equipment', sku: 'DL-3', price: '3400.00' } }],
            },
            LEAD: { topic: 'newsletter signup', value: '0', currency: null, leadId: 'PAGE-LEAD-1' },
            SERVICE_ACTIVITY: { topic: 'track order', status: '0', category: 'support', serviceId: 'PAGE-SRV-1' },
            VISITOR_ERROR: { contextId: 'login', message: 'Expiration date missing', code: 'er100004', level: null, resolved: null },
            SEARCH_CONTENT: { keywords: ['returns policy'] },
            MARKETING_CAMPAIGN_INFO: { originatingChannel: '1', affiliate: 'Yahoo', campaignId: 'US coupon campaign' },
        }),
    },
);

export const messagingConsumers: Record<string, SimConversation[]> = deepFreeze({
    [messagingConsumerId]: [closedConversation, openConversation],
    [partialConsumerId]: [partialConversation],
    [emptyConsumerId]: [],
    [longHistoryConsumerId]: longHistory,
    [singleConversationConsumerId]: [singleConversation],
    [negativeSentimentConsumerId]: negativeSentiment,
    [unauthenticatedCartConsumerId]: [unauthenticatedCart],
    [everySdeConsumerId]: [everySde],
});

// ---- Accounts and users ----

/** OAuth2 bot user: appKey = client id, secret = client secret, access token fields the literal "dummy". */
export const botUser: SimUser = deepFreeze({
    username: 'rc-bot',
    appKey: 'app-key-1',
    secret: 'app-secret-1',
    accessToken: 'dummy',
    accessTokenSecret: 'dummy',
});

export const humanUser: SimUser = deepFreeze({ username: 'agent.smith', password: 's3cret-Passw0rd' });

export const primaryAccountId = '12345678';
export const primaryAccountDomain = 'va.agentvep.liveperson.net';
export const primaryAccount: SimAccount = deepFreeze({
    accountId: primaryAccountId,
    domain: primaryAccountDomain,
    users: [botUser, humanUser],
    participants: {
        [seedParticipantId]: seedParticipant,
        [stringNumbersParticipantId]: stringNumbersParticipant,
        [unauthenticatedParticipantId]: unauthenticatedParticipant,
        [twoContactsParticipantId]: twoContactsParticipant,
        [singleContactObjectParticipantId]: singleContactObjectParticipant,
        [undefinedCompanySizeParticipantId]: undefinedCompanySizeParticipant,
    },
    consumers: messagingConsumers,
});

/** Same bot user name as the primary account but other secrets: credentials are per account. */
export const secondaryBotUser: SimUser = deepFreeze({
    username: 'rc-bot',
    appKey: 'app-key-2',
    secret: 'app-secret-2',
    accessToken: 'dummy',
    accessTokenSecret: 'dummy',
});

export const secondaryAccountId = '87654321';
export const secondaryAccountDomain = 'lo.agentvep.liveperson.net';
export const secondaryAccount: SimAccount = deepFreeze({
    accountId: secondaryAccountId,
    domain: secondaryAccountDomain,
    users: [secondaryBotUser],
    participants: { [twoContactsParticipantId]: twoContactsParticipant },
});

export const sampleAccounts: SimAccount[] = deepFreeze([primaryAccount, secondaryAccount]);

// ---- Login bodies, as the app should send them ----

export const botLoginBody = deepFreeze({
    username: botUser.username,
    appKey: 'app-key-1',
    secret: 'app-secret-1',
    accessToken: 'dummy',
    accessTokenSecret: 'dummy',
});

export const humanLoginBody = deepFreeze({ username: humanUser.username, password: 's3cret-Passw0rd' });
