import { checkSignedId, looksSigned, visitorBinding } from '../../src/visitor/signedId';
import { participantChoice } from '../../src/visitor/participantChoice';
import { bindingOf, signJwt, signedLivePersonId } from '../support/signedIds';

const NOW = Date.parse('2026-06-01T10:00:00Z');
const SECRET = 'website-shared-secret';
const TOKEN = 'visitor-token-123';
const expected = { secret: SECRET, accountId: '12345678', binding: visitorBinding(TOKEN), nowMs: NOW };
const claims = { sub: 'p-1', aud: 'lp:12345678', exp: NOW / 1000 + 600, rcv: bindingOf(TOKEN) };

describe("a LivePerson id signed by the brand's website", () => {
    it("the app's binding of a visitor token is the website's: base64url(SHA-256(token))", () => {
        expect(visitorBinding(TOKEN)).toBe(bindingOf(TOKEN));
    });

    it('a good signature, audience, expiry and binding verify, and give the id', () => {
        expect(checkSignedId(signedLivePersonId({ sub: 'p-1', accountId: '12345678', visitorToken: TOKEN, secret: SECRET, nowMs: NOW }), expected)).toEqual({
            ok: true,
            subject: 'p-1',
        });
    });

    const [header, payload, signature] = signJwt(claims, SECRET).split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url')}.${signature}`;
    it.each([
        ['a tampered id', tampered, 'signature'],
        ['another secret', signJwt(claims, 'a guess'), 'signature'],
        ['another visitor (a copied value)', signJwt({ ...claims, rcv: bindingOf('another-token') }, SECRET), 'otherVisitor'],
        ['no binding', signJwt({ ...claims, rcv: undefined }, SECRET), 'otherVisitor'],
        ['another account', signJwt({ ...claims, aud: 'lp:87654321' }, SECRET), 'audience'],
        ['expired more than 5 minutes ago', signJwt({ ...claims, exp: NOW / 1000 - 301 }, SECRET), 'expired'],
        ['no expiry', signJwt({ ...claims, exp: undefined }, SECRET), 'expired'],
        ['not valid yet', signJwt({ ...claims, nbf: NOW / 1000 + 301 }, SECRET), 'notYetValid'],
        ['alg none', `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`, 'algorithm'],
        ['alg HS512', signJwt(claims, SECRET, { alg: 'HS512' }), 'algorithm'],
        ['not JSON inside', 'e30.bm90LWpzb24.c2ln', 'malformed'],
        ['not a JWT at all', 'p-1', 'malformed'],
    ])('%s stays unverified (%s)', (_name, value, problem) => {
        expect(checkSignedId(value, expected)).toEqual({ ok: false, problem });
    });

    it('within the 5 minutes of clock skew, an expired value still verifies', () => {
        expect(checkSignedId(signJwt({ ...claims, exp: NOW / 1000 - 299 }, SECRET), expected)).toMatchObject({ ok: true });
    });

    it('without a secret set, nothing verifies', () => {
        expect(checkSignedId(signJwt(claims, SECRET), { ...expected, secret: undefined })).toEqual({ ok: false, problem: 'noSecret' });
    });

    it('only a value written as a JWT is read as a signed one', () => {
        expect(looksSigned(signJwt(claims, SECRET))).toBe(true);
        expect(looksSigned('55fc1779-83b0-4e8b-8eea-503a8eaf8822')).toBe(false);
    });
});

describe('the visitor field, signed or not', () => {
    const visitor = (value: string, token = TOKEN) => ({
        id: 'v-1',
        username: 'guest',
        emails: [],
        phones: [],
        livechatData: { lpId: value },
        customFields: {},
        externalIds: [],
        binding: visitorBinding(token),
    });
    const mapping = {
        ownAppId: 'me',
        accountId: '12345678',
        participantAppIds: [],
        participantField: 'lpId',
        signingSecret: SECRET,
        sourceMode: 'auto' as const,
        link: undefined,
        nowMs: NOW,
    };

    it('verified by the website: its own trust, and the id it signed', () => {
        expect(participantChoice(visitor(signJwt(claims, SECRET)), mapping)).toEqual({
            kind: 'found',
            ref: { source: 'chat', participantId: 'p-1' },
            source: { kind: 'signedField', field: 'lpId' },
            trust: 'signed',
        });
    });

    it('a copy in another visitor’s field is visitor-editable, and says why', () => {
        expect(participantChoice(visitor(signJwt(claims, SECRET), 'the-copier-token'), mapping)).toEqual({
            kind: 'found',
            ref: { source: 'chat', participantId: 'p-1' },
            source: { kind: 'field', field: 'lpId', signature: 'otherVisitor' },
            trust: 'visitorEditable',
        });
    });

    it('a signed Messaging id follows the product setting: msg:<id> is a consumer, refused while the admin chose chat', () => {
        const messaging = visitor(signJwt({ ...claims, sub: 'msg:c-9' }, SECRET));
        expect(participantChoice(messaging, mapping)).toMatchObject({ ref: { source: 'messaging', consumerId: 'c-9' }, trust: 'signed' });
        expect(participantChoice(messaging, { ...mapping, sourceMode: 'chat' })).toEqual({ kind: 'none' });
    });
});
