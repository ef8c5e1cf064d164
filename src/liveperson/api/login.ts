import type { LivePersonCredentials, LivePersonSettings } from '../../settings/AppConfig';
import type { LivePersonContext } from '../LivePersonCall';
import type { LivePersonSession } from '../session';
import { sessionTtl } from '../sessionPolicy';
import { isLivePersonHost } from './destinations';
import type { LivePersonService } from './domain';
import { parseJson, send } from './exchange';
import { loginResponseSchema } from './schemas';

export interface LoginAnswer {
    session: LivePersonSession;
    /** The account's hosts as the login answer lists them (LivePerson hosts only; anything else is dropped). */
    hosts: Partial<Record<LivePersonService, string>>;
    /** The answer listed a host outside liveperson.net for a service the app uses. */
    refusedHost: boolean;
}

/** Logs in to the Login Service on `host` with the settings' credentials. */
export async function login(call: LivePersonContext, host: string, settings: LivePersonSettings): Promise<LoginAnswer> {
    const response = await send(call, {
        step: 'login',
        method: 'post',
        host,
        path: `/api/account/${encodeURIComponent(settings.accountId)}/login?v=1.3`,
        body: loginBody(settings.credentials),
    });
    const body = parseJson(call, 'login', response, loginResponseSchema);
    const hosts: LoginAnswer['hosts'] = {};
    let refusedHost = false;
    for (const entry of body.csdsCollectionResponse?.baseURIs ?? []) {
        if (entry.service !== 'agentVep' && entry.service !== 'msgHist') continue;
        if (isLivePersonHost(entry.baseURI)) {
            hosts[entry.service] = entry.baseURI;
        } else {
            refusedHost = true;
        }
    }
    const now = Date.now();
    return {
        session: {
            fingerprint: settings.fingerprint,
            accountId: settings.accountId,
            domain: host,
            bearer: body.bearer,
            csrf: body.csrf ?? '',
            sessionCookie: sessionCookieFrom(response.headers['set-cookie']) ?? '',
            ttlMs: sessionTtl(body.sessionTTl),
            createdAt: now,
            refreshedAt: now,
            lastUsedAt: now,
        },
        hosts,
        refusedHost,
    };
}

/** Refresh (LivePerson's keep-alive) and logout prove the session with its cookie and csrf token, not the bearer. */
export async function loginServiceCall(call: LivePersonContext, session: LivePersonSession, step: 'refresh' | 'logout'): Promise<void> {
    await send(call, {
        step,
        method: 'post',
        host: session.domain,
        path: `/api/account/${encodeURIComponent(session.accountId)}/${step}?v=1.3`,
        headers: { Cookie: `Session_id=${session.sessionCookie}` },
        body: { csrf: session.csrf },
    });
}

function loginBody(credentials: LivePersonCredentials): Record<string, string> {
    if (credentials.type === 'password') {
        return { username: credentials.username, password: credentials.password };
    }
    return {
        username: credentials.username,
        appKey: credentials.appKey,
        secret: credentials.secret,
        accessToken: credentials.accessToken,
        accessTokenSecret: credentials.accessTokenSecret,
    };
}

/** Hosts join several Set-Cookie headers with ", " (or give an array): find Session_id wherever it is. */
function sessionCookieFrom(header: string | undefined): string | undefined {
    return header ? /(?:^|[;,]\s*)Session_id=([^;,\s]+)/.exec(header)?.[1] : undefined;
}
