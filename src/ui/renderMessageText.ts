import { escapeMarkdown } from './markdown';
import type { ProfileDocument } from './ProfileDocument';

/** The same page as a private message, for clients that cannot open the panel. */
export function renderMessageText(document: ProfileDocument): string {
    const lines = [`*${escapeMarkdown(document.title)}*`];
    for (const section of document.sections) {
        lines.push('', `*${escapeMarkdown(section.title)}*`);
        for (const field of section.fields) {
            lines.push(`${escapeMarkdown(field.label)}: ${field.values.map(escapeMarkdown).join(', ')}`);
        }
        lines.push(...section.notes.map((note) => `_${escapeMarkdown(note)}_`));
    }
    lines.push(...document.footnotes.map((note) => `_${escapeMarkdown(note)}_`));
    return lines.join('\n');
}
