import * as z from 'zod/mini';

import type { LivePersonCredentials, LivePersonSettings } from '../settings/AppConfig';
import type { SettingsFreeCall } from './call';
import { DOMAIN_API_HOST, livePersonHost } from './destinations';
import { invalid, readJson, readStrict, send } from './exchange';
import { sessionTtl, type LivePersonSession } from './session';
import { isRecord, numeric, oneOrMany } from './tolerant';

/** The services the app talks to: the Login Service and Chat Agent API, and the Messaging Interactions API. */
export type LivePersonService = 'agentVep' | 'msgHist';

/**
 * Where a service of the account lives, from LivePerson's Domain API: one `{baseURI}`, or (as the docs' current
 * page shows for the same URL) the account's list of `{service, baseURI}`. A host outside liveperson.net is refused.
 */
export async function fetchServiceHost(call: SettingsFreeCall, accountId: string, service: LivePersonService): Promise<string> {
    const response = await send(call, {
        step: 'domain',
        method: 'get',
        host: DOMAIN_API_HOST,
        path: `/api/account/${encodeURIComponent(accountId)}/service/${service}/baseURI.json?version=1.0`,
    });
    const body = readJson(call, 'domain', response);
    const listed = isRecord(body)
        ? oneOrMany(body.baseURIs).find((entry) => isRecord(entry) && String(entry.service).toLowerCase() === service.toLowerCase())
        : undefined;
    const baseURI = isRecord(body) && typeof body.baseURI === 'string' ? body.baseURI : isRecord(listed) ? listed.baseURI : undefined;
    if (typeof baseURI !== 'string') return invalid(call, 'domain', response, `no host for ${service}`);
    return livePersonHost(baseURI) ?? invalid(call, 'domain', response, 'a host outside liveperson.net');
}

const loginAnswerSchema = z.object({
    bearer: z.string().check(z.minLength(1)),
    csrf: z.optional(z.string()),
    sessionTTl: z.optional(z.unknown()),
    csdsCollectionResponse: z.optional(z.unknown()),
});

/** A new session, and the account's hosts as the login answer lists them (LivePerson hosts only). */
export type LoginAnswer = { session: LivePersonSession; hosts: Partial<Record<LivePersonService, string>> };

/** Logs in to the Login Service on `host` with the settings' credentials. */
export async function login(call: SettingsFreeCall, host: string, settings: LivePersonSettings): Promise<LoginAnswer> {
    const response = await send(call, {
        step: 'login',
        method: 'post',
        host,
        path: `/api/account/${encodeURIComponent(settings.accountId)}/login?v=1.3`,
        body: loginBody(settings.credentials),
    });
    const body = readStrict(call, 'login', response, loginAnswerSchema);
    const hosts: LoginAnswer['hosts'] = {};
    const listed = isRecord(body.csdsCollectionResponse) ? oneOrMany(body.csdsCollectionResponse.baseURIs) : [];
    for (const entry of listed) {
        if (!isRecord(entry) || (entry.service !== 'agentVep' && entry.service !== 'msgHist') || typeof entry.baseURI !== 'string') continue;
        const named = livePersonHost(entry.baseURI);
        if (named) hosts[entry.service] = named;
        else
            call.logger.warn(`LivePerson's login answer listed a host outside liveperson.net: ignored [${call.reference}]`, {
                step: 'login',
                reference: call.reference,
            });
    }
    const ttl = numeric.safeParse(body.sessionTTl);
    const now = Date.now();
    return {
        session: {
            fingerprint: settings.fingerprint,
            accountId: settings.accountId,
            domain: host,
            bearer: body.bearer,
            csrf: body.csrf ?? '',
            cookies: cookiesFrom(response.headers['set-cookie']),
            ttlMs: sessionTtl(ttl.success ? ttl.data : undefined),
            createdAt: now,
            refreshedAt: now,
            lastUsedAt: now,
        },
        hosts,
    };
}

/**
 * Refresh (LivePerson's keep-alive) and logout prove the session with the cookies from login and the csrf
 * token, not the bearer. LivePerson documents both without a version; its own SDK sends v=1.3, as here.
 */
export async function loginServiceCall(call: SettingsFreeCall, session: LivePersonSession, step: 'refresh' | 'logout'): Promise<void> {
    await send(call, {
        step,
        method: 'post',
        host: session.domain,
        path: `/api/account/${encodeURIComponent(session.accountId)}/${step}?v=1.3`,
        headers: session.cookies ? { Cookie: session.cookies } : {},
        body: { csrf: session.csrf },
    });
}

function loginBody(credentials: LivePersonCredentials): Record<string, string> {
    if (credentials.type === 'password') return { username: credentials.username, password: credentials.password };
    const { username, appKey, secret, accessToken, accessTokenSecret } = credentials;
    return { username, appKey, secret, accessToken, accessTokenSecret };
}

/**
 * Every cookie the login set, as a Cookie header (LivePerson's clients keep the whole jar). Hosts join several
 * Set-Cookie headers with ", ", which also appears inside an Expires date: a new cookie starts at "name=".
 */
function cookiesFrom(header: string | undefined): string {
    return (header ?? '')
        .split(/,\s*(?=[\w!#$%&'*+.^`|~-]+=)/)
        .map((cookie) => cookie.split(';')[0].trim())
        .filter((pair) => /^[\w!#$%&'*+.^`|~-]+=/.test(pair))
        .join('; ');
}
