/**
 * Command-line flags of `npm run deploy`. Parsing is strict (unknown flags and missing values are errors) because a
 * typo such as `--tokn` would otherwise fall back silently to another credential source.
 */
import type { ConnectionFields } from './connection-config';
import { DeployError } from './errors';

export interface DeployArgs {
    /** Connection settings given as flags (the highest-priority source). */
    readonly connection: ConnectionFields;
    /** `--file`: the zip to deploy instead of dist/<slug>_<version>.zip. */
    readonly file?: string;
    readonly help: boolean;
}

const FLAG_TO_FIELD: Readonly<Record<string, keyof ConnectionFields>> = {
    '--url': 'url',
    '--username': 'username',
    '--password': 'password',
    '--user-id': 'userId',
    '--token': 'token',
    '--code': 'code',
};

export const USAGE = `Usage: npm run deploy -- [options]

Installs the packaged app (dist/<nameSlug>_<version>.zip, built by \`npm run package\`) on a Rocket.Chat server,
or updates it when that server already has it.

Options:
  --url <url>            Rocket.Chat root URL, e.g. https://chat.example.com   (env RC_URL)
  --username <name>      user to log in as; needs the manage-apps permission   (env RC_USERNAME)
  --password <password>  that user's password                                  (env RC_PASSWORD)
  --user-id <id>         user id of a personal access token                    (env RC_USER_ID)
  --token <token>        personal access token                                 (env RC_TOKEN)
  --code <code>          two-factor code, when the account uses 2FA            (env RC_2FA_CODE)
  --file <zip>           deploy this zip instead of the default package
  --help                 show this help

Settings are read from .rcappsconfig in the current directory ({"url","username","password"} or
{"url","userId","token"}), then the environment, then flags; later sources win.
Prefer the environment or .rcappsconfig for secrets: flags are visible in the process list.
Values that start with "--" must be written --flag=value.`;

export function parseDeployArgs(argv: readonly string[]): DeployArgs {
    const connection: { -readonly [K in keyof ConnectionFields]: ConnectionFields[K] } = {};
    let file: string | undefined;
    let help = false;

    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--help' || arg === '-h') {
            help = true;
            continue;
        }
        if (!arg.startsWith('--')) {
            // Not echoed: a stray word here is often a secret that lost its flag.
            throw usageError(`Unexpected argument number ${i + 1}: every value needs its option (e.g. --password <password>).`);
        }

        const equals = arg.indexOf('=');
        const flag = equals === -1 ? arg : arg.slice(0, equals);
        const field = FLAG_TO_FIELD[flag];
        if (field === undefined && flag !== '--file') {
            throw usageError(`Unknown option "${flag}".`);
        }

        let value: string | undefined;
        if (equals !== -1) {
            value = arg.slice(equals + 1);
        } else {
            const next = argv[i + 1];
            // `--url --username x` is a forgotten value, not a URL called "--username".
            if (next !== undefined && !next.startsWith('--')) {
                value = next;
                i++;
            }
        }
        if (value === undefined || value === '') {
            throw usageError(`Option ${flag} needs a value.`);
        }

        if (field === undefined) {
            file = value;
        } else {
            connection[field] = value;
        }
    }

    return { connection, file, help };
}

function usageError(problem: string): DeployError {
    return new DeployError('usage', `${problem} Run \`npm run deploy -- --help\` for the options.`);
}
