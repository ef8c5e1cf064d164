/**
 * `npm run deploy`: installs the packaged app on a Rocket.Chat server, or updates it when the server already has its
 * id, the way Rocket.Chat's apps-cli does: log in (with 2FA), GET /api/apps/:id, then POST /api/apps or
 * POST /api/apps/:id with the zip in the multipart field `app`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { readAppJson } from './package/appJson';
import { zipPathFor } from './package/paths';

/** Each setting's flag and environment variable; `.rcappsconfig` uses the setting's own name (all but the 2FA code). */
const SETTINGS = {
    url: { flag: '--url', env: 'RC_URL' },
    username: { flag: '--username', env: 'RC_USERNAME' },
    password: { flag: '--password', env: 'RC_PASSWORD' },
    userId: { flag: '--user-id', env: 'RC_USER_ID' },
    token: { flag: '--token', env: 'RC_TOKEN' },
    code: { flag: '--code', env: 'RC_2FA_CODE' },
} as const;
type SettingName = keyof typeof SETTINGS;
type Settings = Partial<Record<SettingName, string>>;

const CONFIG_FILE = '.rcappsconfig';
const FILE_SETTINGS: readonly SettingName[] = ['url', 'username', 'password', 'userId', 'token'];
const SECRET_SETTINGS: readonly SettingName[] = ['password', 'token', 'code'];
/** Generous: the server unpacks and starts the app before it answers an upload. */
const DEFAULT_TIMEOUT_MS = 120_000;

const USAGE = `Usage: npm run deploy -- [options]

Installs the packaged app (dist/*.zip, from \`npm run package\`) on a Rocket.Chat server, or updates it there.
Settings come from ${CONFIG_FILE}, then the environment, then these flags; later sources win.

  --url <url>          Rocket.Chat root URL, e.g. http://localhost:3000   (RC_URL)
  --username <name>    a user with the manage-apps permission              (RC_USERNAME)
  --password <secret>  that user's password                                (RC_PASSWORD)
  --user-id <id>       user id of a personal access token                  (RC_USER_ID)
  --token <secret>     personal access token                               (RC_TOKEN)
  --code <code>        two-factor code, when the server asks for one       (RC_2FA_CODE)
  --file <zip>         the zip to deploy instead of the packaged one`;

export interface DeployIo {
    readonly argv: readonly string[];
    readonly env: Readonly<Record<string, string | undefined>>;
    /** Where .rcappsconfig is read and --file is resolved. */
    readonly cwd: string;
    /** The zip deployed without --file. */
    readonly defaultZip: string;
    readonly stdout: (line: string) => void;
    readonly stderr: (line: string) => void;
    readonly timeoutMs?: number;
}

type Login = { readonly username: string; readonly password: string; readonly code?: string } | { readonly userId: string; readonly token: string };

interface Target {
    /** Root URL without credentials, query or trailing slash: safe to print. */
    readonly url: string;
    readonly login: Login;
}

interface AppPackage {
    readonly fileName: string;
    readonly bytes: Buffer;
    readonly id: string;
    readonly name: string;
    readonly version: string;
    readonly permissions?: unknown;
}

/** What Rocket.Chat says about the app after an upload; status is an AppStatus such as 'manually_enabled'. */
interface RemoteApp {
    readonly name?: string;
    readonly version?: string;
    readonly status?: string;
}

