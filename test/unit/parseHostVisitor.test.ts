import { bindingOf } from '../support/signedIds';
import { parseHostVisitor } from '../../src/visitor/parseHostVisitor';

const seedVisitor = {
    id: '6a22b1765528fa64dd29de70',
    token: 'secret-token',
    username: 'guest-10',
    status: 'online',
    updatedAt: '2026-06-05T11:22:30.665Z',
    name: 'Postman Test Visitor',
    phone: [{ phoneNumber: '+15551234567' }],
    visitorEmails: [{ address: 'postman-test@example.com' }],
    department: 'dept-1',
    externalIds: [{ appId: 'app-1', entityId: 'ent-1', metadata: { username: 'wa-user', nested: { a: 1 } } }],
};

describe('reading the host visitor', () => {
    it('keeps every field of visitors.info and drops the token', () => {
        const visitor = parseHostVisitor({ ...seedVisitor, _unmappedProperties_: { ts: new Date('2026-06-05T11:22:30.664Z') } });
        expect(visitor).toEqual({
            id: '6a22b1765528fa64dd29de70',
            username: 'guest-10',
            name: 'Postman Test Visitor',
            status: 'online',
            createdAt: '2026-06-05T11:22:30.664Z',
            updatedAt: '2026-06-05T11:22:30.665Z',
            emails: ['postman-test@example.com'],
            phones: ['+15551234567'],
            departmentId: 'dept-1',
            livechatData: {},
            customFields: {},
            externalIds: [{ appId: 'app-1', entityId: 'ent-1', metadata: { username: 'wa-user', nested: '{"a":1}' } }],
            // Only the token's hash, what a signed id's `rcv` claim must say.
            binding: bindingOf('secret-token'),
        });
        expect(JSON.stringify(visitor)).not.toContain('secret-token');
    });

    it('reads the first contact, the last chat and the contact id where a real host puts them: under _unmappedProperties_', () => {
        const visitor = parseHostVisitor({
            ...seedVisitor,
            _unmappedProperties_: {
                ts: new Date('2026-06-05T11:22:30.664Z'),
                lastChat: { _id: 'room-1', ts: new Date('2026-06-07T08:00:00.000Z') },
                contactId: 'contact-1',
                ip: '203.0.113.7',
            },
        });
        expect(visitor).toMatchObject({ createdAt: '2026-06-05T11:22:30.664Z', lastChatAt: '2026-06-07T08:00:00.000Z', contactId: 'contact-1' });
        expect(JSON.stringify(visitor)).not.toContain('203.0.113.7');
    });

    it('a host before external ids gives none (undefined), which is not the same as an empty list', () => {
        const { externalIds: _ignored, ...older } = seedVisitor;
        expect(parseHostVisitor(older)?.externalIds).toBeUndefined();
        expect(parseHostVisitor({ ...seedVisitor, externalIds: [] })?.externalIds).toEqual([]);
    });

    it('one odd field or one malformed external id loses nothing else', () => {
        const visitor = parseHostVisitor({ ...seedVisitor, name: 42, updatedAt: 'not a date', externalIds: [{ appId: 1 }, { appId: 'ok', entityId: 'x' }] });
        expect(visitor?.name).toBeUndefined();
        expect(visitor?.updatedAt).toBeUndefined();
        expect(visitor?.username).toBe('guest-10');
        expect(visitor?.externalIds).toEqual([{ appId: 'ok', entityId: 'x' }]);
    });

    it('dates from another realm (no instanceof) are read too', () => {
        const foreignDate = { getTime: () => Date.UTC(2026, 0, 2) };
        expect(parseHostVisitor({ ...seedVisitor, updatedAt: foreignDate })?.updatedAt).toBe('2026-01-02T00:00:00.000Z');
    });

    it('without an id there is no visitor', () => {
        expect(parseHostVisitor({ username: 'x' })).toBeUndefined();
        expect(parseHostVisitor(undefined)).toBeUndefined();
    });
});
