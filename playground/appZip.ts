/** What Rocket.Chat's client reads from the app's zip: its name, its icon and its translations. */
import AdmZip from 'adm-zip';

export interface AppZip {
    name: string;
    /** Shown in the contextual bar's header and as the app's avatar, as Rocket.Chat does. */
    icon: Buffer | undefined;
    /** The app's labels in `language` (the client renders them from the app's i18n files). */
    translate(language: string, key: string): string;
}

export function readAppZip(zipPath: string): AppZip {
    const zip = new AdmZip(zipPath);
    const info = JSON.parse(zip.readAsText('app.json')) as { name: string; iconFile?: string };
    const i18n: Record<string, Record<string, string>> = {};
    for (const entry of zip.getEntries()) {
        const match = /^i18n\/(.+)\.json$/.exec(entry.entryName);
        if (match) i18n[match[1]] = JSON.parse(entry.getData().toString('utf8')) as Record<string, string>;
    }
    return {
        name: info.name,
        icon: info.iconFile ? zip.getEntry(info.iconFile)?.getData() : undefined,
        translate: (language, key) => i18n[language]?.[key] || i18n[language.split('-')[0]]?.[key] || i18n.en?.[key] || key,
    };
}
