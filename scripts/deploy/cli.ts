/**
 * `npm run deploy` as a function of its inputs (arguments, environment, directories) and outputs (two line
 * writers and an exit code), so tests drive it in-process. scripts/deploy.ts binds it to the real process.
 */
import path from 'node:path';
import { defaultZipPath, readProjectManifest } from './app-package';
import { USAGE, parseDeployArgs } from './cli-args';
import { connectionFieldsFromEnv, loadRcAppsConfig, resolveConnection } from './connection-config';
import type { DeployOutcome } from './deploy-app';
import { deployApp, isEnabledStatus } from './deploy-app';
import { DeployError, redactSecrets } from './errors';

export interface DeployCliIo {
    readonly argv: readonly string[];
    readonly env: Readonly<Record<string, string | undefined>>;
    /** Where .rcappsconfig is looked for and --file is resolved from. */
    readonly cwd: string;
    /** Where app.json and dist/ live. */
    readonly projectRoot: string;
    readonly stdout: (line: string) => void;
    readonly stderr: (line: string) => void;
    readonly requestTimeoutMs?: number;
}

export async function runDeployCli(io: DeployCliIo): Promise<number> {
    const secrets = inputSecrets(io);
    try {
        const args = parseDeployArgs(io.argv);
        if (args.help) {
            io.stdout(USAGE);
            return 0;
        }

        const projectManifest = await readProjectManifest(io.projectRoot);
        const zipPath = args.file !== undefined ? path.resolve(io.cwd, args.file) : defaultZipPath(io.projectRoot, projectManifest);
        const fileFields = await loadRcAppsConfig(io.cwd);
        secrets.push(...[fileFields.password, fileFields.token].filter((s): s is string => s !== undefined));
        const connection = resolveConnection({ flags: args.connection, env: connectionFieldsFromEnv(io.env), file: fileFields });

        const outcome = await deployApp({ connection, projectManifest, zipPath, requestTimeoutMs: io.requestTimeoutMs });
        io.stdout(successLine(outcome));
        if (outcome.appStatus !== undefined && !isEnabledStatus(outcome.appStatus)) {
            io.stderr(notEnabledWarning(outcome));
        }
        return 0;
    } catch (error) {
        io.stderr(failureText(error, secrets));
        return 1;
    }
}

function successLine(outcome: DeployOutcome): string {
    const verb = outcome.action === 'installed' ? 'Installed' : 'Updated';
    return `${verb} ${outcome.appName} ${outcome.version} on ${outcome.serverUrl} in ${formatDuration(outcome.elapsedMs)}.`;
}

function notEnabledWarning(outcome: DeployOutcome): string {
    return (
        `Warning: Rocket.Chat reports ${outcome.appName} as "${outcome.appStatus}", not enabled. Enable it under Administration > ` +
        `Workspace > Apps > Private Apps; on the Community edition the private-apps limit can keep new private apps disabled.`
    );
}

function formatDuration(ms: number): string {
    return ms < 1000 ? `${Math.max(0, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Expected failures are DeployErrors with a finished message. Anything else is a bug here; it is still shown as one
 * paragraph (no stack) and, like everything printed, without secrets: connection values may not have been parsed
 * yet, so every secret given as input (flags, environment, .rcappsconfig) is scrubbed.
 */
function failureText(error: unknown, secrets: readonly string[]): string {
    const message = error instanceof DeployError ? error.message : `The deploy failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
    return redactSecrets(`Deploy failed: ${message}`, secrets);
}

function inputSecrets(io: DeployCliIo): string[] {
    const secrets = [io.env.RC_PASSWORD, io.env.RC_TOKEN, io.env.RC_2FA_CODE];
    for (let i = 0; i < io.argv.length; i++) {
        const arg = io.argv[i];
        for (const flag of ['--password', '--token', '--code']) {
            if (arg === flag) {
                secrets.push(io.argv[i + 1]);
            } else if (arg.startsWith(`${flag}=`)) {
                secrets.push(arg.slice(flag.length + 1));
            }
        }
    }
    return secrets.filter((s): s is string => s !== undefined);
}
