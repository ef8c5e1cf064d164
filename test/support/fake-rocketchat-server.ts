/**
 * A fake Rocket.Chat for the deploy tests: a real HTTP server on 127.0.0.1 (random port) that answers the login and
 * apps REST endpoints with Rocket.Chat's status codes and body shapes, and records every request it gets.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import AdmZip from 'adm-zip';

interface FakeUser {
    readonly username: string;
    readonly password: string;
    readonly userId: string;
    /** When set, the account has 2FA and login needs this code. */
    readonly twoFactorCode?: string;
    readonly canManageApps?: boolean;
}

export interface FakeApp {
    readonly id: string;
    readonly name: string;
    readonly version: string;
    readonly status: string;
}

/** A string body is sent as HTML, anything else as JSON; 'no answer' keeps the request hanging. */
type Reply = { readonly status: number; readonly body: unknown } | 'no answer';

export interface FakeRocketChatOptions {
    readonly users: readonly FakeUser[];
    readonly personalAccessTokens?: ReadonlyArray<{ readonly userId: string; readonly token: string }>;
    readonly installedApps?: readonly FakeApp[];
    /** Replies by "METHOD /path" given instead of the fake's own: the refusals of servers configured otherwise. */
    readonly answers?: Readonly<Record<string, Reply>>;
}

interface RecordedPart {
    readonly filename?: string;
    readonly data: Buffer;
}

interface RecordedRequest {
    readonly method: string;
    readonly path: string;
    readonly headers: IncomingHttpHeaders;
    readonly json?: unknown;
    readonly form?: Readonly<Record<string, RecordedPart>>;
}

export interface FakeRocketChat {
    readonly url: string;
    readonly requests: RecordedRequest[];
    readonly installedApps: Map<string, FakeApp>;
    /** Session tokens handed out by login, so tests can check that none is printed. */
    readonly issuedTokens: string[];
    close(): Promise<void>;
}

export async function startFakeRocketChat(options: FakeRocketChatOptions): Promise<FakeRocketChat> {
    const sessions = new Map((options.personalAccessTokens ?? []).map((pat) => [pat.token, pat.userId]));
    const installedApps = new Map((options.installedApps ?? []).map((app) => [app.id, app]));
    const requests: RecordedRequest[] = [];
    const issuedTokens: string[] = [];

    const login = ({ json, headers }: RecordedRequest): Reply => {
        const { user: username, password, code = headers['x-2fa-code'] } = json as Record<string, unknown>;
        const user = options.users.find((u) => u.username === username && u.password === password);
        if (user === undefined) {
            return { status: 401, body: { status: 'error', error: 'Unauthorized', message: 'Unauthorized' } };
        }
        if (user.twoFactorCode !== undefined && code !== user.twoFactorCode) {
            const error = code === undefined ? 'totp-required' : 'totp-invalid';
            return {
                status: 401,
                body: { status: 'error', error, message: error === 'totp-required' ? 'TOTP Required' : 'TOTP Invalid', details: { method: 'totp' } },
            };
        }
        const authToken = `session-${randomBytes(12).toString('hex')}`;
        sessions.set(authToken, user.userId);
        issuedTokens.push(authToken);
        return { status: 200, body: { status: 'success', data: { userId: user.userId, authToken } } };
    };

    const apps = ({ method, headers, form }: RecordedRequest, appId: string | undefined): Reply => {
        const token = headers['x-auth-token'];
        const caller =
            typeof token === 'string' && sessions.get(token) === headers['x-user-id']
                ? options.users.find((u) => u.userId === headers['x-user-id'])
                : undefined;
        if (caller === undefined) {
            return { status: 401, body: { success: false, status: 'error', error: 'You must be logged in to do this.' } };
        }
        if (caller.canManageApps === false) {
            return { status: 403, body: { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' } };
        }
        if (method === 'GET') {
            const app = installedApps.get(appId ?? '');
            return app
                ? { status: 200, body: { success: true, app } }
                : { status: 404, body: { success: false, error: `No App found by the id of: ${appId}` } };
        }
        const zip = form?.app?.data;
        if (zip === undefined) {
            return { status: 400, body: { success: false, error: 'app_file_error' } };
        }
        const { id, name, version } = JSON.parse(new AdmZip(zip).readAsText('app.json')) as FakeApp;
        if (appId === undefined ? installedApps.has(id) : !installedApps.has(id)) {
            return {
                status: 400,
                body: { success: false, error: appId === undefined ? 'App already exists.' : 'Can not update an App that does not currently exist.' },
            };
        }
        const app = { id, name, version, status: 'manually_enabled' };
        installedApps.set(id, app);
        return { status: 200, body: { success: true, app } };
    };

    const route = (request: RecordedRequest): Reply => {
        if (request.method === 'POST' && request.path === '/api/v1/login') {
            return login(request);
        }
        const appPath = /^\/api\/apps(?:\/([^/]+))?$/.exec(request.path);
        return appPath ? apps(request, appPath[1]) : { status: 404, body: { success: false, error: 'Resource not found' } };
    };

    const server = createServer((req, res) => {
        void record(req).then((request) => {
            requests.push(request);
            const reply = options.answers?.[`${request.method} ${request.path}`] ?? route(request);
            if (reply !== 'no answer') {
                const html = typeof reply.body === 'string';
                res.writeHead(reply.status, { 'Content-Type': html ? 'text/html' : 'application/json' });
                res.end(html ? reply.body : JSON.stringify(reply.body));
            }
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

    return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        requests,
        installedApps,
        issuedTokens,
        close: () =>
            new Promise<void>((resolve) => {
                // fetch keeps connections alive; without this close() would wait for them to time out.
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}

/** A URL on 127.0.0.1 where nothing listens: a port just released by a server of our own. */
export async function closedPortUrl(): Promise<string> {
    const rc = await startFakeRocketChat({ users: [] });
    await rc.close();
    return rc.url;
}

async function record(req: IncomingMessage): Promise<RecordedRequest> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
        chunks.push(chunk as Buffer);
    }
    const raw = Buffer.concat(chunks);
    const request = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers };
    const contentType = req.headers['content-type'] ?? '';
    if (contentType.startsWith('application/json')) {
        return { ...request, json: JSON.parse(raw.toString('utf8')) };
    }
    if (!contentType.startsWith('multipart/form-data')) {
        return request;
    }
    // fetch's own multipart parser reads what fetch's FormData wrote.
    const parts = [...(await new Response(raw, { headers: { 'content-type': contentType } }).formData())];
    const form = Object.fromEntries(
        await Promise.all(
            parts.map(async ([name, value]) => [
                name,
                typeof value === 'string' ? { data: Buffer.from(value) } : { filename: value.name, data: Buffer.from(await value.arrayBuffer()) },
            ]),
        ),
    );
    return { ...request, form };
}
