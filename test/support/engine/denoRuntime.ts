/**
 * Runs the Deno side of an Apps-Engine release (1.46 to 1.62: what Rocket.Chat 7 and 8 run) from the npm registry
 * alone, without touching the engine's files. The engine spawns `deno run ...`; a wrapper named `deno`, first on
 * PATH, adds an import map to that command line and passes the rest on. The map points the runtime's `jsr:` and
 * deno.land imports (neither is reachable here) at the small stand-ins beside this file, and the one value import
 * of a TypeScript source the npm package lacks at its compiled twin. The main suite runs 1.62.0 (the
 * `apps-engine-1-62` alias) with the `deno` package; `npm run test:compat` runs every engine with its own Deno.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const ENGINE_DIR = path.dirname(require.resolve('apps-engine-1-62/package.json'));
const ROOT = path.resolve(__dirname, '..', '..', '..');
const WORK_DIR = path.join(ROOT, 'node_modules', '.cache', 'liveperson-visitor-info', 'deno-1.62');
/** Files the Deno runtime loads: the stand-ins and the test clock (type-checked by Deno, not tsc). */
const DENO_FILES = path.join(__dirname, 'deno');

/** One engine with one Deno build. */
export interface DenoRuntimeTarget {
    /** The engine's package folder. */
    engineDir: string;
    /** The Deno executable. */
    deno: string;
    /** Where the wrapper, the import map and the link to the runtime are written. */
    workDir: string;
    /** The Deno cache the engine's subprocesses read (`DENO_DIR`). */
    denoDir: string;
}

export interface DenoRuntime {
    /** Where the runtime's npm: imports are cached (`DENO_DIR`). */
    denoDir: string;
    /** The folder holding the `deno` wrapper: put it first on PATH. */
    binDir: string;
}

/** The main suite's pair: 1.62.0 with the Deno that the `deno` npm package installed. */
function mainSuiteTarget(): DenoRuntimeTarget {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const installer = require('deno/install_api.cjs') as { runInstall(): string };
    return { engineDir: ENGINE_DIR, deno: installer.runInstall(), workDir: WORK_DIR, denoDir: path.join(WORK_DIR, 'cache') };
}

/**
 * From 1.62 the engine links its runtime into its temporary folder and names the runtime's deno.jsonc with
 * `--config`; before, it runs main.ts where it is installed, and Deno finds deno.jsonc (and the engine's
 * package.json) itself.
 */
function runsInPlace(engineDir: string): boolean {
    const { version } = JSON.parse(fs.readFileSync(path.join(engineDir, 'package.json'), 'utf8')) as { version: string };
    const [major, minor] = version.split('.').map(Number);
    return major === 1 && minor < 62;
}

function importMap(engineDir: string): { imports: Record<string, string> } {
    const configPath = path.join(engineDir, 'deno-runtime', 'deno.jsonc');
    const config = JSON.parse(fs.readFileSync(configPath, 'utf8')) as { imports: Record<string, string> };
    const file = (target: string) => `file://${target}`;
    const imports: Record<string, string> = {};
    for (const [name, target] of Object.entries(config.imports)) {
        if (!name.startsWith('@std/')) imports[name] = target;
    }
    // The config maps the engine to its TypeScript sources ("./../src/"), which the npm package lacks; the
    // runtime's require() then strips "apps-engine/src/" (up to 1.59: the first "src/") to reach the compiled
    // files. Installed under an alias the path holds no "apps-engine/src/", so the map points at the compiled
    // files directly, where that stripping would have led.
    if (runsInPlace(engineDir) && engineDir.includes('src/')) {
        throw new Error(`Apps-Engine up to 1.59 cuts the first "src/" out of the paths it requires: ${engineDir} has one.`);
    }
    imports['@rocket.chat/apps-engine/'] = `${file(engineDir)}/`;
    imports['@std/cli/parse-args'] = file(path.join(DENO_FILES, 'parse_args.ts'));
    imports['@std/io'] = file(path.join(DENO_FILES, 'write_all.ts'));
    imports['@std/streams'] = file(path.join(DENO_FILES, 'to_array_buffer.ts'));
    // 1.46.0 to 1.59.0 import writeAll from deno.land itself.
    imports['https://deno.land/std@0.216.0/io/write_all.ts'] = file(path.join(DENO_FILES, 'write_all.ts'));
    // 1.62.0's handleUploadEvents.ts imports this TypeScript source as a value; the npm package ships only the compiled file.
    imports['@rocket.chat/apps-engine/definition/exceptions/AppsEngineException.ts'] = file(
        path.join(engineDir, 'definition', 'exceptions', 'AppsEngineException.js'),
    );
    return { imports };
}

function writeIfChanged(file: string, content: string, mode?: number): void {
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content) {
        fs.writeFileSync(file, content, { mode });
    }
}

