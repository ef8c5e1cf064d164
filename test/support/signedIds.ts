/**
 * What a brand's website does to vouch for a visitor's LivePerson id: an HS256 JWT with Node's own crypto (the
 * app verifies with another implementation), bound to the visitor's Rocket.Chat token by its SHA-256.
 */
import { createHash, createHmac } from 'node:crypto';

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export const bindingOf = (visitorToken: string): string => base64url(createHash('sha256').update(visitorToken).digest());

export function signJwt(claims: Record<string, unknown>, secret: string, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
    const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
    return `${unsigned}.${base64url(createHmac('sha256', secret).update(unsigned).digest())}`;
}

/** The website's signed id for a visitor: valid for 10 minutes from `nowMs`, unless `ttlSeconds` says otherwise. */
export function signedLivePersonId(options: {
    sub: string;
    accountId: string;
    visitorToken: string;
    secret: string;
    nowMs?: number;
    ttlSeconds?: number;
}): string {
    const now = Math.floor((options.nowMs ?? Date.now()) / 1000);
    const exp = now + (options.ttlSeconds ?? 600);
    return signJwt({ sub: options.sub, aud: `lp:${options.accountId}`, exp, rcv: bindingOf(options.visitorToken) }, options.secret);
}
