/**
 * `npm run deploy` end to end against a fake Rocket.Chat on 127.0.0.1: runDeploy runs in-process with its own
 * arguments, environment and working directory, and uploads a small zip made here, so nothing depends on
 * `npm run package` or on RC_* variables of the machine running the tests.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { redactSecrets, runDeploy } from '../scripts/deploy';
import type { FakeApp, FakeRocketChat, FakeRocketChatOptions } from './support/fake-rocketchat-server';
import { closedPortUrl, startFakeRocketChat } from './support/fake-rocketchat-server';

const APP_JSON = { id: '220e9cc3-3aaf-4e8f-b541-4992a847fa3c', name: 'Visitor Info Test', version: '2.3.4', permissions: [{ name: 'networking' }] };
const ADMIN = { username: 'admin', password: 'admin-password-Zq81', userId: 'admin-user-id' };
const PAT = { userId: 'deploy-bot-id', token: 'pat-token-Kx42-secret' };
const DEPLOY_BOT = { username: 'deploy-bot', password: 'bot-password-Jw90', userId: PAT.userId };
const OLD_VERSION: FakeApp = { id: APP_JSON.id, name: APP_JSON.name, version: '0.9.0', status: 'manually_enabled' };
/** Every secret a test hands to the deploy: none may appear in anything it prints. */
const SECRETS = [ADMIN.password, DEPLOY_BOT.password, PAT.token, 'flag-password-77', 'env-password-55', 'file-password-33', 'wrong-password-11'];

let workDir: string;
let zipPath: string;
let server: FakeRocketChat | undefined;

beforeEach(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'deploy-test-'));
    zipPath = path.join(workDir, 'app-under-test.zip');
    const zip = new AdmZip();
    zip.addFile('app.json', Buffer.from(JSON.stringify(APP_JSON)));
    zip.addFile('Main.js', Buffer.from('exports.default = class {};\n'));
    await writeFile(zipPath, zip.toBuffer());
});

afterEach(async () => {
    await server?.close();
    server = undefined;
    await rm(workDir, { recursive: true, force: true });
});

async function startServer(options: Partial<FakeRocketChatOptions> = {}): Promise<FakeRocketChat> {
    server = await startFakeRocketChat({ users: [ADMIN, DEPLOY_BOT], personalAccessTokens: [PAT], ...options });
    return server;
}

