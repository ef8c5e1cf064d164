/**
 * Runs the Deno side of Apps-Engine 1.62 (what Rocket.Chat 7 and 8 run) from `npm ci` alone, without touching the
 * engine's files. The engine spawns plain `deno run --cached-only --config=<its deno.jsonc> ...` from PATH; a
 * wrapper named `deno`, first on PATH, adds an import map to that command line and passes the rest on. The map
 * points the runtime's three `jsr:` imports (jsr.io is not reachable here) at the small stand-ins beside this
 * file, and the one value import of a TypeScript source the npm package lacks at its compiled twin.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const ENGINE_DIR = path.dirname(require.resolve('apps-engine-1-62/package.json'));
const ROOT = path.resolve(__dirname, '..', '..', '..');
const WORK_DIR = path.join(ROOT, 'node_modules', '.cache', 'liveperson-visitor-info', 'deno-1.62');
/** Files the Deno runtime loads: the jsr stand-ins and the test clock (type-checked by Deno, not tsc). */
const DENO_FILES = path.join(__dirname, 'deno');

export interface DenoRuntime {
    /** Where the runtime's npm: imports are cached (`DENO_DIR`). */
    denoDir: string;
    /** The folder holding the `deno` wrapper: put it first on PATH. */
    binDir: string;
}

/** The real Deno binary that the `deno` npm package installed. */
function denoBinary(): string {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const installer = require('deno/install_api.cjs') as { runInstall(): string };
    return installer.runInstall();
}

function importMap(): { imports: Record<string, string> } {
    const configPath = path.join(ENGINE_DIR, 'deno-runtime', 'deno.jsonc');
    const config = JSON.parse(fs.readFileSync(configPath, 'utf8')) as { imports: Record<string, string> };
    const file = (target: string) => `file://${target}`;
    const imports: Record<string, string> = {};
    for (const [name, target] of Object.entries(config.imports)) {
        if (!name.startsWith('@std/')) imports[name] = target;
    }
    // The config maps the engine to its TypeScript sources ("./../src/"), which the npm package lacks; the
    // runtime's require() then strips "apps-engine/src/" to reach the compiled files. Installed under an alias
    // the path holds no "apps-engine/src/", so the map points at the compiled files directly, where that
    // stripping would have led.
    imports['@rocket.chat/apps-engine/'] = `${file(ENGINE_DIR)}/`;
    imports['@std/cli/parse-args'] = file(path.join(DENO_FILES, 'parse_args.ts'));
    imports['@std/io'] = file(path.join(DENO_FILES, 'write_all.ts'));
    imports['@std/streams'] = file(path.join(DENO_FILES, 'to_array_buffer.ts'));
    // handleUploadEvents.ts imports this TypeScript source as a value; the npm package ships only the compiled file.
    imports['@rocket.chat/apps-engine/definition/exceptions/AppsEngineException.ts'] = file(
        path.join(ENGINE_DIR, 'definition', 'exceptions', 'AppsEngineException.js'),
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
export function prepareDenoRuntime(): DenoRuntime {
    const binDir = path.join(WORK_DIR, 'bin');
    const denoDir = path.join(WORK_DIR, 'cache');
    const mapPath = path.join(WORK_DIR, 'import-map.json');
    fs.mkdirSync(binDir, { recursive: true });
    const map = JSON.stringify(importMap(), null, 2);
    writeIfChanged(mapPath, map);
    const deno = denoBinary();
    writeIfChanged(
        path.join(binDir, 'deno'),
        [
            '#!/bin/sh',
            "# Written by test/support/engine/denoRuntime.ts: the engine's `deno run`, with the import map added.",
            'if [ "$1" = "run" ]; then',
            '  shift',
            '  # A test host that wants to move time writes test-clock.ts next to the runtime it links (<temp>/deno-runtime).',
            '  for arg in "$@"; do case "$arg" in */deno-runtime/main.ts) clock="${arg%/deno-runtime/main.ts}/test-clock.ts" ;; esac; done',
            '  if [ -n "$clock" ] && [ -f "$clock" ]; then',
            `    exec '${deno}' run '--import-map=${mapPath}' "--preload=$clock" "$@"`,
            '  fi',
            `  exec '${deno}' run '--import-map=${mapPath}' "$@"`,
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
    // Deno refuses entry points inside node_modules: cache through a link outside it, as the engine runs it.
    const link = path.join(path.dirname(WORK_DIR), 'deno-runtime-link');
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.join(ENGINE_DIR, 'deno-runtime'), link, 'dir');
    const registry = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
    execFileSync(deno, ['cache', `--config=${path.join(ENGINE_DIR, 'deno-runtime', 'deno.jsonc')}`, `--import-map=${mapPath}`, path.join(link, 'main.ts')], {
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

/** Makes the engine started in this process find the wrapper and the cache. */
/**
 * Lets a scenario move the app's clock in the Deno subprocesses of an engine whose temporary folder is `tempDir`:
 * returns a function that sets the offset, in milliseconds, from real time.
 */
export function installTestClock(tempDir: string): (offsetMs: number) => void {
    const offsetFile = path.join(tempDir, 'clock-offset');
    fs.writeFileSync(offsetFile, '0');
    fs.writeFileSync(
        path.join(tempDir, 'test-clock.ts'),
        `import { installTestClock } from ${JSON.stringify(`file://${path.join(DENO_FILES, 'clock.ts')}`)};\ninstallTestClock(${JSON.stringify(offsetFile)});\n`,
    );
    return (offsetMs) => fs.writeFileSync(offsetFile, String(offsetMs));
}

export function useDenoRuntime(runtime: DenoRuntime = prepareDenoRuntime()): DenoRuntime {
    const entries = (process.env.PATH ?? '').split(path.delimiter).filter((entry) => entry !== runtime.binDir);
    process.env.PATH = [runtime.binDir, ...entries].join(path.delimiter);
    process.env.DENO_DIR = runtime.denoDir;
    return runtime;
}
