import { DICTIONARIES, type Language, type MessageKey } from './languages';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Looks a key up in the user's language, then English; `{{name}}` placeholders are filled from params. */
export function translator(language: Language): Translate {
    const dictionary = DICTIONARIES[language];
    const english = DICTIONARIES.en;
    return (key, params) => {
        const template = dictionary[key] ?? english[key] ?? key;
        return params ? template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => (name in params ? String(params[name]) : match)) : template;
    };
}
