import { participantIdProblem } from '../../src/liveperson/model';
import { linkedEntityId, targetOfEntity, targetOfTypedId, unlinkedEntityId } from '../../src/visitor/entityIds';
import type { HostVisitor } from '../../src/visitor/HostVisitor';
import type { LinkRecord } from '../../src/visitor/linkRecords';
import { participantChoice, type ParticipantMapping } from '../../src/visitor/participantChoice';

const OWN_APP = '220e9cc3-3aaf-4e8f-b541-4992a847fa3c';
const visitor = (overrides: Partial<HostVisitor>): HostVisitor => ({
    id: 'visitor-1',
    username: 'guest-1',
    emails: [],
    phones: [],
    livechatData: {},
    customFields: {},
    externalIds: [],
    ...overrides,
});
const mapping = (overrides: Partial<ParticipantMapping> = {}): ParticipantMapping => ({
    ownAppId: OWN_APP,
    accountId: '12345678',
    participantAppIds: ['whatsapp-app', 'sso-app'],
    participantField: 'lpParticipantId',
    signingSecret: undefined,
    sourceMode: 'auto',
    link: undefined,
    nowMs: Date.parse('2026-06-01T10:00:00Z'),
    ...overrides,
});
const record = (entityId: string): LinkRecord => ({
    visitorId: 'visitor-1',
    entityId,
    linkedBy: { id: 'u1', username: 'alice', name: 'Alice' },
    linkedAt: '2026-06-01T10:00:00.000Z',
});

