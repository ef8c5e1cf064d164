/**
 * The few Rocket.Chat REST calls a deploy needs, with Node's global fetch. Every call is bounded by a timeout and
 * every failure becomes one of two typed errors: the server could not be reached, or it answered with an error.
 * Turning those into advice is failure-messages.ts's job.
 *
 * Endpoints (Rocket.Chat apps/meteor/ee/server/apps/communication/rest.ts, app/api/server/ApiClass.ts):
 * - POST /api/v1/login {user, password[, code]} -> {status: 'success', data: {userId, authToken}}
 * - GET  /api/apps/:id  -> {success: true, app} or 404 "No App found by the id of: <id>"
 * - POST /api/apps      multipart field `app` (+ optional `permissions` JSON) -> install
 * - POST /api/apps/:id  multipart field `app` (+ optional `permissions` JSON) -> update
 * All but login authenticate with the X-User-Id / X-Auth-Token headers and need the manage-apps permission.
 */

export type UnreachableReason = 'refused' | 'dns' | 'timeout' | 'reset' | 'tls' | 'network';

export class ServerUnreachableError extends Error {
    constructor(
        readonly serverUrl: string,
        readonly reason: UnreachableReason,
        /** Low-level code such as ECONNREFUSED (or the cause's message when there is no code), for the message. */
        readonly code: string | undefined,
        readonly timeoutMs: number,
    ) {
        super(`Could not reach ${serverUrl} (${reason}${code ? `, ${code}` : ''})`);
        this.name = 'ServerUnreachableError';
    }
}

export class RocketChatApiError extends Error {
    constructor(
        readonly status: number,
        readonly method: string,
        readonly path: string,
        /** Parsed JSON body, or undefined when the answer was not JSON (a proxy page, say). */
        readonly body: unknown,
        readonly rawText: string,
        /** Location header of a redirect: the URL given is probably not the server's canonical one. */
        readonly location?: string,
    ) {
        super(`${method} ${path} answered HTTP ${status}`);
        this.name = 'RocketChatApiError';
    }
}

export interface Session {
    readonly userId: string;
    readonly authToken: string;
}

/** The part of Rocket.Chat's app description the deploy reports on. */
export interface RemoteApp {
    readonly id?: string;
    readonly name?: string;
    readonly version?: string;
    /** AppStatus, e.g. 'manually_enabled', 'initialized', 'disabled'. */
    readonly status?: string;
}

export interface AppUpload {
    readonly bytes: Buffer;
    readonly fileName: string;
    readonly permissions?: readonly unknown[];
}

interface Answer {
    readonly status: number;
    readonly body: unknown;
    readonly rawText: string;
    readonly location?: string;
}

export class RocketChatClient {
    constructor(
        /** Root URL without trailing slash, as ConnectionSettings.serverUrl. */
        private readonly serverUrl: string,
        private readonly timeoutMs: number,
    ) {}

    async login(username: string, password: string, twoFactorCode?: string): Promise<Session> {
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        const body: Record<string, string> = { user: username, password };
        if (twoFactorCode !== undefined) {
            // The login endpoint reads `code` from the body (documented) or the x-2fa-code header (newer servers); other
            // endpoints read the x-2fa-code / x-2fa-method headers. Sending both works on old and new servers alike.
            body.code = twoFactorCode;
            headers['x-2fa-code'] = twoFactorCode;
            headers['x-2fa-method'] = 'totp';
        }
        const path = '/api/v1/login';
        const answer = await this.send('POST', path, { headers, body: JSON.stringify(body) });
        const data = isRecord(answer.body) ? answer.body.data : undefined;
        if (answer.status !== 200 || !isRecord(data) || typeof data.userId !== 'string' || typeof data.authToken !== 'string') {
            throw apiError(answer, 'POST', path);
        }
        return { userId: data.userId, authToken: data.authToken };
    }

    /** The installed app with this id, or undefined when the server has none. */
    async findApp(session: Session, appId: string): Promise<RemoteApp | undefined> {
        const path = `/api/apps/${encodeURIComponent(appId)}`;
        const answer = await this.send('GET', path, { headers: authHeaders(session) });
        if (answer.status === 404 && isRecord(answer.body) && answer.body.success === false) {
            return undefined;
        }
        return expectApp(answer, 'GET', path);
    }