/** Runs one deploy and returns the exit code. Nothing printed holds a password, token, session or 2FA code. */
export async function runDeploy(io: DeployIo): Promise<number> {
    const secrets = SECRET_SETTINGS.map((name) => io.env[SETTINGS[name].env]);
    const print = (write: (line: string) => void, line: string) => write(redactSecrets(line, secrets));
    try {
        const args = parseArgs(io.argv);
        if (args === 'help') {
            io.stdout(USAGE);
            return 0;
        }
        const layers = [await readConfigFile(io.cwd), envSettings(io.env), args.settings];
        secrets.push(...layers.flatMap((layer) => SECRET_SETTINGS.map((name) => layer[name])));
        const target = resolveTarget(layers);
        // Before any request: a missing zip is the most common failure and needs no server.
        const pkg = await readPackage(path.resolve(io.cwd, args.file ?? io.defaultZip));

        const started = performance.now();
        const { action, app } = await deploy(new RocketChat(target, io.timeoutMs ?? DEFAULT_TIMEOUT_MS, secrets), pkg);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        print(io.stdout, `${action} ${app.name ?? pkg.name} ${app.version ?? pkg.version} on ${target.url} in ${seconds} s.`);
        if (app.status !== undefined && app.status !== 'auto_enabled' && app.status !== 'manually_enabled') {
            print(
                io.stderr,
                `Warning: Rocket.Chat left ${pkg.name} "${app.status}", not enabled: on Community Edition the private-app limit can do that (see README).`,
            );
        }
        return 0;
    } catch (error) {
        print(io.stderr, `Deploy failed: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
    }
}

async function deploy(rc: RocketChat, pkg: AppPackage): Promise<{ action: 'Installed' | 'Updated'; app: RemoteApp }> {
    await rc.logIn();
    if (await rc.hasApp(pkg.id)) {
        return { action: 'Updated', app: await rc.upload(pkg, 'update') };
    }
    try {
        return { action: 'Installed', app: await rc.upload(pkg, 'install') };
    } catch (error) {
        // The lookup misses an installed app whose load failed, but the install still refuses a second copy.
        if (!(error instanceof Error && /App already exists/i.test(error.message))) {
            throw error;
        }
        return { action: 'Updated', app: await rc.upload(pkg, 'update') };
    }
}

function parseArgs(argv: readonly string[]): 'help' | { settings: Settings; file?: string } {
    const settings: Settings = {};
    let file: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--help' || argv[i] === '-h') {
            return 'help';
        }
        // Not echoed: a stray word is often a secret that lost its flag.
        if (!argv[i].startsWith('--')) {
            throw new Error(`argument ${i + 1} is not an option: every value needs its flag, e.g. --password <secret>. See npm run deploy -- --help.`);
        }
        const [flag, ...inline] = argv[i].split('=');
        const name = (Object.keys(SETTINGS) as SettingName[]).find((key) => SETTINGS[key].flag === flag);
        if (name === undefined && flag !== '--file') {
            throw new Error(`unknown option ${flag}. See npm run deploy -- --help.`);
        }
        // `--url --username x` is a forgotten value, not a URL called "--username"; `--flag=--value` is one on purpose.
        const takesNext = inline.length === 0 && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--');
        const value = inline.length > 0 ? inline.join('=') : takesNext ? argv[++i] : '';
        if (value === '') {
            throw new Error(`option ${flag} needs a value.`);
        }
        if (name === undefined) {
            file = value;
        } else {
            settings[name] = value;
        }
    }
    return { settings, file };
}

async function readConfigFile(directory: string): Promise<Settings> {
    const file = path.join(directory, CONFIG_FILE);
    let parsed: unknown;
    try {
        parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
            return {};
        }
        // The parser's message quotes the file, which may hold the password: say where, not what.
        throw new Error(`${file} is not readable JSON; expected {"url","username","password"} or {"url","userId","token"}.`);
    }
    const record = isRecord(parsed) ? parsed : {};
    return withoutBlanks(FILE_SETTINGS.map((name) => [name, typeof record[name] === 'string' ? record[name] : undefined]));
}

function envSettings(env: DeployIo['env']): Settings {
    return withoutBlanks((Object.keys(SETTINGS) as SettingName[]).map((name) => [name, env[SETTINGS[name].env]]));
}

/** Unset and empty values are left out, so `RC_TOKEN=` does not hide a token from .rcappsconfig. */
function withoutBlanks(entries: ReadonlyArray<readonly [SettingName, unknown]>): Settings {
    return Object.fromEntries(entries.filter(([, value]) => typeof value === 'string' && value !== ''));
}

/** Merges the sources field by field, later ones winning, and checks that a URL and one credential pair are there. */
function resolveTarget(layers: readonly Settings[]): Target {
    const merged: Settings = Object.assign({}, ...layers);
    if (merged.url === undefined) {
        throw new Error(`no Rocket.Chat URL: ${howToSet('url')}.`);
    }
    const url = serverUrl(merged.url);
    const { username, password, userId, token, code } = merged;
    const tokenPair = userId && token ? { userId, token } : undefined;
    const passwordPair = username && password ? { username, password, code } : undefined;
    const lastSetIn = (names: SettingName[]) => Math.max(...names.map((name) => layers.map((layer) => name in layer).lastIndexOf(true)));
    // With both pairs complete (a token in .rcappsconfig, a password in the environment, say) the one set later wins.
    const login =
        tokenPair && passwordPair
            ? lastSetIn(['username', 'password']) > lastSetIn(['userId', 'token'])
                ? passwordPair
                : tokenPair
            : (tokenPair ?? passwordPair);
    if (login !== undefined) {
        return { url, login };
    }
    for (const [given, missing] of [
        ['username', 'password'],
        ['password', 'username'],
        ['userId', 'token'],
        ['token', 'userId'],
    ] as const) {
        if (merged[given] !== undefined) {
            throw new Error(`${given} is set but ${missing} is not: ${howToSet(missing)}.`);
        }
    }
    throw new Error(`no credentials: set username and password, or userId and token (a personal access token), e.g. ${howToSet('username')}.`);
}

function howToSet(name: SettingName): string {
    return `pass ${SETTINGS[name].flag}, set ${SETTINGS[name].env} or add "${name}" to ${CONFIG_FILE}`;
}

/** Keeps scheme, host, port and path (Rocket.Chat may live under one); drops `user:password@`, query and fragment. */
function serverUrl(raw: string): string {
    const url = URL.canParse(raw) ? new URL(raw) : undefined;
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
        throw new Error('the Rocket.Chat URL must look like http(s)://host[:port], e.g. http://localhost:3000.');
    }
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

async function readPackage(zipPath: string): Promise<AppPackage> {
    const bytes = await readFile(zipPath).catch(() => {
        throw new Error(`no app package at ${zipPath}: build it with \`npm run package\`, or pass --file <zip>.`);
    });
    let manifest: unknown;
    try {
        manifest = JSON.parse(new AdmZip(bytes).readAsText('app.json'));
    } catch {
        manifest = undefined;
    }
    const { id, name, version, permissions } = isRecord(manifest) ? manifest : {};
    if (typeof id !== 'string' || typeof name !== 'string' || typeof version !== 'string') {
        throw new Error(`${zipPath} is not an app package (no app.json with id, name and version): rebuild it with \`npm run package\`.`);
    }
    return { fileName: path.basename(zipPath), bytes, id, name, version, permissions };
}

