/**
 * `npm run deploy` end to end against a fake Rocket.Chat on 127.0.0.1: the CLI runs in-process (runDeployCli) with
 * its own arguments, environment and working directory, and uploads a small zip made here, so nothing depends on
 * `npm run package` or on RC_* variables of the machine running the tests.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { parseDeployArgs } from '../scripts/deploy/cli-args';
import { runDeployCli } from '../scripts/deploy/cli';
import { resolveConnection } from '../scripts/deploy/connection-config';
import { DeployError, redactSecrets } from '../scripts/deploy/errors';
import type { FakeRocketChat, FakeRocketChatOptions } from './support/fake-rocketchat-server';
import { closedPortUrl, startFakeRocketChat } from './support/fake-rocketchat-server';

const REPO_ROOT = path.resolve(__dirname, '..');

interface RepoAppJson {
    readonly id: string;
    readonly name: string;
    readonly version: string;
    readonly requiredApiVersion: string;
    readonly permissions: unknown[];
}

const ADMIN = { username: 'admin', password: 'admin-password-Zq81', userId: 'admin-user-id' };
const PAT = { userId: 'deploy-bot-id', token: 'pat-token-Kx42-secret' };
const DEPLOY_BOT = { username: 'deploy-bot', password: 'bot-password-Jw90', userId: PAT.userId };
/** Every secret a test hands to the CLI: none may appear in anything it prints. */
const SECRETS = [ADMIN.password, DEPLOY_BOT.password, PAT.token, 'flag-password-77', 'env-password-55', 'file-password-33', 'wrong-password-11'];

let appJson: RepoAppJson;
let workDir: string;
let zipPath: string;
let server: FakeRocketChat | undefined;

beforeAll(async () => {
    appJson = JSON.parse(await readFile(path.join(REPO_ROOT, 'app.json'), 'utf8')) as RepoAppJson;
});

beforeEach(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'deploy-test-'));
    zipPath = path.join(workDir, 'app-under-test.zip');
    const zip = new AdmZip();
    zip.addFile('app.json', Buffer.from(JSON.stringify(appJson)));
    zip.addFile('Main.js', Buffer.from('exports.default = class {};\n'));
    await writeFile(zipPath, zip.toBuffer());
});

afterEach(async () => {
    await server?.close();
    server = undefined;
    await rm(workDir, { recursive: true, force: true });
});

async function startServer(options: FakeRocketChatOptions = {}): Promise<FakeRocketChat> {
    server = await startFakeRocketChat({ users: [ADMIN, DEPLOY_BOT], personalAccessTokens: [PAT], ...options });
    return server;
}

interface CliRun {
    readonly exitCode: number;
    readonly stdout: string;
    readonly stderr: string;
}