    async installApp(session: Session, upload: AppUpload): Promise<RemoteApp> {
        const path = '/api/apps';
        const answer = await this.send('POST', path, { headers: authHeaders(session), body: uploadForm(upload) });
        return expectApp(answer, 'POST', path);
    }

    async updateApp(session: Session, appId: string, upload: AppUpload): Promise<RemoteApp> {
        const path = `/api/apps/${encodeURIComponent(appId)}`;
        const answer = await this.send('POST', path, { headers: authHeaders(session), body: uploadForm(upload) });
        return expectApp(answer, 'POST', path);
    }

    private async send(method: string, path: string, init: { headers: Record<string, string>; body?: string | FormData }): Promise<Answer> {
        try {
            const response = await fetch(`${this.serverUrl}${path}`, {
                method,
                headers: init.headers,
                body: init.body,
                // Not followed: a redirected POST turns into a GET and would carry the auth headers to another host.
                redirect: 'manual',
                signal: AbortSignal.timeout(this.timeoutMs),
            });
            // Inside the try: a server that sends headers and then stalls times out while the body is read.
            const rawText = await response.text();
            return { status: response.status, body: parseJson(rawText), rawText, location: response.headers.get('location') ?? undefined };
        } catch (error) {
            throw this.unreachable(error);
        }
    }

    private unreachable(error: unknown): ServerUnreachableError {
        const name = (error as { name?: unknown } | undefined)?.name;
        if (name === 'TimeoutError' || name === 'AbortError') {
            return new ServerUnreachableError(this.serverUrl, 'timeout', undefined, this.timeoutMs);
        }
        const code = networkErrorCode(error);
        // Without a code (e.g. fetch refusing a "bad port") the cause's message is the only clue worth showing.
        return new ServerUnreachableError(this.serverUrl, classifyNetworkCode(code), code ?? causeMessage(error), this.timeoutMs);
    }
}

function authHeaders(session: Session): Record<string, string> {
    return { 'X-User-Id': session.userId, 'X-Auth-Token': session.authToken };
}

function uploadForm(upload: AppUpload): FormData {
    const form = new FormData();
    form.append('app', new Blob([upload.bytes], { type: 'application/zip' }), upload.fileName);
    if (upload.permissions !== undefined && upload.permissions.length > 0) {
        form.append('permissions', JSON.stringify(upload.permissions));
    }
    return form;
}

function expectApp(answer: Answer, method: string, path: string): RemoteApp {
    const body = answer.body;
    if (answer.status !== 200 || !isRecord(body) || body.success !== true) {
        throw apiError(answer, method, path);
    }
    const app = isRecord(body.app) ? body.app : {};
    const text = (key: string): string | undefined => (typeof app[key] === 'string' ? (app[key] as string) : undefined);
    return { id: text('id'), name: text('name'), version: text('version'), status: text('status') };
}

function apiError(answer: Answer, method: string, path: string): RocketChatApiError {
    return new RocketChatApiError(answer.status, method, path, answer.body, answer.rawText, answer.location);
}

function parseJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}

/** fetch wraps socket errors as TypeError('fetch failed') with the real error (or an AggregateError) as `cause`. */
function networkErrorCode(error: unknown): string | undefined {
    let current: unknown = error;
    for (let depth = 0; depth < 4 && isRecord(current); depth++) {
        if (typeof current.code === 'string') {
            return current.code;
        }
        if (Array.isArray(current.errors) && isRecord(current.errors[0]) && typeof current.errors[0].code === 'string') {
            return current.errors[0].code;
        }
        current = current.cause;
    }
    return undefined;
}

function causeMessage(error: unknown): string | undefined {
    const cause = isRecord(error) ? error.cause : undefined;
    return isRecord(cause) && typeof cause.message === 'string' && cause.message !== '' ? cause.message : undefined;
}

function classifyNetworkCode(code: string | undefined): UnreachableReason {
    switch (code) {
        case 'ECONNREFUSED':
            return 'refused';
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return 'dns';
        case 'ETIMEDOUT':
        case 'UND_ERR_CONNECT_TIMEOUT':
        case 'UND_ERR_HEADERS_TIMEOUT':
        case 'UND_ERR_BODY_TIMEOUT':
            return 'timeout';
        case 'ECONNRESET':
        case 'EPIPE':
        case 'UND_ERR_SOCKET':
            return 'reset';
        default:
            if (code !== undefined && /CERT|SSL|TLS|SELF_SIGNED/i.test(code)) {
                return 'tls';
            }
            return 'network';
    }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