describe('choosing the LivePerson consumer of a visitor, and how far to trust it', () => {
    it("an agent's link wins over every other source, and says who linked it", () => {
        const choice = participantChoice(
            visitor({
                externalIds: [
                    { appId: 'whatsapp-app', entityId: 'from-whatsapp' },
                    { appId: OWN_APP, entityId: linkedEntityId('12345678', { source: 'chat', id: 'from-link' }) },
                ],
                livechatData: { lpParticipantId: 'from-field' },
            }),
            mapping({ link: record(linkedEntityId('12345678', { source: 'chat', id: 'from-link' })) }),
        );
        expect(choice).toEqual({
            kind: 'found',
            ref: { source: 'chat', participantId: 'from-link' },
            source: { kind: 'link', linkedBy: { id: 'u1', username: 'alice', name: 'Alice' }, linkedAt: '2026-06-01T10:00:00.000Z' },
            trust: 'linked',
        });
    });

    it("this app's own external id without a record is still a link (who made it is unknown)", () => {
        const choice = participantChoice(visitor({ externalIds: [{ appId: OWN_APP, entityId: 'lp:12345678:p-9' }] }), mapping());
        expect(choice).toMatchObject({ kind: 'found', ref: { participantId: 'p-9' }, source: { kind: 'link' }, trust: 'linked' });
    });

    it('then the sign-in apps the admin listed, in their order: trusted', () => {
        const choice = participantChoice(
            visitor({
                externalIds: [
                    { appId: 'sso-app', entityId: 'from-sso' },
                    { appId: 'whatsapp-app', entityId: 'lp:12345678:from-whatsapp' },
                ],
            }),
            mapping(),
        );
        expect(choice).toEqual({
            kind: 'found',
            ref: { source: 'chat', participantId: 'from-whatsapp' },
            source: { kind: 'connector', appId: 'whatsapp-app' },
            trust: 'trusted',
        });
    });

    it('a visitor field is visitor-editable, and only used when the admin names one', () => {
        const field = visitor({ livechatData: { lpParticipantId: 'p-1' } });
        expect(participantChoice(field, mapping())).toMatchObject({ kind: 'found', ref: { participantId: 'p-1' }, trust: 'visitorEditable' });
        expect(participantChoice(field, mapping({ participantField: undefined }))).toEqual({ kind: 'none' });
    });

    it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('a field named %p is looked up as the visitor’s own field only', (name) => {
        expect(participantChoice(visitor({}), mapping({ participantField: name }))).toEqual({ kind: 'none' });
        const own = visitor({ livechatData: Object.fromEntries([[name, 'p-own']]) });
        expect(participantChoice(own, mapping({ participantField: name }))).toMatchObject({ kind: 'found', ref: { participantId: 'p-own' } });
    });

    it("another account's namespaced entry is ignored", () => {
        const choice = participantChoice(
            visitor({ externalIds: [{ appId: 'whatsapp-app', entityId: 'lp:87654321:other' }], livechatData: { lpParticipantId: 'p-1' } }),
            mapping(),
        );
        expect(choice).toMatchObject({ kind: 'found', ref: { participantId: 'p-1' }, source: { kind: 'field' } });
    });

    it('apps not listed by the admin are ignored', () => {
        expect(participantChoice(visitor({ externalIds: [{ appId: 'unknown-app', entityId: 'x' }] }), mapping())).toEqual({ kind: 'none' });
    });

    it('an unlinked marker falls through to the next source', () => {
        const choice = participantChoice(
            visitor({ externalIds: [{ appId: OWN_APP, entityId: unlinkedEntityId('visitor-1') }], livechatData: { lpParticipantId: 'p-3' } }),
            mapping(),
        );
        expect(choice).toMatchObject({ kind: 'found', ref: { participantId: 'p-3' } });
    });

    it('a value a visitor could have typed into a path is refused, not used', () => {
        expect(participantChoice(visitor({ livechatData: { lpParticipantId: '../../admin' } }), mapping())).toEqual({
            kind: 'invalid',
            source: { kind: 'field', field: 'lpParticipantId' },
        });
    });

    it('a messaging consumer: by the namespaced form, or any raw id when the admin says LivePerson is Messaging', () => {
        const msg = visitor({ externalIds: [{ appId: 'sso-app', entityId: 'lp:12345678:msg:consumer-1', metadata: { conversationId: 'conv-1' } }] });
        expect(participantChoice(msg, mapping())).toMatchObject({
            kind: 'found',
            ref: { source: 'messaging', consumerId: 'consumer-1', conversationId: 'conv-1' },
            trust: 'trusted',
        });
        expect(participantChoice(msg, mapping({ sourceMode: 'chat' }))).toEqual({ kind: 'none' });
        const raw = visitor({ externalIds: [{ appId: 'sso-app', entityId: 'consumer-2' }] });
        expect(participantChoice(raw, mapping({ sourceMode: 'messaging' }))).toMatchObject({ ref: { source: 'messaging', consumerId: 'consumer-2' } });
        expect(participantChoice(raw, mapping({ sourceMode: 'auto' }))).toMatchObject({ ref: { source: 'chat', participantId: 'consumer-2' } });
    });

    it('entity ids and typed ids read as chat or messaging', () => {
        expect(targetOfEntity('lp:12345678:msg:c-1', '12345678', 'auto')).toEqual({ source: 'messaging', id: 'c-1' });
        expect(targetOfEntity('lp:12345678:p-1', '12345678', 'messaging')).toEqual({ source: 'chat', id: 'p-1' });
        expect(targetOfEntity(unlinkedEntityId('v'), '12345678', 'auto')).toBeUndefined();
        expect(targetOfTypedId('msg:c-1', 'auto')).toEqual({ source: 'messaging', id: 'c-1' });
        expect(targetOfTypedId('p-1', 'messaging')).toEqual({ source: 'messaging', id: 'p-1' });
        // A messaging id while the admin chose chat points at nothing, typed or stored.
        expect(targetOfTypedId('msg:c-1', 'chat')).toBeUndefined();
        expect(linkedEntityId('12345678', { source: 'messaging', id: 'c-1' })).toBe('lp:12345678:msg:c-1');
    });

    it.each([
        ['', 'empty'],
        ['a'.repeat(129), 'tooLong'],
        ['a/b', 'forbiddenCharacter'],
        ['a?b', 'forbiddenCharacter'],
        ['a#b', 'forbiddenCharacter'],
        ['a%2Fb', 'forbiddenCharacter'],
        ['a..b', 'forbiddenCharacter'],
        ['a b', 'forbiddenCharacter'],
        ['a\u0001b', 'forbiddenCharacter'],
        ['55fc1779-83b0-4e8b-8eea-503a8eaf8822', undefined],
        ['a'.repeat(128), undefined],
    ])('participant id %p: %p', (id, problem) => {
        expect(participantIdProblem(id)).toBe(problem);
    });
});