/**
 * Writes the wrapper and the import map, and fills DENO_DIR once (about 1 s; later calls find it done). The
 * engine does not pass the npm registry on to Deno, so the cache is filled for the registry npm itself uses.
 */
export function prepareDenoRuntime(target: DenoRuntimeTarget = mainSuiteTarget()): DenoRuntime {
    const { engineDir, deno, workDir, denoDir } = target;
    const binDir = path.join(workDir, 'bin');
    const mapPath = path.join(workDir, 'import-map.json');
    const runtimeDir = path.join(engineDir, 'deno-runtime');
    const inPlace = runsInPlace(engineDir);
    fs.mkdirSync(binDir, { recursive: true });
    fs.mkdirSync(denoDir, { recursive: true });
    const map = JSON.stringify(importMap(engineDir), null, 2);
    writeIfChanged(mapPath, map);
    const addedFlags = [`--import-map=${mapPath}`];
    if (inPlace) {
        // The runtime then sits in this project's node_modules, which Deno 1.x would take for the project's npm
        // packages (refusing TypeScript there), and it would write a deno.lock beside this project's package.json.
        // Run from a folder with no package.json above, it reads npm packages from DENO_DIR and uses no lock: as
        // these flags make it do from here.
        addedFlags.push('--node-modules-dir=false', '--no-lock');
    }
    writeIfChanged(
        path.join(binDir, 'deno'),
        [
            '#!/bin/sh',
            "# Written by test/support/engine/denoRuntime.ts: the engine's `deno run`, with the import map (and flags) added.",
            'if [ "$1" = "run" ]; then',
            '  shift',
            '  # A test host that moves time writes test-clock.ts beside the runtime it links (<temp>/deno-runtime): run',
            '  # that instead of main.ts; it sets the clock up, then imports main.ts.',
            '  for arg in "$@"; do',
            '    shift',
            '    case "$arg" in */deno-runtime/main.ts) [ -f "${arg%/deno-runtime/main.ts}/test-clock.ts" ] && arg="${arg%/deno-runtime/main.ts}/test-clock.ts" ;; esac',
            '    set -- "$@" "$arg"',
            '  done',
            `  exec '${deno}' run ${addedFlags.map((flag) => `'${flag}'`).join(' ')} "$@"`,
            'fi',
            `exec '${deno}' "$@"`,
            '',
        ].join('\n'),
        0o755,
    );

    const stamp = crypto.createHash('sha256').update(map).update(deno).digest('hex');
    const stampPath = path.join(denoDir, '.filled-for');
    if (fs.existsSync(stampPath) && fs.readFileSync(stampPath, 'utf8') === stamp) {
        return { denoDir, binDir };
    }
    // Cached as the engine runs it: in place, or from a link outside node_modules (where Deno 2 accepts an entry
    // point) with the config named.
    let runtimeArgs = [path.join(runtimeDir, 'main.ts')];
    if (!inPlace) {
        const link = path.join(workDir, 'deno-runtime-link');
        fs.rmSync(link, { force: true });
        fs.symlinkSync(runtimeDir, link, 'dir');
        runtimeArgs = [`--config=${path.join(runtimeDir, 'deno.jsonc')}`, path.join(link, 'main.ts')];
    }
    const registry = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
    execFileSync(deno, ['cache', ...addedFlags, ...runtimeArgs], {
        env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            DENO_DIR: denoDir,
            NPM_CONFIG_REGISTRY: registry,
            DENO_TLS_CA_STORE: 'system,mozilla',
            NO_COLOR: '1',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
    });
    fs.writeFileSync(stampPath, stamp);
    return { denoDir, binDir };
}

/**
 * Lets a scenario move the app's clock in the Deno subprocesses of an engine whose temporary folder is `tempDir`:
 * returns a function that sets the offset, in milliseconds, from real time.
 */
export function installTestClock(tempDir: string): (offsetMs: number) => void {
    const offsetFile = path.join(tempDir, 'clock-offset');
    fs.writeFileSync(offsetFile, '0');
    fs.writeFileSync(
        path.join(tempDir, 'test-clock.ts'),
        [
            `import { installTestClock } from ${JSON.stringify(`file://${path.join(DENO_FILES, 'clock.ts')}`)};`,
            `installTestClock(${JSON.stringify(offsetFile)});`,
            // Imported only now, so that the runtime and the app load with the clock in place.
            `await import('./deno-runtime/main.ts');`,
            '',
        ].join('\n'),
    );
    return (offsetMs) => fs.writeFileSync(offsetFile, String(offsetMs));
}

/** Makes the engine started in this process find the wrapper and the cache. */
export function useDenoRuntime(runtime: DenoRuntime = prepareDenoRuntime()): DenoRuntime {
    const entries = (process.env.PATH ?? '').split(path.delimiter).filter((entry) => entry !== runtime.binDir);
    process.env.PATH = [runtime.binDir, ...entries].join(path.delimiter);
    process.env.DENO_DIR = runtime.denoDir;
    return runtime;
}
