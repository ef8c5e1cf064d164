import fs from 'node:fs';
import path from 'node:path';

import { i18nProblems, readI18nFiles } from '../../scripts/package/i18nFiles';
import { LANGUAGES, languageFor } from '../../src/i18n/languages';
import { translator } from '../../src/i18n/translator';
import { isHostOnlyKey } from '../../scripts/package/hostOnlyKeys';
import { SETTINGS } from '../../src/settings/settingDefinitions';
import { SettingId } from '../../src/settings/SettingId';

const ROOT = path.resolve(__dirname, '../..');
const english = JSON.parse(fs.readFileSync(path.join(ROOT, 'i18n/en.json'), 'utf8')) as Record<string, string>;

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
    });
}

/** Keys the code names literally, plus the families it builds from values it owns. */
function keysTheCodeUses(): Set<string> {
    const code = [path.join(ROOT, 'Main.ts'), ...sourceFiles(path.join(ROOT, 'src'))].map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    const literals = new Set([...code.matchAll(/'([a-zA-Z][\w-]*)'/g)].map((match) => match[1]));
    /** The members of a string-literal union type declared in a source file. */
    const union = (file: string, type: string) => {
        const declaration = new RegExp(`type ${type} =([^;]*);`).exec(fs.readFileSync(path.join(ROOT, file), 'utf8'))?.[1] ?? '';
        return [...declaration.matchAll(/'(\w+)'/g)].map((match) => match[1]);
    };
    const problemCodes = union('src/settings/AppConfig.ts', 'ProblemCode');
    const vocabulary = fs.readFileSync(path.join(ROOT, 'src/ui/vocabulary.ts'), 'utf8');
    const words = [...vocabulary.matchAll(/(customerStatus|customerType|visitorStatus|gender): \[([^\]]*)\]/g)].flatMap((match) =>
        [...match[2].matchAll(/'(\w+)'/g)].filter((word) => word[1] !== 'canceled').map((word) => `word_${match[1]}_${word[1]}`),
    );
    const kinds = [...union('src/liveperson/failures.ts', 'LivePersonFailureKind'), 'unexpected'];
    const families = [
        ...Object.values(SettingId).flatMap((id) => [`${id}_label`, `${id}_description`]),
        ...SETTINGS.flatMap((setting) => (setting.values ?? []).map((option) => option.i18nLabel)),
        ...SETTINGS.map((setting) => setting.section).filter((section): section is string => Boolean(section)),
        ...problemCodes.map((code) => `problem_${code}`),
        ...['domain', 'login', 'agentSession', 'messagingDomain', 'profile'].map((step) => `status_step_${step}`),
        ...kinds.map((kind) => `status_kind_${kind}`),
        ...union('src/liveperson/model.ts', 'ActivityKind').map((kind) => `activity_${kind}`),
        ...['negative', 'neutral', 'positive'].map((sentiment) => `history_sentiment_${sentiment}`),
        ...['agent', 'visitor', 'bot'].map((closer) => `history_closed_by_${closer}`),
        ...union('src/visitor/participantChoice.ts', 'Trust').map((trust) => `trust_${trust}`),
        ...union('src/visitor/signedId.ts', 'SignedIdProblem').map((problem) => `signature_${problem}`),
        ...words,
    ];
    return new Set([...literals, ...families]);
}

describe('translations', () => {
    it('every language has every key, non-empty, with the same placeholders as English', () => {
        const files = readI18nFiles();
        expect([...files.keys()].sort()).toEqual(['de.json', 'en.json', 'es.json', 'fr.json', 'pt-BR.json']);
        expect(i18nProblems(files, [])).toEqual([]);
        const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
        for (const [name, dictionary] of files) {
            for (const [key, text] of Object.entries(english)) {
                expect({ file: name, key, placeholders: placeholders(dictionary[key]) }).toEqual({ file: name, key, placeholders: placeholders(text) });
            }
        }
    });

    it('a key missing in one language is reported', () => {
        const files = readI18nFiles();
        const { panel_title: _dropped, ...german } = files.get('de.json') as Record<string, string>;
        files.set('de.json', german);
        expect(i18nProblems(files, [])).toEqual(['i18n/de.json lacks 1 key(s): panel_title']);
    });

    it('no key is unused by the code', () => {
        const used = keysTheCodeUses();
        expect(Object.keys(english).filter((key) => !used.has(key))).toEqual([]);
    });

    it('the keys the app uses in its own views are bundled: none of them is one only the host reads', () => {
        const code = sourceFiles(path.join(ROOT, 'src'))
            .map((file) => fs.readFileSync(file, 'utf8'))
            .join('\n');
        const inViews = [...code.matchAll(/\bt\('([\w-]+)'/g)].map((match) => match[1]);
        expect(inViews.length).toBeGreaterThan(50);
        expect(inViews.filter(isHostOnlyKey)).toEqual([]);
    });

    it.each(['field_', 'panel_section_', 'state_title_', 'activity_', 'status_step_', 'trust_'])(
        'labels of one family (%s) that share a view never read the same, in any language',
        (prefix) => {
            const keys = Object.keys(english).filter((key) => key.startsWith(prefix) && !key.includes('{{') && !/\{\{/.test(english[key]));
            expect(keys.length).toBeGreaterThan(3);
            for (const language of LANGUAGES) {
                const t = translator(language);
                const texts = keys.map((key) => t(key as never).toLowerCase());
                expect({ language, duplicates: texts.filter((text, index) => texts.indexOf(text) !== index) }).toEqual({ language, duplicates: [] });
            }
        },
    );

    it('the translations are not English copies', () => {
        for (const language of LANGUAGES.filter((code) => code !== 'en')) {
            const t = translator(language);
            expect(t('panel_refresh')).not.toBe(english.panel_refresh);
            expect(t('state_timeout')).not.toBe(english.state_timeout);
        }
    });

    it.each([
        ['pt-BR', 'pt-BR'],
        ['pt', 'pt-BR'],
        ['es-MX', 'es'],
        ['de_CH', 'de'],
        ['fr-CA', 'fr'],
        ['en-GB', 'en'],
        ['ja', undefined],
        [undefined, undefined],
    ])('Rocket.Chat language %p is shown as %p', (code, expected) => {
        expect(languageFor(code)).toBe(expected);
    });

    it('placeholders are filled and a missing one is left visible rather than blank', () => {
        const t = translator('en');
        expect(t('state_rate_limited', { seconds: 30 })).toBe('LivePerson asked the app to slow down. Try Refresh in 30 s.');
        expect(t('state_rate_limited')).toContain('{{seconds}}');
    });
});
