/**
 * Sample LivePerson data for tests: participants (the seed page's example and the awkward shapes the API family is
 * known to send), and two accounts with their users. Everything is deep-frozen so a test cannot change it for the
 * next one; the simulator copies what it is given.
 */
import type { SimAccount, SimUser } from './liveperson-simulator';

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
