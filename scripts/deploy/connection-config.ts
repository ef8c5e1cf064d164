/**
 * Where to deploy and as whom, from three sources in increasing priority: `.rcappsconfig` (the file Rocket.Chat's
 * apps-cli users already have), the environment, then flags. Fields merge one by one, so a URL and username in the
 * file can be completed by a password from RC_PASSWORD, which keeps the secret out of the file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DeployError } from './errors';

export interface ConnectionFields {
    readonly url?: string;
    readonly username?: string;
    readonly password?: string;
    readonly userId?: string;
    readonly token?: string;
    /** Two-factor code for the login (flags and environment only: a code in a file would be stale). */
    readonly code?: string;
}

type Credentials =
    | { readonly kind: 'password'; readonly username: string; readonly password: string; readonly code?: string }
    | { readonly kind: 'token'; readonly userId: string; readonly token: string };

export interface ConnectionSettings {
    /** Root URL of the server, without credentials, query or trailing slash: safe to print. */
    readonly serverUrl: string;
    readonly credentials: Credentials;
}

const RCAPPSCONFIG_FILE = '.rcappsconfig';

const FILE_KEYS = ['url', 'username', 'password', 'userId', 'token'] as const;

/** Reads `.rcappsconfig` from `directory`; no file means no settings. Extra keys (e.g. ignoredFiles) are ignored. */
export async function loadRcAppsConfig(directory: string): Promise<ConnectionFields> {
    const file = path.join(directory, RCAPPSCONFIG_FILE);
    let text: string;
    try {
        text = await readFile(file, 'utf8');
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
            return {};
        }
        throw new DeployError('configuration', `Could not read ${file}: ${(error as Error).message}.`);
    }

    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        // The parser's message quotes the file's text, which may hold the password: say where, not what.
        throw new DeployError('configuration', `${file} is not valid JSON. Expected {"url", "username", "password"} or {"url", "userId", "token"}.`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new DeployError('configuration', `${file} must hold a JSON object such as {"url", "username", "password"}.`);
    }

    const fields: Record<string, string> = {};
    for (const key of FILE_KEYS) {
        const value = (parsed as Record<string, unknown>)[key];
        if (value === undefined || value === null || value === '') {
            continue;
        }
        if (typeof value !== 'string') {
            throw new DeployError('configuration', `"${key}" in ${file} must be a string.`);
        }
        fields[key] = value;
    }
    return fields;
}

/** The RC_* variables; empty values count as unset so `RC_TOKEN=` can switch a variable off. */
export function connectionFieldsFromEnv(env: Readonly<Record<string, string | undefined>>): ConnectionFields {
    const read = (name: string): string | undefined => (env[name] === '' ? undefined : env[name]);
    return {
        url: read('RC_URL'),
        username: read('RC_USERNAME'),
        password: read('RC_PASSWORD'),
        userId: read('RC_USER_ID'),
        token: read('RC_TOKEN'),
        code: read('RC_2FA_CODE'),
    };
}

export interface ConnectionSources {
    readonly flags: ConnectionFields;
    readonly env: ConnectionFields;
    readonly file: ConnectionFields;
}

const SOURCE_NAMES = ['flags', 'the environment', RCAPPSCONFIG_FILE] as const;

interface Picked {
    readonly value: string;
    /** 0 = flags, 1 = environment, 2 = file: lower wins. */
    readonly rank: number;
}

export function resolveConnection(sources: ConnectionSources): ConnectionSettings {
    const layers = [sources.flags, sources.env, sources.file];
    const pick = (field: keyof ConnectionFields): Picked | undefined => {
        for (let rank = 0; rank < layers.length; rank++) {
            const value = layers[rank][field];
            if (value !== undefined && value !== '') {
                return { value, rank };
            }
        }
        return undefined;
    };

    const url = pick('url');
    if (url === undefined) {
        throw new DeployError(
            'configuration',
            `No Rocket.Chat URL: pass --url <url>, set RC_URL, or add "url" to ${RCAPPSCONFIG_FILE} in the current directory.`,
        );
    }

    return { serverUrl: normaliseServerUrl(url.value, SOURCE_NAMES[url.rank]), credentials: chooseCredentials(pick) };
}

function chooseCredentials(pick: (field: keyof ConnectionFields) => Picked | undefined): Credentials {
    const username = pick('username');
    const password = pick('password');
    const userId = pick('userId');
    const token = pick('token');
    const code = pick('code')?.value;

    const passwordPair = username && password ? { username, password } : undefined;
    const tokenPair = userId && token ? { userId, token } : undefined;

    if (passwordPair && tokenPair) {
        // Both pairs are complete, typically a token in the file and a password in the environment. The pair given in
        // the higher-priority source is what the user meant this time; on a tie the token wins (no login, no 2FA).
        const passwordRank = Math.min(passwordPair.username.rank, passwordPair.password.rank);
        const tokenRank = Math.min(tokenPair.userId.rank, tokenPair.token.rank);
        if (passwordRank < tokenRank) {
            return { kind: 'password', username: passwordPair.username.value, password: passwordPair.password.value, code };
        }
        return { kind: 'token', userId: tokenPair.userId.value, token: tokenPair.token.value };
    }
    if (tokenPair) {
        return { kind: 'token', userId: tokenPair.userId.value, token: tokenPair.token.value };
    }
    if (passwordPair) {
        return { kind: 'password', username: passwordPair.username.value, password: passwordPair.password.value, code };
    }

    throw new DeployError('configuration', describeMissingCredentials({ username, password, userId, token }));
}

function describeMissingCredentials(given: Record<'username' | 'password' | 'userId' | 'token', Picked | undefined>): string {
    const from = (picked: Picked): string => SOURCE_NAMES[picked.rank];
    if (given.username && !given.password) {
        return `A username came from ${from(given.username)} but no password: pass --password, set RC_PASSWORD, or add "password" to ${RCAPPSCONFIG_FILE}.`;
    }
    if (given.password && !given.username) {
        return `A password came from ${from(given.password)} but no username: pass --username, set RC_USERNAME, or add "username" to ${RCAPPSCONFIG_FILE}.`;
    }
    if (given.token && !given.userId) {
        return `A token came from ${from(given.token)} but no user id: pass --user-id, set RC_USER_ID, or add "userId" to ${RCAPPSCONFIG_FILE}.`;
    }
    if (given.userId && !given.token) {
        return `A user id came from ${from(given.userId)} but no token: pass --token, set RC_TOKEN, or add "token" to ${RCAPPSCONFIG_FILE}.`;
    }
    return `No credentials: give a username and password (--username/--password, RC_USERNAME/RC_PASSWORD) or a personal access token (--user-id/--token, RC_USER_ID/RC_TOKEN), or put them in ${RCAPPSCONFIG_FILE}.`;
}

/**
 * Keeps scheme, host, port and path (Rocket.Chat may live under a sub-path) and drops what must not be printed or
 * sent twice: `user:password@`, query, fragment, trailing slash.
 */
function normaliseServerUrl(raw: string, source: string): string {
    let parsed: URL;
    try {
        parsed = new URL(raw.trim());
    } catch {
        throw new DeployError(
            'configuration',
            `The Rocket.Chat URL from ${source} is not a valid URL: write it as http(s)://host[:port], e.g. http://localhost:3000.`,
        );
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new DeployError('configuration', `The Rocket.Chat URL from ${source} must start with http:// or https:// (e.g. http://localhost:3000).`);
    }
    const pathname = parsed.pathname.replace(/\/+$/, '');
    return `${parsed.protocol}//${parsed.host}${pathname}`;
}