async function deploy(argv: string[], { env = {}, timeoutMs }: { env?: Record<string, string>; timeoutMs?: number } = {}) {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const exitCode = await runDeploy({
        argv,
        env,
        cwd: workDir,
        defaultZip: zipPath,
        timeoutMs,
        stdout: (line) => stdout.push(line),
        stderr: (line) => stderr.push(line),
    });
    const run = { exitCode, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
    for (const secret of [...SECRETS, ...(server?.issuedTokens ?? [])]) {
        expect(`${run.stdout}\n${run.stderr}`).not.toContain(secret);
    }
    return run;
}

const adminFlags = (url: string) => ['--url', url, '--username', ADMIN.username, '--password', ADMIN.password];
const requestLines = (rc: FakeRocketChat) => rc.requests.map((r) => `${r.method} ${r.path}`);

describe('npm run deploy', () => {
    it('logs in, finds no app with this id and installs the zip', async () => {
        const rc = await startServer();

        const run = await deploy(adminFlags(rc.url));

        expect(run).toEqual({
            exitCode: 0,
            stdout: expect.stringMatching(/^Installed Visitor Info Test 2\.3\.4 on http:\/\/127\.0\.0\.1:\d+ in \d+\.\d s\.$/),
            stderr: '',
        });
        expect(requestLines(rc)).toEqual(['POST /api/v1/login', `GET /api/apps/${APP_JSON.id}`, 'POST /api/apps']);
        const [login, lookup, install] = rc.requests;
        expect(login.json).toEqual({ user: ADMIN.username, password: ADMIN.password });
        for (const call of [lookup, install]) {
            expect(call.headers['x-user-id']).toBe(ADMIN.userId);
            expect(call.headers['x-auth-token']).toBe(rc.issuedTokens[0]);
        }
        expect(install.form?.app.data.equals(await readFile(zipPath))).toBe(true);
        expect(install.form?.app.filename).toBe('app-under-test.zip');
        expect(JSON.parse(install.form?.permissions.data.toString() ?? 'null')).toEqual(APP_JSON.permissions);
        expect(rc.installedApps.get(APP_JSON.id)?.version).toBe('2.3.4');
    });

    it('updates the app when the server already has its id', async () => {
        const rc = await startServer({ installedApps: [OLD_VERSION] });

        const run = await deploy(adminFlags(rc.url));

        expect(run.exitCode).toBe(0);
        expect(run.stdout).toMatch(/^Updated Visitor Info Test 2\.3\.4 on /);
        expect(requestLines(rc)).toEqual(['POST /api/v1/login', `GET /api/apps/${APP_JSON.id}`, `POST /api/apps/${APP_JSON.id}`]);
        expect(rc.installedApps.get(APP_JSON.id)?.version).toBe('2.3.4');
    });

    it('updates when the lookup misses an installed app and the install says it already exists', async () => {
        const missing = { status: 404, body: { success: false, error: `No App found by the id of: ${APP_JSON.id}` } };
        const rc = await startServer({ installedApps: [OLD_VERSION], answers: { [`GET /api/apps/${APP_JSON.id}`]: missing } });

        const run = await deploy(adminFlags(rc.url));

        expect(run.stdout).toMatch(/^Updated /);
        expect(requestLines(rc).slice(2)).toEqual(['POST /api/apps', `POST /api/apps/${APP_JSON.id}`]);
    });

    it('warns when the server installs the app but leaves it disabled (Community Edition private-app limit)', async () => {
        const installed = { status: 200, body: { success: true, app: { ...OLD_VERSION, version: '2.3.4', status: 'initialized' } } };
        const rc = await startServer({ answers: { 'POST /api/apps': installed } });

        const run = await deploy(adminFlags(rc.url));

        expect(run.exitCode).toBe(0);
        expect(run.stdout).toMatch(/^Installed /);
        expect(run.stderr).toBe(
            'Warning: Rocket.Chat left Visitor Info Test "initialized", not enabled: on Community Edition the private-app limit can do that (see README).',
        );
    });

    it('asks for npm run package when the zip is missing, before contacting the server', async () => {
        const rc = await startServer();
        await rm(zipPath);

        const run = await deploy(adminFlags(rc.url));

        expect(run).toEqual({
            exitCode: 1,
            stdout: '',
            stderr: `Deploy failed: no app package at ${zipPath}: build it with \`npm run package\`, or pass --file <zip>.`,
        });
        expect(rc.requests).toEqual([]);
    });

    it('deploys the zip named by --file, relative to the current directory, and refuses one without app.json', async () => {
        const rc = await startServer();
        await writeFile(path.join(workDir, 'not-an-app.zip'), new AdmZip().toBuffer());

        expect((await deploy([...adminFlags(rc.url), '--file', 'app-under-test.zip'])).exitCode).toBe(0);
        const run = await deploy([...adminFlags(rc.url), '--file', 'not-an-app.zip']);
        expect(run.stderr).toBe(
            `Deploy failed: ${path.join(workDir, 'not-an-app.zip')} is not an app package (no app.json with id, name and version): rebuild it with \`npm run package\`.`,
        );
    });

    it('prints the usage for --help', async () => {
        const run = await deploy(['--help']);

        expect(run.exitCode).toBe(0);
        expect(run.stdout).toMatch(/^Usage: npm run deploy -- \[options\]/);
        expect(run.stdout).toContain('--code <code>');
    });
});

describe('settings from .rcappsconfig, the environment and flags', () => {
    const writeConfig = (config: object) => writeFile(path.join(workDir, '.rcappsconfig'), JSON.stringify(config));

    it('reads url, username and password from .rcappsconfig', async () => {
        const rc = await startServer();
        await writeConfig({ url: rc.url, username: ADMIN.username, password: ADMIN.password });

        expect((await deploy([])).exitCode).toBe(0);
        expect(rc.requests[0].json).toEqual({ user: ADMIN.username, password: ADMIN.password });
    });

    it('uses a user id and personal access token from .rcappsconfig without logging in', async () => {
        const rc = await startServer();
        await writeConfig({ url: `${rc.url}/`, userId: PAT.userId, token: PAT.token, ignoredFiles: ['**/dist/**'] });

        const run = await deploy([]);

        expect(run.stdout).toContain(`on ${rc.url} in`);
        expect(requestLines(rc)).toEqual([`GET /api/apps/${APP_JSON.id}`, 'POST /api/apps']);
        expect(rc.requests[1].headers['x-user-id']).toBe(PAT.userId);
        expect(rc.requests[1].headers['x-auth-token']).toBe(PAT.token);
    });

    it('merges field by field: flags over the environment over .rcappsconfig', async () => {
        const rc = await startServer({ users: [{ username: 'env-user', password: 'flag-password-77', userId: 'env-user-id' }] });
        await writeConfig({ url: await closedPortUrl(), username: 'file-user', password: 'file-password-33' });

        const run = await deploy(['--password', 'flag-password-77'], {
            env: { RC_URL: rc.url, RC_USERNAME: 'env-user', RC_PASSWORD: 'env-password-55', RC_TOKEN: '' },
        });

        expect(run.exitCode).toBe(0);
        expect(rc.requests[0].json).toEqual({ user: 'env-user', password: 'flag-password-77' });
    });

    it('takes the credential pair set later when both are complete', async () => {
        const rc = await startServer();
        await writeConfig({ url: rc.url, userId: PAT.userId, token: PAT.token });

        await deploy([], { env: { RC_USERNAME: ADMIN.username, RC_PASSWORD: ADMIN.password } });
        await writeConfig({ url: rc.url, username: ADMIN.username, password: ADMIN.password });
        await deploy([], { env: { RC_USER_ID: PAT.userId, RC_TOKEN: PAT.token } });

        expect(requestLines(rc)).toEqual([
            'POST /api/v1/login',
            `GET /api/apps/${APP_JSON.id}`,
            'POST /api/apps',
            `GET /api/apps/${APP_JSON.id}`,
            `POST /api/apps/${APP_JSON.id}`,
        ]);
        expect(rc.requests[4].headers['x-auth-token']).toBe(PAT.token);
    });

    it.each([
        [[], {}, 'no Rocket.Chat URL: pass --url, set RC_URL or add "url" to .rcappsconfig.'],
        [
            ['--url', 'http://127.0.0.1:9', '--username', 'admin'],
            {},
            'username is set but password is not: pass --password, set RC_PASSWORD or add "password" to .rcappsconfig.',
        ],
        [
            ['--url', 'http://127.0.0.1:9'],
            { RC_TOKEN: PAT.token },
            'token is set but userId is not: pass --user-id, set RC_USER_ID or add "userId" to .rcappsconfig.',
        ],
        [
            ['--url', 'ftp://host', '--user-id', 'u', '--token', 't'],
            {},
            'the Rocket.Chat URL must look like http(s)://host[:port], e.g. http://localhost:3000.',
        ],
        [['--tokn', 'x'], {}, 'unknown option --tokn. See npm run deploy -- --help.'],
        [['--url', '--username', 'bob'], {}, 'option --url needs a value.'],
        [
            ['--username', 'bob', 'my-secret-password'],
            {},
            'argument 3 is not an option: every value needs its flag, e.g. --password <secret>. See npm run deploy -- --help.',
        ],
    ])('refuses %j with a line that names what to do', async (argv, env, expected) => {
        const run = await deploy(argv, { env });

        expect(run).toEqual({ exitCode: 1, stdout: '', stderr: `Deploy failed: ${expected}` });
    });

    it('takes --flag=value, also for values that start with dashes', async () => {
        const rc = await startServer({ users: [{ ...ADMIN, password: '--dashed=secret' }] });

        expect((await deploy([`--url=${rc.url}`, '--username=admin', '--password=--dashed=secret'])).exitCode).toBe(0);
        expect(rc.requests[0].json).toEqual({ user: 'admin', password: '--dashed=secret' });
    });
});

describe('accounts with two-factor authentication', () => {
    it('says to pass --code when the server asks for one, then logs in with it', async () => {
        const rc = await startServer({ users: [{ ...ADMIN, twoFactorCode: '246810' }] });

        const withoutCode = await deploy(adminFlags(rc.url));
        expect(withoutCode.stderr).toBe(
            `Deploy failed: admin has two-factor authentication on ${rc.url} (server said: "totp-required; TOTP Required"): run again with --code <code> (or RC_2FA_CODE), the code from your authenticator app.`,
        );
        const wrongCode = await deploy(adminFlags(rc.url), { env: { RC_2FA_CODE: '135790' } });
        expect(wrongCode.stderr).toMatch(
            /rejected the two-factor code for admin \(server said: "totp-invalid; TOTP Invalid"\): run again with a fresh --code\.$/,
        );
        const withCode = await deploy([...adminFlags(rc.url), '--code', '246810']);
        expect(withCode.exitCode).toBe(0);

        const login = rc.requests[2];
        expect(login.json).toEqual({ user: ADMIN.username, password: ADMIN.password, code: '246810' });
        expect(login.headers['x-2fa-code']).toBe('246810');
        expect(requestLines(rc).slice(2)).toEqual(['POST /api/v1/login', `GET /api/apps/${APP_JSON.id}`, 'POST /api/apps']);
    });
});

describe('failures, each in one line', () => {
    const refusal = (error: string) => ({ status: 400, body: { success: false, error } });

    it('names a wrong password, a revoked token and a user without manage-apps', async () => {
        const rc = await startServer({ users: [ADMIN, { ...DEPLOY_BOT, canManageApps: false }] });

        const wrongPassword = await deploy(['--url', rc.url, '--username', 'admin', '--password', 'wrong-password-11']);
        const revokedToken = await deploy(['--url', rc.url, '--user-id', PAT.userId, '--token', 'revoked-token']);
        const noPermission = await deploy(['--url', rc.url, '--username', DEPLOY_BOT.username, '--password', DEPLOY_BOT.password]);

        expect([wrongPassword, revokedToken, noPermission].map((run) => run.stderr)).toEqual([
            `Deploy failed: Rocket.Chat at ${rc.url} rejected the login of admin (server said: "Unauthorized"): check the username and password.`,
            `Deploy failed: Rocket.Chat at ${rc.url} did not accept the credentials of user ${PAT.userId} (server said: "You must be logged in to do this."): check the user id and token.`,
            `Deploy failed: deploy-bot may not manage apps on ${rc.url} (server said: "User does not have the permissions required for this action [error-unauthorized]"): the user needs the manage-apps permission.`,
        ]);
    });

    it('names the URL when nothing listens there or it never answers', async () => {
        const closed = await closedPortUrl();
        const rc = await startServer({ answers: { 'POST /api/v1/login': 'no answer' } });

        expect((await deploy(adminFlags(closed))).stderr).toBe(
            `Deploy failed: could not reach Rocket.Chat at ${closed} (ECONNREFUSED): check the URL, and that Rocket.Chat runs there.`,
        );
        expect((await deploy(adminFlags(rc.url), { timeoutMs: 300 })).stderr).toContain(`could not reach Rocket.Chat at ${rc.url} (no answer within 0.3 s)`);
    });

    it('asks whether the URL is Rocket.Chat when the answer is not JSON', async () => {
        const rc = await startServer({ answers: { 'POST /api/v1/login': { status: 200, body: '<html>Welcome</html>' } } });

        expect((await deploy(adminFlags(rc.url))).stderr).toBe(
            `Deploy failed: ${rc.url} answered POST /api/v1/login with HTTP 200 and no JSON: is it the root URL of Rocket.Chat (no /api)?`,
        );
    });

    const tooOld = `Failed to load the App "${APP_JSON.name}" (${APP_JSON.id}) as it requires v^1.42.0 of the App API however your server comes with v1.41.0.`;
    it.each([
        [
            'install with development mode off',
            'POST /api/apps',
            'Direct installation of an App is disabled.',
            'refuses uploaded apps (server said: "Direct installation of an App is disabled."): enable development mode (see README).',
        ],
        [
            'update with development mode off',
            `POST /api/apps/${APP_JSON.id}`,
            'Direct updating of an App is disabled.',
            'refuses uploaded apps (server said: "Direct updating of an App is disabled."): enable development mode (see README).',
        ],
        ['install on a server too old for the app', 'POST /api/apps', tooOld, `is too old for this app (server said: "${tooOld}"): upgrade Rocket.Chat.`],
        [
            'install for any other reason',
            'POST /api/apps',
            'private_app_install_disabled',
            'answered POST /api/apps with HTTP 400 during the install (server said: "private_app_install_disabled").',
        ],
    ])('explains a refused %s', async (_case, call, serverWords, expected) => {
        const rc = await startServer({ installedApps: call === 'POST /api/apps' ? [] : [OLD_VERSION], answers: { [call]: refusal(serverWords) } });

        expect((await deploy(adminFlags(rc.url))).stderr).toBe(`Deploy failed: Rocket.Chat at ${rc.url} ${expected}`);
    });

    it('never prints a token, even when the server echoes it back', async () => {
        const rc = await startServer({ answers: { 'POST /api/apps': refusal(`token ${PAT.token} is not valid here`) } });

        const run = await deploy(['--url', rc.url, '--user-id', PAT.userId, '--token', PAT.token]);

        expect(run.stderr).toContain('(server said: "token *** is not valid here")');
    });

    it('hides a short secret only where it stands alone, so the sentence stays readable', () => {
        expect(redactSecrets('code 123456 was refused; 1234567 was not', ['123456'])).toBe('code *** was refused; 1234567 was not');
        expect(redactSecrets('url http://x: t', ['t'])).toBe('url http://x: ***');
        expect(redactSecrets('Bearer abcdefghijkl123', ['abcdefghijkl'])).toBe('Bearer ***123');
    });
});
