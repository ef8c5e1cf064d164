/**
 * Sample LivePerson data for tests: participants (the seed page's example and the awkward shapes the API family is
 * known to send), messaging consumers with their conversations (Messaging Interactions API), and two accounts with
 * their users. Everything is deep-frozen so a test cannot change it for the next one; the simulator copies what it
 * is given.
 */
import type { SimAccount, SimConversation, SimSdeEvent, SimUser } from './liveperson-simulator';

function deepFreeze<T>(value: T): T {
    if (typeof value === 'object' && value !== null) {
        for (const child of Object.values(value)) deepFreeze(child);
        Object.freeze(value);
    }
    return value;
}

// ---- Participants (bodies of GET .../participantExtendedInfo/{participantId}) ----

/** The example from LivePerson's "Retrieve Participant Info" page, unchanged. */
export const seedParticipantId = '55fc1779-83b0-4e8b-8eea-503a8eaf8822';
export const seedParticipant = deepFreeze({
    authenticatedParticipantInfo: {
        isUserAuthenticated: true,
        participantId: '55fc1779-83b0-4e8b-8eea-503a8eaf8822',
        balance: -400.99,
        registrationDate: { year: 2013, month: 5, day: 23 },
        lastPaymentDate: { year: 2014, month: 10, day: 15 },
        customerId: '57ac-072a-5d10-4506-721f-9ebf',
        customerStatus: 'cancelled',
        customerType: 'vip',
        socialId: '11256324780',
        imei: '3543546543545688',
        userName: 'testuser',
        companySize: 500,
        accountName: 'bank corp',
        role: 'broker',
    },
    authenticatedPersonalInfo: {
        name: 'Test',
        surname: 'User',
        contacts: [{ email: 'testuser@liveperson.com', phone: '+1-10-344-3765333' }],
    },
});

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

// ---- Messaging consumers (records of the Messaging Interactions API, service msgHist) ----
//
// SDE events arrive several per type; the latest by serverTimeStamp wins, and the array is deliberately not in time
// order (the latest CUSTOMER_INFO is neither first nor last), so a client that takes the first or the last event
// gets the wrong one. The latest events hold values typed as strings, as the API sends them without v=2; older ones
// hold numbers, so both shapes are exercised.

function customerInfoEvent(serverTimeStamp: string, customerInfo: Record<string, unknown>): SimSdeEvent {
    return { sdeType: 'CUSTOMER_INFO', serverTimeStamp, customerInfo: { serverTimeStamp, customerInfo } };
}

function personalInfoEvent(serverTimeStamp: string, personalInfo: Record<string, unknown>): SimSdeEvent {
    return { sdeType: 'PERSONAL_INFO', serverTimeStamp, personalInfo: { serverTimeStamp, personalInfo } };
}

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
    customerAge: '34',
    contacts: [{ personalContact: { email: 'alexandra.morgan@example.com', phone: '+49-30-5550-1234' } }],
});
export const messagingLatestCustomerInfoTimeStamp = '1769904300000';
export const messagingLatestPersonalInfoTimeStamp = '1769904300001';

const messagingConsumerParticipant = {
    participantId: messagingConsumerId,
    firstName: 'Alexandra',
    lastName: 'Morgan',
    email: 'alexandra.morgan@example.com',
    phone: '+49-30-5550-1234',
    token: 'undefined',
    joinTime: '2026-02-01 00:00:00.123+0000',
};

/** Older (2026-01-01) and closed; its SDEs are all older than those of the open conversation. */
export const closedConversation: SimConversation = deepFreeze({
    conversationId: closedConversationId,
    status: 'CLOSE',
    startTime: 1767225600000,
    endTime: 1767227400000,
    consumerParticipants: [{ ...messagingConsumerParticipant, firstName: 'Alex', joinTime: '2026-01-01 00:00:00.456+0000' }],
    sdes: {
        events: [
            customerInfoEvent('1767225660000', {
                customerStatus: 'trial',
                customerType: 'basic',
                balance: '10.00',
                currency: 'USD',
                customerId: 'MSG-CUST-0042',
                companyBranch: 'Cologne',
                loginStatus: 0,
            }),
            personalInfoEvent('1767225660001', {
                name: 'Alex',
                surname: 'Morgan',
                company: 'Old Startup',
                language: 'en-US',
                contacts: [{ personalContact: { email: 'alex@old.example.com' } }],
            }),
        ],
    },
});

/** Newer (2026-02-01) and open: three CUSTOMER_INFO (bronze, silver, gold) and two PERSONAL_INFO events. */
export const openConversation: SimConversation = deepFreeze({
    conversationId: openConversationId,
    status: 'OPEN',
    startTime: 1769904000000,
    consumerParticipants: [messagingConsumerParticipant],
    sdes: {
        events: [
            customerInfoEvent('1769904060000', {
                customerStatus: 'pending',
                customerType: 'silver',
                balance: 900.5,
                currency: 'USD',
                customerId: 'MSG-CUST-0042',
                userName: 'amorgan',
                companySize: 10,
                companyBranch: 'Hamburg',
                loginStatus: 0,
                registrationDate: { day: 23, month: 5, year: 2019 },
            }),
            customerInfoEvent(messagingLatestCustomerInfoTimeStamp, messagingLatestCustomerInfo),
            personalInfoEvent('1769904060001', {
                name: 'Alex',
                surname: 'Morgan',
                gender: 'FEMALE',
                company: 'Acme Corp',
                language: 'en-GB',
                customerAge: 33,
                contacts: [{ personalContact: { email: 'alex.morgan@acme.example', phone: '+44-20-5550-0001' } }],
            }),
            customerInfoEvent('1769904000500', {
                customerStatus: 'new',
                customerType: 'bronze',
                balance: '0',
                currency: 'USD',
                companyBranch: 'Munich',
            }),
            personalInfoEvent(messagingLatestPersonalInfoTimeStamp, messagingLatestPersonalInfo),
        ],
    },
});

/** A consumer whose only (open) conversation LivePerson truncated: `info.isPartial` is true. */
export const partialConsumerId = '5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
export const partialConversationId = '9a8b7c6d-5e4f-4321-a0b9-c8d7e6f5a4b3';
export const partialLatestCustomerInfo = deepFreeze({
    customerType: 'platinum',
    balance: '99.99',
    currency: 'GBP',
    companySize: '3',
});
export const partialLatestPersonalInfo = deepFreeze({
    name: 'Sam',
    surname: 'Lee',
    language: 'en-GB',
    contacts: [{ personalContact: { email: 'sam.lee@example.co.uk' } }],
});
export const partialConversation: SimConversation = deepFreeze({
    conversationId: partialConversationId,
    status: 'OPEN',
    startTime: 1769990400000,
    isPartial: true,
    consumerParticipants: [{ participantId: partialConsumerId, firstName: 'Sam', lastName: 'Lee' }],
    sdes: {
        events: [customerInfoEvent('1769990460000', partialLatestCustomerInfo), personalInfoEvent('1769990460001', partialLatestPersonalInfo)],
    },
});

/** A consumer LivePerson knows but who has no conversations: every search for it is empty. */
export const emptyConsumerId = 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6';

export const messagingConsumers: Record<string, SimConversation[]> = deepFreeze({
    [messagingConsumerId]: [closedConversation, openConversation],
    [partialConsumerId]: [partialConversation],
    [emptyConsumerId]: [],
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
