import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The artifact that ships: tests run it, not the sources. `npm test` builds it first (`pretest`). */
export function packagedZipPath(): string {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8')) as { version: string };
    const zip = path.join(ROOT, 'dist', `liveperson-visitor-info_${version}.zip`);
    if (!fs.existsSync(zip)) {
        throw new Error(`${path.relative(ROOT, zip)} is missing: run \`npm run package\` (npm test does it for you).`);
    }
    return zip;
}
