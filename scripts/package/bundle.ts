import { build, type Plugin } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

import { isHostOnlyKey } from './hostOnlyKeys';
import { BUILD, I18N, ROOT } from './paths';

/** The app's translations, inlined without the keys only the host reads (it reads them from the zip). */
const appTranslations: Plugin = {
    name: 'app-translations',
    setup(builder) {
        builder.onLoad({ filter: /\.json$/ }, (args) => {
            if (path.dirname(args.path) !== I18N) return undefined;
            const all = JSON.parse(fs.readFileSync(args.path, 'utf8')) as Record<string, string>;
            return { contents: JSON.stringify(Object.fromEntries(Object.entries(all).filter(([key]) => !isHostOnlyKey(key)))), loader: 'json' };
        });
    },
};

/**
 * One CommonJS file, like the host expects: zod and the translations inlined, the Apps-Engine left to the
 * host (it provides it). `platform: neutral` makes any Node built-in import fail the build: the app
 * runs in a sandbox that has none. `globalThis` is the bundle's own object (see appGlobal.ts).
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
        inject: [path.join(__dirname, 'appGlobal.ts')],
        define: { globalThis: 'appGlobal' },
        plugins: [appTranslations],
        minifyWhitespace: true,
        minifySyntax: true,
        legalComments: 'none',
        logLevel: 'warning',
        charset: 'utf8',
    });
    return outfile;
}
