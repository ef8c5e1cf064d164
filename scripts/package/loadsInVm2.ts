import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { AppsEngineVM2Runtime } from 'apps-engine-1-42/server/runtime/AppsEngineVM2Runtime';
import { buildCustomRequire } from 'apps-engine-1-42/server/runtime/require';

const ENGINE_1_42 = path.dirname(require.resolve('apps-engine-1-42/package.json'));

/**
 * vm2 resolves the app's `require('@rocket.chat/apps-engine/definition/...')` from the process's working
 * directory. On a Rocket.Chat 6 server that directory's node_modules holds the engine itself; here the name
 * belongs to the app's build-time definitions, so the code runs from a temporary directory whose node_modules
 * has 1.42.1 under its real name.
 */
export async function withEngine142Root<T>(run: () => Promise<T>): Promise<T> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apps-engine-1-42-host-'));
    const scope = path.join(root, 'node_modules', '@rocket.chat');
    fs.mkdirSync(scope, { recursive: true });
    fs.symlinkSync(ENGINE_1_42, path.join(scope, 'apps-engine'), 'dir');
    const previous = process.cwd();
    process.chdir(root);
    try {
        return await run();
    } finally {
        process.chdir(previous);
        fs.rmSync(root, { recursive: true, force: true });
    }
}

/**
 * Evaluates a bundled Main.js the way Rocket.Chat 6 does (Apps-Engine 1.42.1's compiler: vm2, with only
 * Buffer, console and the timers as globals: no AbortController, queueMicrotask, TextEncoder, performance or
 * crypto). Returns what is wrong, in sentences; empty when the app loads.
 */
export async function problemsLoadingInVm2(mainJsPath: string): Promise<string[]> {
    const files = { 'Main.js': fs.readFileSync(mainJsPath, 'utf8') };
    try {
        const exported = await withEngine142Root(() => AppsEngineVM2Runtime.runCode(files['Main.js'], { require: buildCustomRequire(files, 'package-check') }));
        return typeof exported === 'function' ? [] : ['Main.js loads in the vm2 runtime of Rocket.Chat 6, but exports no App class.'];
    } catch (error) {
        return [`Main.js does not load in the vm2 runtime of Rocket.Chat 6 (Apps-Engine 1.42): ${error instanceof Error ? error.message : String(error)}`];
    }
}
