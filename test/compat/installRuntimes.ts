/**
 * Installs the engines and Deno builds of the compatibility run (`runtimes/package.json`, locked by its
 * package-lock.json) into node_modules/.cache, once per lock (10–16 s). As devDependencies they would add about
 * 190 MB and 10–20 s to every `npm ci`, whose install scripts they would also break (1.46.0's deno-bin downloads
 * from GitHub).
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST_DIR = path.join(__dirname, 'runtimes');
const INSTALL_DIR = path.join(ROOT, 'node_modules', '.cache', 'liveperson-visitor-info', 'compat');
const MANIFEST_FILES = ['package.json', 'package-lock.json'];

/** Where the runtimes are installed: `<dir>/apps-engine-<version>`, `<dir>/deno-<version>/deno`. */
export const RUNTIMES_DIR = path.join(INSTALL_DIR, 'node_modules');

/** Installs from the lock unless that lock is installed already; returns how long it took, in ms (0: nothing to do). */
export function installRuntimes(): number {
    const started = Date.now();
    const lock = crypto.createHash('sha256');
    for (const file of MANIFEST_FILES) lock.update(fs.readFileSync(path.join(MANIFEST_DIR, file)));
    const stamp = lock.digest('hex');
    const stampPath = path.join(INSTALL_DIR, '.installed-from');
    if (fs.existsSync(stampPath) && fs.readFileSync(stampPath, 'utf8') === stamp) return 0;

    fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
    fs.mkdirSync(INSTALL_DIR, { recursive: true });
    for (const file of MANIFEST_FILES) fs.copyFileSync(path.join(MANIFEST_DIR, file), path.join(INSTALL_DIR, file));
    // No install scripts: 1.46.0's deno-bin would download Deno from GitHub, which is out of reach (and not the
    // Deno under test). --legacy-peer-deps: 1.46.0's peer `@rocket.chat/ui-kit@next` no longer resolves.
    execFileSync('npm', ['ci', '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund', '--loglevel=error'], {
        cwd: INSTALL_DIR,
        stdio: ['ignore', 'ignore', 'inherit'],
    });
    fs.writeFileSync(stampPath, stamp);
    return Date.now() - started;
}
