import { build } from 'esbuild';
import path from 'node:path';

import { BUILD, ROOT } from './paths';

/**
 * One CommonJS file, like the host expects: zod and the translations inlined, the Apps-Engine left to the
 * host (it provides it). `platform: neutral` makes any Node built-in import fail the build: the app
 * runs in a sandbox that has none.
 */
export async function bundleMain(): Promise<string> {
    const outfile = path.join(BUILD, 'Main.js');
    await build({
        entryPoints: [path.join(ROOT, 'Main.ts')],
        outfile,
        bundle: true,
        format: 'cjs',
        platform: 'neutral',
        mainFields: ['main', 'module'],
        target: 'es2020',
        external: ['@rocket.chat/apps-engine', '@rocket.chat/apps-engine/*'],
        minifyWhitespace: true,
        minifySyntax: true,
        legalComments: 'none',
        logLevel: 'warning',
        charset: 'utf8',
    });
    return outfile;
}
