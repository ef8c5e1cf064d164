/**
 * A fake Rocket.Chat for the deploy tests: a real HTTP server on 127.0.0.1 (random port) that answers the login and
 * apps REST endpoints with Rocket.Chat's status codes and body shapes (app/api/server/ApiClass.ts,
 * ee/server/apps/communication/rest.ts, app/2fa/server/code/index.ts, Apps-Engine's RequiredApiVersionError).
 * It records every request, including the uploaded multipart fields, so tests can check what was sent.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import AdmZip from 'adm-zip';

export interface FakeUser {
    readonly username: string;
    readonly password: string;
    readonly userId: string;
    /** When set, the account has 2FA and login needs this code. */
    readonly twoFactorCode?: string;
    /** Defaults to true. */
    readonly canManageApps?: boolean;
}

export interface FakeApp {
    readonly id: string;
    readonly name: string;
    readonly version: string;
    readonly status: string;
}

export interface FakeRocketChatOptions {
    readonly users?: readonly FakeUser[];
    readonly personalAccessTokens?: ReadonlyArray<{ readonly userId: string; readonly token: string }>;
    readonly installedApps?: readonly FakeApp[];
    /** false: a server before 6.0 with Apps > "Enable development mode" off. Default true. */
    readonly developmentMode?: boolean;
    /** Apps-Engine version of a server too old for any uploaded app: uploads fail with RequiredApiVersionError. */
    readonly appsEngineTooOld?: string;
    /** GET /api/apps/:id answers 404 even for installed apps (an app whose load failed). */
    readonly lookupMissesInstalledApps?: boolean;
    /** The server runs with DISABLE_PRIVATE_APP_INSTALLATION. */
    readonly privateAppInstallDisabled?: boolean;
    /** Status an install leaves the app in. Default 'manually_enabled'. */
    readonly statusAfterInstall?: string;
    /** Every upload (install and update) gets this answer instead. */
    readonly uploadFailure?: { readonly status: number; readonly body: unknown };
    /** The login endpoint accepts the request and never answers. */
    readonly loginNeverAnswers?: boolean;
}

export interface RecordedPart {
    readonly filename?: string;
    readonly data: Buffer;
}

export interface RecordedRequest {
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
    /** Session tokens handed out by login, so tests can check none leaks into output. */
    readonly issuedTokens: string[];
    close(): Promise<void>;
}

interface Reply {
    readonly status: number;
    readonly body: unknown;
}

const DEFAULT_USERS: readonly FakeUser[] = [{ username: 'admin', password: 'admin-password', userId: 'admin-user-id' }];

