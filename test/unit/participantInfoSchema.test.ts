import { participantInfoSchema } from '../../src/liveperson/api/participantInfoSchema';
import { seedParticipant, stringNumbersParticipant } from '../support/liveperson-fixtures';

describe('parsing participantExtendedInfo', () => {
    it('every field of the seed becomes typed, dates as ISO dates', () => {
        const parsed = participantInfoSchema.parse(seedParticipant);
        expect(parsed).toEqual({
            source: 'chat',
            isUserAuthenticated: true,
            participantId: '55fc1779-83b0-4e8b-8eea-503a8eaf8822',
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
        });
    });

    it('a 12 MB string is cut at the parse: the cache holds no huge values', () => {
        const parsed = participantInfoSchema.parse({ authenticatedParticipantInfo: { isUserAuthenticated: true, accountName: 'x'.repeat(12_000_000) } });
        expect(parsed.accountName?.length).toBeLessThanOrEqual(1001);
    });

    it('numbers may arrive as strings', () => {
        const parsed = participantInfoSchema.parse(stringNumbersParticipant);
        expect(typeof parsed.balance === 'number' || parsed.balance === undefined).toBe(true);
        expect(typeof parsed.companySize === 'number' || parsed.companySize === undefined).toBe(true);
    });

    it('absent parts are fine and unknown extra fields are dropped', () => {
        expect(participantInfoSchema.parse({ authenticatedParticipantInfo: { isUserAuthenticated: true, brandNew: { x: 1 } }, extra: 1 })).toEqual({
            source: 'chat',
            isUserAuthenticated: true,
        });
        expect(participantInfoSchema.parse({ authenticatedPersonalInfo: { name: 'Ann' } })).toEqual({
            source: 'chat',
            personal: { name: 'Ann', contacts: [] },
        });
    });

    it.each([
        ['an empty object', {}],
        ['another service’s JSON', { baseURI: 'va.agentvep.liveperson.net', service: 'agentVep' }],
        ['both parts null', { authenticatedParticipantInfo: null, authenticatedPersonalInfo: null }],
    ])('%s is no participant-info document', (_name, body) => {
        expect(participantInfoSchema.safeParse(body).success).toBe(false);
    });

    it.each([
        ['an object where text is expected', { authenticatedParticipantInfo: 'yes' }],
        ['a list where an object is expected', { authenticatedPersonalInfo: [1, 2] }],
        ['an impossible date', { authenticatedParticipantInfo: { registrationDate: { year: 2013, month: 13, day: 1 } } }],
        ['a word where a number is expected', { authenticatedParticipantInfo: { balance: 'lots' } }],
    ])('%s is rejected', (_name, body) => {
        expect(participantInfoSchema.safeParse(body).success).toBe(false);
    });
});
