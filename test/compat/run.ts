/**
 * `npm run test:compat [-- <engine> ...]`: the packaged zip through every engine/Deno pair (pairs.ts), or the
 * engines named, each in a jest run of its own (lifecycle.compat.ts), so that one pair's engine modules,
 * subprocesses and environment never meet another's. Prints one line per pair and a closing count.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { installRuntimes } from './installRuntimes';
import { COMPAT_PAIRS, pairFor, type CompatPair } from './pairs';

const ROOT = path.resolve(__dirname, '..', '..');

interface PairResult {
    pair: CompatPair;
    passed: boolean;
    seconds: number;
}

function runPair(pair: CompatPair): PairResult {
    const started = Date.now();
    // --forceExit: after unload, the engine's stopped subprocess controllers keep their ping timers for about 10 s.
    const run = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--config', 'jest.compat.config.js', '--forceExit'], {
        cwd: ROOT,
        env: { ...process.env, COMPAT_ENGINE: pair.engine },
        stdio: 'inherit',
    });
    return { pair, passed: run.status === 0, seconds: (Date.now() - started) / 1000 };
}

function main(): number {
    const pairs = process.argv.length > 2 ? process.argv.slice(2).map(pairFor) : COMPAT_PAIRS;
    const installMs = installRuntimes();
    console.log(installMs > 0 ? `Installed the engines and Deno builds in ${(installMs / 1000).toFixed(1)} s.` : 'Engines and Deno builds: already installed.');

    const results = pairs.map(runPair);
    console.log('\nThe packaged zip on each Apps-Engine runtime, with the Deno its Rocket.Chat releases run:');
    for (const { pair, passed, seconds } of results) {
        const cells = [
            `Apps-Engine ${pair.engine}`.padEnd(19),
            `Deno ${pair.deno}`.padEnd(12),
            passed ? 'pass' : 'FAIL',
            `${seconds.toFixed(1).padStart(5)} s`,
        ];
        console.log(`  ${cells.join('  ')}  Rocket.Chat ${pair.rocketChat}`);
    }
    const failed = results.filter((result) => !result.passed).length;
    console.log(`${results.length - failed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
}

process.exitCode = main();
