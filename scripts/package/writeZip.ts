import AdmZip from 'adm-zip';
import fs from 'node:fs';
import path from 'node:path';

import { DIST, I18N, ROOT } from './paths';

/** Exactly what the host needs and nothing else: no sources, tests or lockfiles. */
export function writeZip(zipPath: string, mainJsPath: string, iconFile: string): string[] {
    const zip = new AdmZip();
    zip.addLocalFile(path.join(ROOT, 'app.json'));
    zip.addLocalFile(mainJsPath);
    zip.addLocalFile(path.join(ROOT, iconFile));
    for (const file of fs.readdirSync(I18N).filter((name) => name.endsWith('.json'))) {
        zip.addLocalFile(path.join(I18N, file), 'i18n');
    }
    fs.mkdirSync(DIST, { recursive: true });
    zip.writeZip(zipPath);
    return zip.getEntries().map((entry) => entry.entryName);
}
