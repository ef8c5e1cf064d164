/**
 * Rocket.Chat's own message parser (what its client runs on every mrkdwn text), for asserting what a text would
 * become. The package ships ES modules only; jest runs CommonJS, so it is bundled once into a CommonJS copy.
 */
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

type Parse = (text: string, options?: { emoticons?: boolean }) => unknown[];

let parse: Parse | undefined;

export function parseMessage(text: string): unknown[] {
    if (!parse) {
        const outfile = path.resolve(__dirname, '../../node_modules/.cache/liveperson-visitor-info/message-parser.cjs');
        if (!fs.existsSync(outfile)) {
            buildSync({
                entryPoints: [require.resolve('@rocket.chat/message-parser')],
                bundle: true,
                format: 'cjs',
                platform: 'node',
                outfile,
                logLevel: 'silent',
            });
        }
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        parse = (require(outfile) as { parse: Parse }).parse;
    }
    return parse(text, { emoticons: false });
}
