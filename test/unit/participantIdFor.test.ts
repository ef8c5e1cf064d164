import { participantIdProblem } from '../../src/liveperson/participantId';
import type { HostVisitor } from '../../src/visitor/HostVisitor';
import { linkedEntityId, participantIdFor, unlinkedEntityId } from '../../src/visitor/participantIdFor';

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
const mapping = { ownAppId: OWN_APP, accountId: '12345678', participantAppIds: ['whatsapp-app', 'sso-app'], participantField: 'lpParticipantId' };

describe('choosing the LivePerson participant of a visitor', () => {
    it("this app's own link wins over every other source", () => {
        const choice = participantIdFor(
            visitor({
                externalIds: [
                    { appId: 'whatsapp-app', entityId: 'from-whatsapp' },
                    { appId: OWN_APP, entityId: linkedEntityId('12345678', 'from-link') },
                ],
                livechatData: { lpParticipantId: 'from-field' },
            }),
            mapping,
        );
        expect(choice).toEqual({ kind: 'found', participantId: 'from-link', source: { kind: 'link' } });
    });

    it('then the listed apps in the order the admin gave', () => {
        const choice = participantIdFor(
            visitor({ externalIds: [{ appId: 'sso-app', entityId: 'from-sso' }, { appId: 'whatsapp-app', entityId: 'lp:12345678:from-whatsapp' }] }),
            mapping,
        );
        expect(choice).toEqual({ kind: 'found', participantId: 'from-whatsapp', source: { kind: 'externalId', appId: 'whatsapp-app' } });
    });

    it("another account's namespaced entry is ignored", () => {
        const choice = participantIdFor(visitor({ externalIds: [{ appId: 'whatsapp-app', entityId: 'lp:87654321:other' }], livechatData: { lpParticipantId: 'p-1' } }), mapping);
        expect(choice).toEqual({ kind: 'found', participantId: 'p-1', source: { kind: 'field', field: 'lpParticipantId' } });
    });

    it('apps not listed by the admin are ignored', () => {
        expect(participantIdFor(visitor({ externalIds: [{ appId: 'unknown-app', entityId: 'x' }] }), mapping)).toEqual({ kind: 'none' });
    });

    it('the visitor field works on hosts without external ids', () => {
        const choice = participantIdFor(visitor({ externalIds: undefined, customFields: { lpParticipantId: 'p-2' } }), mapping);
        expect(choice).toEqual({ kind: 'found', participantId: 'p-2', source: { kind: 'field', field: 'lpParticipantId' } });
    });

    it('an unlinked marker falls through to the next source', () => {
        const choice = participantIdFor(
            visitor({ externalIds: [{ appId: OWN_APP, entityId: unlinkedEntityId('visitor-1') }], livechatData: { lpParticipantId: 'p-3' } }),
            mapping,
        );
        expect(choice).toMatchObject({ kind: 'found', participantId: 'p-3' });
    });

    it('a value a visitor could have typed into a path is refused, not used', () => {
        expect(participantIdFor(visitor({ livechatData: { lpParticipantId: '../../admin' } }), mapping)).toEqual({
            kind: 'invalid',
            source: { kind: 'field', field: 'lpParticipantId' },
        });
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