async function deploy(
    argv: string[],
    {
        env = {},
        cwd = workDir,
        projectRoot = REPO_ROOT,
        requestTimeoutMs,
    }: { env?: Record<string, string>; cwd?: string; projectRoot?: string; requestTimeoutMs?: number } = {},
): Promise<CliRun> {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const exitCode = await runDeployCli({
        argv,
        env,
        cwd,
        projectRoot,
        requestTimeoutMs,
        stdout: (line) => stdout.push(line),
        stderr: (line) => stderr.push(line),
    });
    const run = { exitCode, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
    expectNoSecretsIn(run);
    return run;
}

function expectNoSecretsIn(run: CliRun): void {
    const printed = `${run.stdout}\n${run.stderr}`;
    for (const secret of [...SECRETS, ...(server?.issuedTokens ?? [])]) {
        expect(printed).not.toContain(secret);
    }
}

function adminFlags(url: string): string[] {
    return ['--url', url, '--username', ADMIN.username, '--password', ADMIN.password, '--file', zipPath];
}

function requestLine(rc: FakeRocketChat): string[] {
    return rc.requests.map((r) => `${r.method} ${r.path}`);
}

describe('deploying the app with npm run deploy', () => {
    it('installs the app when the server does not have it yet', async () => {
        const rc = await startServer();

        const run = await deploy(adminFlags(rc.url));

        expect(run.exitCode).toBe(0);
        expect(run.stderr).toBe('');
        expect(run.stdout).toMatch(
            new RegExp(`^Installed LivePerson Visitor Info ${appJson.version.replace(/\./g, '\\.')} on ${rc.url} in \\d+(\\.\\d)? m?s\\.$`),
        );
        expect(requestLine(rc)).toEqual(['POST /api/v1/login', `GET /api/apps/${appJson.id}`, 'POST /api/apps']);

        const [login, lookup, install] = rc.requests;
        expect(login.json).toEqual({ user: ADMIN.username, password: ADMIN.password });
        const session = rc.issuedTokens[0];
        for (const call of [lookup, install]) {
            expect(call.headers['x-user-id']).toBe(ADMIN.userId);
            expect(call.headers['x-auth-token']).toBe(session);
        }
        expect(install.form?.app.data.equals(await readFile(zipPath))).toBe(true);
        expect(install.form?.app.filename).toBe('app-under-test.zip');
        expect(JSON.parse(install.form?.permissions.data.toString('utf8') ?? 'null')).toEqual(appJson.permissions);
        expect(rc.installedApps.get(appJson.id)?.version).toBe(appJson.version);
    });

    it('updates the app when the server already has an older version', async () => {
        const rc = await startServer({
            installedApps: [{ id: appJson.id, name: appJson.name, version: '0.9.0', status: 'manually_enabled' }],
        });

        const run = await deploy(adminFlags(rc.url));

        expect(run.exitCode).toBe(0);
        expect(run.stdout).toMatch(new RegExp(`^Updated LivePerson Visitor Info ${appJson.version.replace(/\./g, '\\.')} on ${rc.url} in `));
        expect(requestLine(rc)).toEqual(['POST /api/v1/login', `GET /api/apps/${appJson.id}`, `POST /api/apps/${appJson.id}`]);
        expect(rc.requests[2].form?.app.data.equals(await readFile(zipPath))).toBe(true);
        expect(rc.installedApps.get(appJson.id)?.version).toBe(appJson.version);
    });

    it('updates instead when installing answers that the app already exists', async () => {
        const rc = await startServer({
            installedApps: [{ id: appJson.id, name: appJson.name, version: '0.9.0', status: 'disabled' }],
            lookupMissesInstalledApps: true,
        });

        const run = await deploy(adminFlags(rc.url));

        expect(run.exitCode).toBe(0);
        expect(run.stdout).toMatch(/^Updated LivePerson Visitor Info /);
        expect(requestLine(rc)).toEqual(['POST /api/v1/login', `GET /api/apps/${appJson.id}`, 'POST /api/apps', `POST /api/apps/${appJson.id}`]);
    });

    it('warns when the server installs the app but leaves it disabled', async () => {
        const rc = await startServer({ statusAfterInstall: 'initialized' });

        const run = await deploy(adminFlags(rc.url));

        expect(run.exitCode).toBe(0);
        expect(run.stdout).toMatch(/^Installed /);
        expect(run.stderr).toMatch(/^Warning: .*"initialized", not enabled.*Private Apps/);
    });
});

describe('where the connection settings come from', () => {
    it('reads the URL, username and password from .rcappsconfig in the current directory', async () => {
        const rc = await startServer();
        await writeFile(path.join(workDir, '.rcappsconfig'), JSON.stringify({ url: rc.url, username: ADMIN.username, password: ADMIN.password }));

        const run = await deploy(['--file', zipPath]);

        expect(run.exitCode).toBe(0);
        expect(rc.requests[0].json).toEqual({ user: ADMIN.username, password: ADMIN.password });
    });

    it('reads a user id and personal access token from .rcappsconfig and skips the login', async () => {
        const rc = await startServer();
        await writeFile(
            path.join(workDir, '.rcappsconfig'),
            JSON.stringify({ url: `${rc.url}/`, userId: PAT.userId, token: PAT.token, ignoredFiles: ['**/dist/**'] }),
        );

        const run = await deploy(['--file', zipPath]);

        expect(run.exitCode).toBe(0);
        expect(run.stdout).toContain(`on ${rc.url} in`);
        expect(requestLine(rc)).toEqual([`GET /api/apps/${appJson.id}`, 'POST /api/apps']);
        expect(rc.requests[1].headers['x-user-id']).toBe(PAT.userId);
        expect(rc.requests[1].headers['x-auth-token']).toBe(PAT.token);
    });

    it('lets flags override the environment, and the environment override .rcappsconfig', async () => {
        const rc = await startServer({ users: [{ username: 'env-user', password: 'flag-password-77', userId: 'env-user-id' }] });
        await writeFile(
            path.join(workDir, '.rcappsconfig'),
            JSON.stringify({ url: await closedPortUrl(), username: 'file-user', password: 'file-password-33' }),
        );

        const run = await deploy(['--password', 'flag-password-77', '--file', zipPath], {
            env: { RC_URL: rc.url, RC_USERNAME: 'env-user', RC_PASSWORD: 'env-password-55' },
        });

        expect(run.exitCode).toBe(0);
        expect(rc.requests[0].json).toEqual({ user: 'env-user', password: 'flag-password-77' });
    });

    it('prefers the credential pair given in the higher-priority source', () => {
        const fileToken = { url: 'http://file.example', userId: 'file-id', token: 'file-token' };

        const passwordFromEnv = resolveConnection({ flags: {}, env: { username: 'env-user', password: 'env-pass' }, file: fileToken });
        expect(passwordFromEnv.credentials).toEqual({ kind: 'password', username: 'env-user', password: 'env-pass', code: undefined });

        const bothInFile = resolveConnection({ flags: {}, env: {}, file: { ...fileToken, username: 'u', password: 'p' } });
        expect(bothInFile.credentials).toEqual({ kind: 'token', userId: 'file-id', token: 'file-token' });

        const urlFromFlag = resolveConnection({ flags: { url: 'https://flag.example/chat/' }, env: { url: 'http://env.example' }, file: fileToken });
        expect(urlFromFlag.serverUrl).toBe('https://flag.example/chat');
    });

    it('says which setting is missing instead of guessing', async () => {
        const run = await deploy(['--url', 'http://127.0.0.1:9', '--username', ADMIN.username, '--file', zipPath]);

        expect(run.exitCode).toBe(1);
        expect(run.stderr).toMatch(/A username came from flags but no password: pass --password, set RC_PASSWORD/);
    });

    it('parses --flag=value and refuses unknown options without echoing stray values', () => {
        expect(parseDeployArgs(['--url=http://x', '--password=--starts-with-dashes']).connection).toEqual({
            url: 'http://x',
            password: '--starts-with-dashes',
        });
        expect(() => parseDeployArgs(['--url', '--username', 'bob'])).toThrow('Option --url needs a value.');
        expect(() => parseDeployArgs(['--tokn', 'x'])).toThrow('Unknown option "--tokn".');

        let stray: unknown;
        try {
            parseDeployArgs(['--username', 'bob', 'my-secret-password']);
        } catch (error) {
            stray = error;
        }
        expect(stray).toBeInstanceOf(DeployError);
        expect((stray as DeployError).message).not.toContain('my-secret-password');
    });
});

describe('accounts with two-factor authentication', () => {
    it('asks for --code when the server requires 2FA, then deploys with the code', async () => {
        const rc = await startServer({ users: [{ ...ADMIN, twoFactorCode: '246810' }] });

        const withoutCode = await deploy(adminFlags(rc.url));
        expect(withoutCode.exitCode).toBe(1);
        expect(withoutCode.stderr).toMatch(/admin has two-factor authentication on .*totp-required.*run again with --code <code>/);
        expect(requestLine(rc)).toEqual(['POST /api/v1/login']);

        const wrongCode = await deploy(adminFlags(rc.url), { env: { RC_2FA_CODE: '135790' } });
        expect(wrongCode.exitCode).toBe(1);
        expect(wrongCode.stderr).toMatch(/rejected the two-factor code for admin/);

        const withCode = await deploy([...adminFlags(rc.url), '--code', '246810']);
        expect(withCode.exitCode).toBe(0);
        const login = rc.requests[rc.requests.length - 3];
        expect(login.json).toEqual({ user: ADMIN.username, password: ADMIN.password, code: '246810' });
        expect(login.headers['x-2fa-code']).toBe('246810');
        expect(login.headers['x-2fa-method']).toBe('totp');
    });
});

describe('failures the deploy explains', () => {
    it('reports a wrong password as rejected credentials', async () => {
        const rc = await startServer();

        const run = await deploy(['--url', rc.url, '--username', ADMIN.username, '--password', 'wrong-password-11', '--file', zipPath]);

        expect(run.exitCode).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^Deploy failed: Rocket\.Chat at http:\/\/127\.0\.0\.1:\d+ rejected the login of admin \(server said: "Unauthorized"\)/);
        expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
        expect(requestLine(rc)).toEqual(['POST /api/v1/login']);
    });

    it('reports a revoked personal access token as rejected credentials', async () => {
        const rc = await startServer();

        const run = await deploy(['--url', rc.url, '--user-id', PAT.userId, '--token', 'pat-token-Kx42-secret-but-revoked', '--file', zipPath]);

        expect(run.exitCode).toBe(1);
        expect(run.stderr).toMatch(
            /did not accept the credentials: the user id and personal access token were not accepted.*You must be logged in to do this\./,
        );
    });

    it('reports a user without the manage-apps permission', async () => {
        const rc = await startServer({ users: [{ ...ADMIN, canManageApps: false }] });

        const run = await deploy(adminFlags(rc.url));

        expect(run.exitCode).toBe(1);
        expect(run.stderr).toMatch(/may not manage apps.*"manage-apps" permission/);
    });

    it('names the URL when nothing listens there', async () => {
        const url = await closedPortUrl();

        const run = await deploy(['--url', url, '--username', ADMIN.username, '--password', ADMIN.password, '--file', zipPath]);

        expect(run.exitCode).toBe(1);
        expect(run.stderr).toBe(
            `Deploy failed: Could not reach Rocket.Chat at ${url}: the connection was refused (ECONNREFUSED). Is Rocket.Chat running there, and are the host and port right?`,
        );
    });

    it('gives up on a server that never answers', async () => {
        const rc = await startServer({ loginNeverAnswers: true });

        const run = await deploy(adminFlags(rc.url), { requestTimeoutMs: 300 });

        expect(run.exitCode).toBe(1);
        expect(run.stderr).toContain(`Could not reach Rocket.Chat at ${rc.url}: it did not answer within 300 ms.`);
    });

    it('explains how to enable development mode when the server refuses uploaded apps', async () => {
        const rc = await startServer({ developmentMode: false });

        const run = await deploy(adminFlags(rc.url));

        expect(run.exitCode).toBe(1);
        expect(run.stderr).toContain('(server said: "Direct installation of an App is disabled.")');
        expect(run.stderr).toContain('Administration > Workspace > Settings > Apps (General) > "Enable development mode"');
    });

    it('explains the same when updating an installed app with development mode off', async () => {
        const rc = await startServer({
            developmentMode: false,
            installedApps: [{ id: appJson.id, name: appJson.name, version: '0.9.0', status: 'manually_enabled' }],
        });

        const run = await deploy(adminFlags(rc.url));

        expect(run.exitCode).toBe(1);
        expect(run.stderr).toContain('"Direct updating of an App is disabled."');
        expect(run.stderr).toContain('"Enable development mode"');
    });

    it('says the server Apps-Engine is too old when it rejects requiredApiVersion', async () => {
        const rc = await startServer({ appsEngineTooOld: '1.41.0' });

        const run = await deploy(adminFlags(rc.url));

        expect(run.exitCode).toBe(1);
        expect(run.stderr).toContain(
            `The Apps-Engine of Rocket.Chat at ${rc.url} is too old for LivePerson Visitor Info: the app needs Apps-Engine ${appJson.requiredApiVersion} (requiredApiVersion in app.json), but the server comes with 1.41.0`,
        );
    });

    it('tells to run npm run package when the zip is missing, before contacting any server', async () => {
        const rc = await startServer();
        const projectRoot = path.join(workDir, 'project');
        await mkdir(projectRoot);
        await writeFile(path.join(projectRoot, 'app.json'), JSON.stringify(appJson));

        const run = await deploy(['--url', rc.url, '--username', ADMIN.username, '--password', ADMIN.password], { projectRoot });

        expect(run.exitCode).toBe(1);
        expect(run.stderr).toBe(
            `Deploy failed: No app package at ${path.join(projectRoot, 'dist', `liveperson-visitor-info_${appJson.version}.zip`)}. Build it first with \`npm run package\` (or point --file at an existing zip).`,
        );
        expect(rc.requests).toEqual([]);
    });

    it('refuses a zip built for another app id', async () => {
        const rc = await startServer();
        const other = new AdmZip();
        other.addFile('app.json', Buffer.from(JSON.stringify({ ...appJson, id: '00000000-0000-0000-0000-000000000000' })));
        const otherZip = path.join(workDir, 'other.zip');
        await writeFile(otherZip, other.toBuffer());

        const run = await deploy([...adminFlags(rc.url).slice(0, -2), '--file', otherZip]);

        expect(run.exitCode).toBe(1);
        expect(run.stderr).toContain(`holds app id 00000000-0000-0000-0000-000000000000, but app.json says ${appJson.id}`);
        expect(rc.requests).toEqual([]);
    });

    it.each([
        [
            'a server that forbids private apps',
            { status: 500, body: { success: false, error: 'private_app_install_disabled' } },
            /forbids installing private \(uploaded\) apps/,
        ],
        [
            'the Community edition refusing a private app update',
            { status: 400, body: { success: false, error: 'Cannot_Update_Exempt_App' } },
            /on the Community edition private apps are limited/,
        ],
        [
            'any other server error',
            { status: 500, body: { success: false, error: 'Internal server error' } },
            /answered POST \/api\/apps with HTTP 500 during the install step \(server said: "Internal server error"\)/,
        ],
    ])('explains %s', async (_scenario, uploadFailure, expected) => {
        const rc = await startServer({ uploadFailure });

        const run = await deploy(adminFlags(rc.url));

        expect(run.exitCode).toBe(1);
        expect(run.stderr).toMatch(expected);
    });

    it('never prints the token, even when the server echoes it back', async () => {
        const rc = await startServer({ uploadFailure: { status: 400, body: { success: false, error: `token ${PAT.token} is not valid here` } } });

        const run = await deploy(['--url', rc.url, '--user-id', PAT.userId, '--token', PAT.token, '--file', zipPath]);

        expect(run.exitCode).toBe(1);
        expect(run.stderr).toContain('token *** is not valid here');
    });

    it('hides a short secret only where it stands alone, so the sentence stays readable', () => {
        expect(redactSecrets('Could not reach Rocket.Chat at http://x: t', ['t'])).toBe('Could not reach Rocket.Chat at http://x: ***');
        expect(redactSecrets('code 123456 was refused', ['123456'])).toBe('code *** was refused');
        expect(redactSecrets('Bearer abcdefghijkl123', ['abcdefghijkl'])).toBe('Bearer ***123');
    });
});