type Step = 'login' | 'lookup' | 'install' | 'update';

interface Answer {
    readonly status: number;
    /** The JSON body, or undefined when the answer was not JSON (a proxy's page, say). */
    readonly body?: Record<string, unknown>;
    /** The server's own words, quoted in failures. */
    readonly said: string;
}

/** The REST calls of one deploy. Every failure leaves as an Error whose message is the line to print. */
class RocketChat {
    private auth: Record<string, string> = {};

    constructor(
        private readonly target: Target,
        private readonly timeoutMs: number,
        /** Gets the session token, so it is redacted like the other secrets. */
        private readonly secrets: Array<string | undefined>,
    ) {}

    async logIn(): Promise<void> {
        const login = this.target.login;
        if ('token' in login) {
            // A personal access token needs no login: the first apps call tells whether the server takes it.
            this.auth = { 'X-User-Id': login.userId, 'X-Auth-Token': login.token };
            return;
        }
        // Older servers read the 2FA code from the body, newer ones from the x-2fa-code header: send both.
        const headers = { 'Content-Type': 'application/json', ...(login.code && { 'x-2fa-code': login.code, 'x-2fa-method': 'totp' }) };
        const body = JSON.stringify({ user: login.username, password: login.password, ...(login.code && { code: login.code }) });
        const answer = await this.send('POST', '/api/v1/login', headers, body);
        const data = answer.body?.data;
        if (answer.status !== 200 || !isRecord(data) || typeof data.userId !== 'string' || typeof data.authToken !== 'string') {
            throw this.failure('login', 'POST /api/v1/login', answer);
        }
        this.secrets.push(data.authToken);
        this.auth = { 'X-User-Id': data.userId, 'X-Auth-Token': data.authToken };
    }

    async hasApp(appId: string): Promise<boolean> {
        const answer = await this.send('GET', `/api/apps/${appId}`, this.auth);
        if (answer.status === 404 && answer.body?.success === false) {
            return false;
        }
        if (answer.status !== 200 || answer.body?.success !== true) {
            throw this.failure('lookup', `GET /api/apps/${appId}`, answer);
        }
        return true;
    }

    async upload(pkg: AppPackage, step: 'install' | 'update'): Promise<RemoteApp> {
        const form = new FormData();
        form.append('app', new Blob([pkg.bytes], { type: 'application/zip' }), pkg.fileName);
        // As apps-cli does: the server then grants the permissions app.json asks for.
        if (pkg.permissions !== undefined) {
            form.append('permissions', JSON.stringify(pkg.permissions));
        }
        const apiPath = step === 'install' ? '/api/apps' : `/api/apps/${pkg.id}`;
        const answer = await this.send('POST', apiPath, this.auth, form);
        const app = answer.body?.app;
        if (answer.status !== 200 || answer.body?.success !== true || !isRecord(app)) {
            throw this.failure(step, `POST ${apiPath}`, answer);
        }
        const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
        return { name: text(app.name), version: text(app.version), status: text(app.status) };
    }