export async function startFakeRocketChat(options: FakeRocketChatOptions = {}): Promise<FakeRocketChat> {
    const users = options.users ?? DEFAULT_USERS;
    const installedApps = new Map((options.installedApps ?? []).map((app) => [app.id, app]));
    const sessions = new Map<string, string>(); // auth token -> user id
    for (const pat of options.personalAccessTokens ?? []) {
        sessions.set(pat.token, pat.userId);
    }
    const requests: RecordedRequest[] = [];
    const issuedTokens: string[] = [];

    const login = (json: unknown, headers: IncomingHttpHeaders): Reply => {
        const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
        const user = users.find((u) => u.username === body.user && u.password === body.password);
        if (user === undefined) {
            // Rocket.Chat hides whether the user exists: both cases answer "Unauthorized".
            return { status: 401, body: { success: false, status: 'error', error: 'Unauthorized', message: 'Unauthorized' } };
        }
        if (user.twoFactorCode !== undefined) {
            const code = typeof body.code === 'string' ? body.code : headers['x-2fa-code'];
            const details = { method: 'totp', codeGenerated: false, availableMethods: ['totp'] };
            if (code === undefined) {
                return { status: 401, body: { success: false, status: 'error', error: 'totp-required', details, message: 'TOTP Required' } };
            }
            if (code !== user.twoFactorCode) {
                return { status: 401, body: { success: false, status: 'error', error: 'totp-invalid', details, message: 'TOTP Invalid' } };
            }
        }
        const authToken = `session-${randomBytes(12).toString('hex')}`;
        sessions.set(authToken, user.userId);
        issuedTokens.push(authToken);
        return {
            status: 200,
            body: { status: 'success', data: { userId: user.userId, authToken, me: { _id: user.userId, username: user.username } } },
        };
    };

    /** The authenticated user, or the reply Rocket.Chat gives when there is none or it lacks manage-apps. */
    const authenticate = (headers: IncomingHttpHeaders): FakeUser | Reply => {
        const userId = headers['x-user-id'];
        const token = headers['x-auth-token'];
        const user = typeof token === 'string' && sessions.get(token) === userId ? users.find((u) => u.userId === userId) : undefined;
        if (user === undefined) {
            return {
                status: 401,
                body: { success: false, error: 'You must be logged in to do this.', status: 'error', message: 'You must be logged in to do this.' },
            };
        }
        if (user.canManageApps === false) {
            return { status: 403, body: { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' } };
        }
        return user;
    };

    const upload = (appIdInPath: string | undefined, form: Record<string, RecordedPart> | undefined): Reply => {
        if (options.uploadFailure !== undefined) {
            return options.uploadFailure;
        }
        if (options.developmentMode === false) {
            const error = appIdInPath === undefined ? 'Direct installation of an App is disabled.' : 'Direct updating of an App is disabled.';
            return { status: 400, body: { success: false, error } };
        }
        const zip = form?.app?.data;
        if (zip === undefined) {
            return { status: 400, body: { success: false, error: 'app_file_error', message: 'Failed to get a file to install for the App. ' } };
        }
        if (options.privateAppInstallDisabled) {
            return { status: 500, body: { success: false, error: 'private_app_install_disabled' } };
        }
        const info = JSON.parse(new AdmZip(zip).readAsText('app.json')) as Record<string, string>;
        if (options.appsEngineTooOld !== undefined) {
            // Thrown by the Apps-Engine's package parser; the REST layer turns uncaught errors into a 400 failure.
            const error = `Failed to load the App "${info.name}" (${info.id}) as it requires v${info.requiredApiVersion} of the App API however your server comes with v${options.appsEngineTooOld}.`;
            return { status: 400, body: { success: false, error } };
        }

        if (appIdInPath === undefined) {
            if (installedApps.has(info.id)) {
                return { status: 400, body: { success: false, error: 'App already exists.' } };
            }
            const app: FakeApp = { id: info.id, name: info.name, version: info.version, status: options.statusAfterInstall ?? 'manually_enabled' };
            installedApps.set(app.id, app);
            return { status: 200, body: { success: true, app, implemented: {}, licenseValidation: { errors: {}, warnings: {} } } };
        }

        const previous = installedApps.get(info.id);
        if (previous === undefined) {
            return { status: 400, body: { success: false, error: 'Can not update an App that does not currently exist.' } };
        }
        const app: FakeApp = { ...previous, name: info.name, version: info.version };
        installedApps.set(app.id, app);
        return { status: 200, body: { success: true, app, implemented: {}, licenseValidation: { errors: {}, warnings: {} } } };
    };

    const route = (request: RecordedRequest): Reply => {
        const { method, path } = request;
        if (method === 'POST' && path === '/api/v1/login') {
            return login(request.json, request.headers);
        }
        const appPath = /^\/api\/apps(?:\/([^/?]+))?$/.exec(path);
        if (appPath === null) {
            return { status: 404, body: { success: false, error: 'Resource not found' } };
        }
        const caller = authenticate(request.headers);
        if ('status' in caller) {
            return caller;
        }
        const appId = appPath[1] === undefined ? undefined : decodeURIComponent(appPath[1]);
        if (method === 'GET' && appId !== undefined) {
            const app = options.lookupMissesInstalledApps ? undefined : installedApps.get(appId);
            return app === undefined
                ? { status: 404, body: { success: false, error: `No App found by the id of: ${appId}` } }
                : { status: 200, body: { success: true, app } };
        }
        if (method === 'POST') {
            return upload(appId, request.form);
        }
        return { status: 404, body: { success: false, error: 'Resource not found' } };
    };

    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
        void readBody(req).then((raw) => {
            const recorded = recordRequest(req, raw);
            requests.push(recorded);
            if (options.loginNeverAnswers && recorded.path === '/api/v1/login') {
                return; // the socket stays open until the client gives up or close() ends it
            }
            const reply = route(recorded);
            res.writeHead(reply.status, { 'Content-Type': 'application/json' });
            res.end(JSON.stringify(reply.body));
        });
    });

    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    return {
        url: `http://127.0.0.1:${port}`,
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
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return `http://127.0.0.1:${port}`;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => resolve(Buffer.concat(chunks)));
        req.on('error', reject);
    });
}

function recordRequest(req: IncomingMessage, raw: Buffer): RecordedRequest {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0];
    const contentType = req.headers['content-type'] ?? '';
    if (contentType.startsWith('application/json')) {
        let json: unknown;
        try {
            json = JSON.parse(raw.toString('utf8'));
        } catch {
            json = undefined;
        }
        return { method, path, headers: req.headers, json };
    }
    if (contentType.startsWith('multipart/form-data')) {
        return { method, path, headers: req.headers, form: parseMultipart(raw, contentType) };
    }
    return { method, path, headers: req.headers };
}

/** Just enough multipart/form-data parsing for the fields fetch's FormData sends. */
function parseMultipart(body: Buffer, contentType: string): Record<string, RecordedPart> {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    if (boundary === null) {
        return {};
    }
    const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
    const parts: Record<string, RecordedPart> = {};
    let start = body.indexOf(delimiter);
    while (start !== -1) {
        const afterDelimiter = start + delimiter.length;
        if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') {
            break; // closing delimiter
        }
        const headerEnd = body.indexOf('\r\n\r\n', afterDelimiter);
        const next = body.indexOf(delimiter, headerEnd);
        if (headerEnd === -1 || next === -1) {
            break;
        }
        const headers = body.subarray(afterDelimiter + 2, headerEnd).toString('utf8');
        const name = /;\s*name="([^"]*)"/i.exec(headers)?.[1];
        const filename = /;\s*filename="([^"]*)"/i.exec(headers)?.[1];
        if (name !== undefined) {
            parts[name] = { filename, data: body.subarray(headerEnd + 4, next - 2) }; // the part ends with CRLF
        }
        start = next;
    }
    return parts;
}
