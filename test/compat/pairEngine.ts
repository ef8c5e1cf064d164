/**
 * One pair made ready to start: its engine and Deno from the runtimes install, with the wrapper, import map and
 * Deno cache that the main suite's setup (denoRuntime.ts) writes for any engine.
 */
import fs from 'node:fs';
import path from 'node:path';

import { prepareDenoRuntime } from '../support/engine/denoRuntime';
import type { EngineChoice } from '../support/engine/engine';
import { RUNTIMES_DIR } from './installRuntimes';
import type { CompatPair } from './pairs';

export interface PairEngine extends EngineChoice {
    /** The Deno executable every app subprocess of this pair must run. */
    denoBinary: string;
}

export function pairEngine(pair: CompatPair): PairEngine {
    const engineDir = path.join(RUNTIMES_DIR, `apps-engine-${pair.engine}`);
    const denoBinary = path.join(RUNTIMES_DIR, `deno-${pair.deno}`, 'deno');
    // The platform package ships the binary without its execute bit; the `deno` package's installer would set it.
    fs.chmodSync(denoBinary, 0o755);
    const runtime = prepareDenoRuntime({
        engineDir,
        deno: denoBinary,
        workDir: path.join(RUNTIMES_DIR, '..', 'deno', pair.engine),
        // The engine's own default; 1.46.0 allows no other.
        denoDir: path.join(engineDir, '.deno-cache'),
    });
    // 1.46.0 runs the Deno that its dependency deno-bin downloads at install (from GitHub, out of reach here), not
    // the one on PATH: the wrapper goes where that download would.
    const { dependencies = {} } = JSON.parse(fs.readFileSync(path.join(engineDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    if ('deno-bin' in dependencies) {
        const denoBin = path.join(path.dirname(require.resolve('deno-bin/package.json', { paths: [engineDir] })), 'bin', 'deno');
        fs.rmSync(denoBin, { force: true });
        fs.symlinkSync(path.join(runtime.binDir, 'deno'), denoBin);
    }
    return { engineDir, runtime, denoBinary };
}
