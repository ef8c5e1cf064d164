import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

import { parseJsonText } from '../liveperson/exchange';
import { isRecord } from '../liveperson/tolerant';

/**
 * A LivePerson id the brand's website vouches for: a JWT (RFC 7519) signed with HS256 and a secret the website
 * shares with this app, put into the visitor field the admin named. The visitor can copy it but not forge it,
 * and `rcv` binds it to one Rocket.Chat visitor without putting their token where agents can read it.
 * Claims: `sub` the LivePerson id, `aud` `lp:<accountId>`, `exp`, `rcv` base64url(SHA-256(visitor token)).
 * Hashing is noble's pure JavaScript: it loads in every runtime the app runs in, with no host module.
 */
export type SignedIdProblem = 'malformed' | 'algorithm' | 'signature' | 'audience' | 'expired' | 'notYetValid' | 'otherVisitor' | 'noSecret';

export type SignedIdCheck = { ok: true; subject: string } | { ok: false; problem: SignedIdProblem };

/** Clocks of the website and of Rocket.Chat may disagree by this much. */
const CLOCK_SKEW_SECONDS = 300;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** A value written as a JWT (three base64url parts): the website meant it to be signed. */
export const looksSigned = (value: string): boolean => JWT.test(value.trim());

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

const base64url = (data: Uint8Array): string => Buffer.from(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** base64url through plain base64, which every runtime's Buffer reads (padding optional). */
const fromBase64url = (part: string): Buffer => Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64');

/** What `rcv` must say for a visitor with this token. */
export const visitorBinding = (token: string): string => base64url(sha256(bytes(token)));

function decodePart(part: string): Record<string, unknown> | undefined {
    try {
        const parsed = parseJsonText(fromBase64url(part).toString('utf8'));
        return isRecord(parsed) ? parsed : undefined;
    } catch {
        return undefined;
    }
}

/** Compares in time that does not depend on where the two differ. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
    let difference = a.length ^ b.length;
    for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
    return difference === 0;
}

/** The `sub` claim of a signed id, read without believing it: what an unverified id points at. */
export function unverifiedSubject(value: string): string | undefined {
    const claims = decodePart(value.trim().split('.')[1] ?? '');
    return typeof claims?.sub === 'string' && claims.sub.trim() ? claims.sub.trim() : undefined;
}

export function checkSignedId(
    value: string,
    expected: { secret: string | undefined; accountId: string | undefined; binding: string | undefined; nowMs: number },
): SignedIdCheck {
    const token = value.trim();
    if (!JWT.test(token)) return { ok: false, problem: 'malformed' };
    if (!expected.secret) return { ok: false, problem: 'noSecret' };
    const [headerPart, payloadPart, signaturePart] = token.split('.');
    const header = decodePart(headerPart);
    const claims = decodePart(payloadPart);
    if (!header || !claims) return { ok: false, problem: 'malformed' };
    // Only HS256: "none" and every other algorithm (an RSA key's public half used as an HMAC secret) are refused.
    if (header.alg !== 'HS256') return { ok: false, problem: 'algorithm' };
    const signature = new Uint8Array(fromBase64url(signaturePart));
    if (!sameBytes(signature, hmac(sha256, bytes(expected.secret), bytes(`${headerPart}.${payloadPart}`)))) return { ok: false, problem: 'signature' };
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!expected.accountId || !audiences.includes(`lp:${expected.accountId}`)) return { ok: false, problem: 'audience' };
    const now = expected.nowMs / 1000;
    if (typeof claims.exp !== 'number' || now > claims.exp + CLOCK_SKEW_SECONDS) return { ok: false, problem: 'expired' };
    if (typeof claims.nbf === 'number' && now < claims.nbf - CLOCK_SKEW_SECONDS) return { ok: false, problem: 'notYetValid' };
    const rcv = typeof claims.rcv === 'string' ? claims.rcv : '';
    if (!expected.binding || !sameBytes(bytes(rcv), bytes(expected.binding))) return { ok: false, problem: 'otherVisitor' };
    return typeof claims.sub === 'string' && claims.sub.trim() ? { ok: true, subject: claims.sub.trim() } : { ok: false, problem: 'malformed' };
}
