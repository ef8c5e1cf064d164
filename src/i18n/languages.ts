import de from '../../i18n/de.json';
import en from '../../i18n/en.json';
import es from '../../i18n/es.json';
import fr from '../../i18n/fr.json';
import ptBR from '../../i18n/pt-BR.json';

/** The app's own strings: the same files Rocket.Chat reads for settings, inlined into Main.js by the bundler. */
export type MessageKey = keyof typeof en;
export type Language = 'en' | 'pt-BR' | 'es' | 'de' | 'fr';

export const DICTIONARIES: Record<Language, Partial<Record<MessageKey, string>>> = { en, 'pt-BR': ptBR, es, de, fr };

export const LANGUAGES = Object.keys(DICTIONARIES) as Language[];

/** Rocket.Chat language codes ("pt-BR", "pt", "es-MX", "de-CH") to the nearest language the app speaks. */
export function languageFor(code: string | undefined): Language | undefined {
    if (!code) {
        return undefined;
    }
    const normalized = code.trim().replace('_', '-').toLowerCase();
    const base = normalized.split('-')[0];
    if (base === 'pt') {
        return 'pt-BR';
    }
    return LANGUAGES.find((language) => language.toLowerCase() === base);
}