    private async send(method: string, apiPath: string, headers: Record<string, string>, body?: string | FormData): Promise<Answer> {
        let response: Response;
        let text: string;
        try {
            // redirect 'manual': a redirected POST turns into a GET and would carry the credentials to another host.
            response = await fetch(`${this.target.url}${apiPath}`, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
            // Inside the try: a server that sends headers and then stalls times out while the body is read.
            text = await response.text();
        } catch (error) {
            // fetch fails with "fetch failed"; the socket's error, with its code, is the cause.
            const cause = (error as { cause?: { code?: string; message?: string } }).cause;
            const why =
                (error as Error).name === 'TimeoutError'
                    ? `no answer within ${this.timeoutMs / 1000} s`
                    : (cause?.code ?? cause?.message ?? (error as Error).message);
            throw new Error(`could not reach Rocket.Chat at ${this.target.url} (${why}): check the URL, and that Rocket.Chat runs there.`);
        }
        const json = parseJson(text);
        const words = [json?.error, json?.message].filter((word, i, all): word is string => typeof word === 'string' && all.indexOf(word) === i);
        return { status: response.status, body: json, said: words.join('; ') || redactSecrets(text, this.secrets).slice(0, 200) };
    }

    /** One line for a refused call: the case users hit, named, with the server's own words. */
    private failure(step: Step, call: string, answer: Answer): Error {
        const { url, login } = this.target;
        const user = 'username' in login ? login.username : `user ${login.userId}`;
        const said = `(server said: "${answer.said}")`;
        const code = `${answer.body?.errorType ?? ''} ${answer.said}`;
        if (answer.body === undefined) {
            return new Error(`${url} answered ${call} with HTTP ${answer.status} and no JSON: is it the root URL of Rocket.Chat (no /api)?`);
        }
        if (/totp-required/.test(code)) {
            const source = isRecord(answer.body.details) && answer.body.details.method === 'email' ? 'Rocket.Chat has emailed' : 'from your authenticator app';
            return new Error(`${user} has two-factor authentication on ${url} ${said}: run again with --code <code> (or RC_2FA_CODE), the code ${source}.`);
        }
        if (/totp-invalid|totp-max-attempts/.test(code)) {
            return new Error(`Rocket.Chat at ${url} rejected the two-factor code for ${user} ${said}: run again with a fresh --code.`);
        }
        if (step === 'login' && answer.status === 401) {
            return new Error(`Rocket.Chat at ${url} rejected the login of ${user} ${said}: check the username and password.`);
        }
        if (answer.status === 401 && 'token' in login) {
            return new Error(`Rocket.Chat at ${url} did not accept the credentials of ${user} ${said}: check the user id and token.`);
        }
        if (answer.status === 403 || /error-unauthorized/.test(code)) {
            return new Error(`${user} may not manage apps on ${url} ${said}: the user needs the manage-apps permission.`);
        }
        if (/Direct (installation|updating) of an App is disabled/.test(answer.said)) {
            return new Error(`Rocket.Chat at ${url} refuses uploaded apps ${said}: enable development mode (see README).`);
        }
        if (/of the App API/.test(answer.said)) {
            return new Error(`Rocket.Chat at ${url} is too old for this app ${said}: upgrade Rocket.Chat.`);
        }
        return new Error(`Rocket.Chat at ${url} answered ${call} with HTTP ${answer.status} during the ${step} ${said}.`);
    }
}

function parseJson(text: string): Record<string, unknown> | undefined {
    try {
        const json: unknown = JSON.parse(text);
        return isRecord(json) ? json : undefined;
    } catch {
        return undefined;
    }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every secret in `text` with ***: the last line of defence for words that come from elsewhere (a server
 * that echoes a header). A short secret (a 6-digit 2FA code) is replaced only where it stands alone, so it does not
 * mangle ordinary words and numbers.
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
    const distinct = [...new Set(secrets.filter((secret): secret is string => secret !== undefined && secret !== ''))];
    // Longest first, so a secret that contains another is replaced whole.
    return distinct
        .sort((a, b) => b.length - a.length)
        .reduce(
            (redacted, secret) =>
                secret.length >= 8 ? redacted.split(secret).join('***') : redacted.replace(new RegExp(`(?<!\\w)${escapeRegExp(secret)}(?!\\w)`, 'g'), '***'),
            text,
        );
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

if (require.main === module) {
    void runDeploy({
        argv: process.argv.slice(2),
        env: process.env,
        cwd: process.cwd(),
        defaultZip: zipPathFor(readAppJson().version),
        stdout: (line) => process.stdout.write(`${line}\n`),
        stderr: (line) => process.stderr.write(`${line}\n`),
    }).then((exitCode) => {
        process.exitCode = exitCode;
    });
}
