/**
 * `npm run deploy`: installs or updates the packaged app on a Rocket.Chat server through its REST API.
 * The work happens in scripts/deploy/ (see cli.ts); this file only binds it to the running process.
 */
import path from 'node:path';
import { runDeployCli } from './deploy/cli';

void runDeployCli({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    projectRoot: path.resolve(__dirname, '..'),
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
}).then((exitCode) => {
    process.exitCode = exitCode;
});
