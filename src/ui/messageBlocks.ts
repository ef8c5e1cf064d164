import type { LayoutBlock } from '@rocket.chat/ui-kit';

import { fieldBlocks } from './fieldBlocks';
import type { ProfileDocument } from './ProfileDocument';
import { label, plain } from './text';

/** A private message of one sentence of the app's, shown as a block too so that no part of it is read as markup. */
export function messageOf(text: string): { text: string; blocks: LayoutBlock[] } {
    return { text, blocks: [{ type: 'section', blockId: 'message', text: plain(text) }] };
}

/**
 * The profile as a private message, for clients that cannot open the panel. Rocket.Chat's message renderer
 * draws no callouts, so the state is a bold title and a sentence; everything else is as in the panel, data in
 * plain text. The message's text (what a notification shows) holds only the app's own words.
 */
export function profileMessage(
    document: ProfileDocument,
    intro: string,
    referenceLabel: (reference: string) => string,
): { text: string; blocks: LayoutBlock[] } {
    const state = document.header.state;
    const blocks: LayoutBlock[] = [
        { type: 'context', blockId: 'intro', elements: [plain(intro)] },
        { type: 'section', blockId: 'header-name', text: plain(document.header.name) },
        ...(document.header.alsoKnownAs ? [{ type: 'context' as const, blockId: 'header-aka', elements: [plain(document.header.alsoKnownAs)] }] : []),
        { type: 'section', blockId: 'header-state-title', text: label(state.title) },
        { type: 'section', blockId: 'header-state', text: plain(state.reference ? `${state.text} ${referenceLabel(state.reference)}` : state.text) },
        ...fieldBlocks(document.header.reach, 'header-reach'),
    ];
    document.notices.forEach((notice, index) => {
        blocks.push({
            type: 'section',
            blockId: `notice-${index}`,
            text: plain(`${notice.title}: ${notice.text}${notice.reference ? ` ${referenceLabel(notice.reference)}` : ''}`),
        });
    });
    for (const [index, section] of [...document.sections, document.technical].entries()) {
        blocks.push(
            { type: 'divider', blockId: `divider-${index}` },
            { type: 'section', blockId: `section-${index}-title`, text: label(section.title) },
            ...fieldBlocks(section.fields, `section-${index}`),
        );
    }
    if (document.footnotes.length > 0) {
        blocks.push({ type: 'context', blockId: 'footnotes', elements: document.footnotes.map(plain) });
    }
    return { text: `${intro} ${document.title}`, blocks };
}
