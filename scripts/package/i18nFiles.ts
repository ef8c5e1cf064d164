import fs from 'node:fs';
import path from 'node:path';

import { I18N } from './paths';

export function readI18nFiles(): Map<string, Record<string, string>> {
    const files = new Map<string, Record<string, string>>();
    for (const name of fs
        .readdirSync(I18N)
        .filter((file) => file.endsWith('.json'))
        .sort()) {
        files.set(name, JSON.parse(fs.readFileSync(path.join(I18N, name), 'utf8')) as Record<string, string>);
    }
    return files;
}

/** Every key the host needs, and every key English has, must exist (non-empty) in every language file. */
export function i18nProblems(files: Map<string, Record<string, string>>, requiredKeys: string[]): string[] {
    const english = files.get('en.json');
    if (!english) {
        return ['i18n/en.json is missing.'];
    }
    const problems: string[] = [];
    const expected = new Set([...requiredKeys, ...Object.keys(english)]);
    for (const [name, dictionary] of files) {
        const missing = [...expected].filter((key) => typeof dictionary[key] !== 'string' || dictionary[key].trim() === '');
        if (missing.length > 0) {
            problems.push(`i18n/${name} lacks ${missing.length} key(s): ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`);
        }
        const extra = Object.keys(dictionary).filter((key) => !expected.has(key));
        if (extra.length > 0) {
            problems.push(`i18n/${name} has key(s) English does not: ${extra.slice(0, 10).join(', ')}`);
        }
    }
    return problems;
}
