import type { LayoutBlock } from '@rocket.chat/ui-kit';

import { fieldBlocks } from './fieldBlocks';
import { sectionBlocks } from './panelBlocks';
import type { ProfileDocument } from './ProfileDocument';
import { label, plain } from './text';

/** A private message of one sentence of the app's, shown as a block too so that no part of it is read as markup. */
export function messageOf(text: string): { text: string; blocks: LayoutBlock[] } {
    return { text, blocks: [{ type: 'section', blockId: 'message', text: plain(text) }] };
}

/**
 * The profile as a private message, for clients that cannot open the panel. Rocket.Chat's message renderer
 * draws no callouts, so a state is a bold title and a sentence; the rest is as in the panel, with the collapsed
 * sections open (a message has no toggles). The message's text (what a notification shows) holds only the app's
 * own words.
 */
export function profileMessage(
    document: ProfileDocument,
    intro: string,
    title: string,
    referenceLabel: (reference: string) => string,
): { text: string; blocks: LayoutBlock[] } {
    const blocks: LayoutBlock[] = [
        { type: 'context', blockId: 'intro', elements: [plain(intro)] },
        { type: 'section', blockId: 'header-name', text: plain(document.name) },
    ];
    [document.state, ...document.notices].forEach((notice, index) => {
        blocks.push(
            { type: 'section', blockId: `notice-${index}-title`, text: label(notice.title) },
            { type: 'section', blockId: `notice-${index}`, text: plain(notice.reference ? `${notice.text} ${referenceLabel(notice.reference)}` : notice.text) },
        );
    });
    blocks.push(...fieldBlocks(document.reach, 'header-reach'));
    [...document.sections, document.hostFields, document.technical].forEach((section, index) => blocks.push(...sectionBlocks(section, `section-${index}`)));
    if (document.footnote) blocks.push({ type: 'context', blockId: 'footnote', elements: [plain(document.footnote)] });
    return { text: `${intro} ${title}`, blocks };
}
