import type { ActionsBlock, ButtonElement, LayoutBlock } from '@rocket.chat/ui-kit';

import { PANEL_ACTIONS } from '../ids';
import { fieldBlocks } from './fieldBlocks';
import type { DocumentNotice, DocumentSection, ProfileDocument } from './ProfileDocument';
import { label, plain } from './text';

/** The panel's buttons: each carries the panel's state with the one change its click makes. */
export interface PanelControls {
    appId: string;
    refresh: { label: string; value: string };
    unverified?: { label: string; value: string };
    hostFields: { label: string; value: string; open: boolean };
    technical: { label: string; value: string; open: boolean };
    referenceLabel: (reference: string) => string;
}

/**
 * The contextual bar, top to bottom (its title is the visitor's name: the strongest text UIKit offers for data):
 * the trust state as a callout coloured by severity, what else to notice, the other name and the ways to reach
 * the visitor, Refresh, then customer, activity and earlier conversations, then the two collapsed sections
 * behind their toggles, and one line of footnote. Data is only ever `plain_text`.
 */
export function panelBlocks(document: ProfileDocument, controls: PanelControls): LayoutBlock[] {
    const { appId } = controls;
    const button = (actionId: string, control: { label: string; value: string }, blockId: string): ButtonElement => ({
        type: 'button',
        appId,
        blockId,
        actionId,
        text: plain(control.label),
        value: control.value,
    });
    const actions = (blockId: string, elements: ButtonElement[]): ActionsBlock => ({ type: 'actions', appId, blockId, elements });
    const blocks: LayoutBlock[] = [callout(document.state, 'header-state', controls)];
    document.notices.forEach((notice, index) => blocks.push(callout(notice, `notice-${index}`, controls)));
    blocks.push(...fieldBlocks(document.reach, 'header-reach', appId));
    blocks.push(
        actions('header-actions', [
            button(PANEL_ACTIONS.refresh, controls.refresh, 'header-actions'),
            ...(controls.unverified ? [button(PANEL_ACTIONS.unverified, controls.unverified, 'header-actions')] : []),
        ]),
    );
    document.sections.forEach((section, index) => blocks.push(...sectionBlocks(section, `section-${index}`, appId)));
    blocks.push({ type: 'divider', appId, blockId: 'divider-toggles' });
    blocks.push(
        actions('toggles', [button(PANEL_ACTIONS.hostFields, controls.hostFields, 'toggles'), button(PANEL_ACTIONS.details, controls.technical, 'toggles')]),
    );
    if (controls.hostFields.open) blocks.push(...sectionBlocks(document.hostFields, 'host-fields', appId, false));
    if (controls.technical.open) blocks.push(...sectionBlocks(document.technical, 'technical', appId, false));
    if (document.footnote) blocks.push({ type: 'context', appId, blockId: 'footnote', elements: [plain(document.footnote)] });
    return blocks;
}

/** A titled section: its fields side by side, then its entries, each a line and its details in small text. */
export function sectionBlocks(section: DocumentSection, blockId: string, appId?: string, divider = true): LayoutBlock[] {
    const app = appId ? { appId } : {};
    const blocks: LayoutBlock[] = [
        ...(divider ? [{ type: 'divider' as const, ...app, blockId: `${blockId}-divider` }] : []),
        { type: 'section', ...app, blockId: `${blockId}-title`, text: label(section.title) },
        ...fieldBlocks(section.fields, blockId, appId),
    ];
    (section.entries ?? []).forEach((entry, index) => {
        blocks.push({ type: 'section', ...app, blockId: `${blockId}-entry-${index}`, text: plain(entry.headline) });
        entry.details.forEach((line, at) => blocks.push({ type: 'context', ...app, blockId: `${blockId}-entry-${index}-${at}`, elements: [plain(line)] }));
    });
    if (section.note) blocks.push({ type: 'context', ...app, blockId: `${blockId}-note`, elements: [plain(section.note)] });
    return blocks;
}

function callout(notice: DocumentNotice, blockId: string, controls: Pick<PanelControls, 'appId' | 'referenceLabel'>): LayoutBlock {
    const text = notice.reference ? `${notice.text} ${controls.referenceLabel(notice.reference)}` : notice.text;
    return { type: 'callout', appId: controls.appId, blockId, variant: notice.severity, title: plain(notice.title), text: plain(text) } as LayoutBlock;
}
