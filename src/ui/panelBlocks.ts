import type { LayoutBlock } from '@rocket.chat/ui-kit';

import { PANEL_ACTIONS } from '../ids';
import { fieldBlocks } from './fieldBlocks';
import type { DocumentNotice, ProfileDocument } from './ProfileDocument';
import { label, plain } from './text';

export interface PanelControls {
    appId: string;
    refreshLabel: string;
    detailsLabel: string;
    /** What the buttons carry: the visitor the panel shows, and the details toggled for the details button. */
    refreshValue: string;
    detailsValue: string;
    detailsOpen: boolean;
    referenceLabel: (reference: string) => string;
}

/**
 * The contextual bar, top to bottom: the name with Refresh beside it, the trust state as a callout coloured by
 * severity, the ways to reach the visitor, then notices, the detail sections, and the technical details behind
 * their toggle. Data is only ever `plain_text`.
 */
export function panelBlocks(document: ProfileDocument, controls: PanelControls): LayoutBlock[] {
    const { appId } = controls;
    const blocks: LayoutBlock[] = [
        {
            type: 'section',
            appId,
            blockId: 'header-name',
            text: plain(document.header.name),
            accessory: {
                type: 'button',
                appId,
                blockId: 'header-name',
                actionId: PANEL_ACTIONS.refresh,
                text: plain(controls.refreshLabel),
                value: controls.refreshValue,
            },
        },
    ];
    if (document.header.alsoKnownAs) {
        blocks.push({ type: 'context', appId, blockId: 'header-aka', elements: [plain(document.header.alsoKnownAs)] });
    }
    blocks.push(callout(document.header.state, 'header-state', controls));
    blocks.push(...fieldBlocks(document.header.reach, 'header-reach', appId));
    document.notices.forEach((notice, index) => blocks.push(callout(notice, `notice-${index}`, controls)));
    document.sections.forEach((section, index) => {
        blocks.push({ type: 'divider', appId, blockId: `divider-${index}` });
        blocks.push({ type: 'section', appId, blockId: `section-${index}-title`, text: label(section.title) });
        blocks.push(...fieldBlocks(section.fields, `section-${index}`, appId));
    });
    blocks.push({ type: 'divider', appId, blockId: 'divider-technical' });
    blocks.push({
        type: 'actions',
        appId,
        blockId: 'technical-toggle',
        elements: [
            {
                type: 'button',
                appId,
                blockId: 'technical-toggle',
                actionId: PANEL_ACTIONS.details,
                text: plain(controls.detailsLabel),
                value: controls.detailsValue,
            },
        ],
    });
    if (controls.detailsOpen) {
        blocks.push(...fieldBlocks(document.technical.fields, 'technical', appId));
    }
    if (document.footnotes.length > 0) {
        blocks.push({ type: 'context', appId, blockId: 'footnotes', elements: document.footnotes.map(plain) });
    }
    return blocks;
}

function callout(notice: DocumentNotice, blockId: string, controls: PanelControls): LayoutBlock {
    const text = notice.reference ? `${notice.text} ${controls.referenceLabel(notice.reference)}` : notice.text;
    return { type: 'callout', appId: controls.appId, blockId, variant: notice.severity, title: plain(notice.title), text: plain(text) } as LayoutBlock;
}
