import type { LayoutBlock, TextObject } from '@rocket.chat/ui-kit';

import { escapeMarkdown } from './markdown';
import type { DocumentSection, ProfileDocument } from './ProfileDocument';

export const REFRESH_ACTION_ID = 'lpvi-refresh';
const FIELDS_PER_SECTION = 10;

export interface PanelActions {
    appId: string;
    refreshLabel: string;
    /** Tells the Refresh click which visitor (and room) the panel shows. */
    refreshValue: string;
}

const mrkdwn = (text: string): TextObject => ({ type: 'mrkdwn', text });

/** Plain ui-kit blocks: the host's renderer draws them; nothing here depends on a host version. */
export function renderPanelBlocks(document: ProfileDocument, actions: PanelActions): LayoutBlock[] {
    const blocks: LayoutBlock[] = [];
    document.sections.forEach((section, index) => {
        if (index > 0 && section.title !== document.sections[index - 1].title) {
            blocks.push({ type: 'divider', appId: actions.appId, blockId: `divider-${index}` });
        }
        blocks.push(...sectionBlocks(section, index, actions.appId));
    });
    if (document.footnotes.length > 0) {
        blocks.push({ type: 'context', appId: actions.appId, blockId: 'footnotes', elements: document.footnotes.map((note) => mrkdwn(escapeMarkdown(note))) });
    }
    blocks.push({
        type: 'actions',
        appId: actions.appId,
        blockId: 'panel-actions',
        elements: [
            {
                type: 'button',
                appId: actions.appId,
                blockId: 'panel-actions',
                actionId: REFRESH_ACTION_ID,
                text: { type: 'plain_text', text: actions.refreshLabel },
                value: actions.refreshValue,
            },
        ],
    });
    return blocks;
}

function sectionBlocks(section: DocumentSection, index: number, appId: string): LayoutBlock[] {
    const blocks: LayoutBlock[] = [{ type: 'section', appId, blockId: `section-${index}-title`, text: mrkdwn(`*${escapeMarkdown(section.title)}*`) }];
    for (let start = 0; start < section.fields.length; start += FIELDS_PER_SECTION) {
        blocks.push({
            type: 'section',
            appId,
            blockId: `section-${index}-fields-${start}`,
            fields: section.fields
                .slice(start, start + FIELDS_PER_SECTION)
                .map((field) => mrkdwn(`*${escapeMarkdown(field.label)}*\n${field.values.map(escapeMarkdown).join('\n')}`)),
        });
    }
    section.notes.forEach((note, noteIndex) => {
        blocks.push({ type: 'context', appId, blockId: `section-${index}-note-${noteIndex}`, elements: [mrkdwn(escapeMarkdown(note))] });
    });
    return blocks;
}
