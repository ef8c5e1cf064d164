/**
 * The app's contextual bar, drawn the way the Rocket.Chat web client draws a UIKit contextual bar: fuselage's
 * Contextualbar frame (header with the app's icon, the view's title and a close button) around a scrolling
 * content, whose blocks `@rocket.chat/fuselage-ui-kit` renders (with callouts and markdown as Rocket.Chat 7/8 draw
 * them: see uikit.tsx) inside a `kitContext` provider that sends block actions to the server.
 */
import {
    Avatar,
    Box,
    Contextualbar,
    ContextualbarAction,
    ContextualbarActions,
    ContextualbarContent,
    ContextualbarHeader,
    ContextualbarTitle,
} from '@rocket.chat/fuselage';
import { kitContext, UiKitComponent } from '@rocket.chat/fuselage-ui-kit';
import { useMemo, type ContextType } from 'react';

import type { ContextualBarView } from '../shared';
import { renderContextualBarBlocks } from './uikit';

export type Blocks = Parameters<typeof UiKitComponent>[0]['blocks'];

export interface BlockAction {
    viewId: string;
    actionId: string;
    blockId: string;
    value?: string;
}

/** The value of the element an action came from, as the app sent it (a click on a button's label has no value). */
function elementValue(blocks: unknown[], blockId: string, actionId: string): string | undefined {
    const search = (node: unknown): string | undefined => {
        if (Array.isArray(node)) {
            for (const child of node) {
                const found = search(child);
                if (found !== undefined) return found;
            }
            return undefined;
        }
        if (typeof node !== 'object' || node === null) return undefined;
        const record = node as Record<string, unknown>;
        if (record.actionId === actionId && typeof record.value === 'string') return record.value;
        return search(Object.values(record));
    };
    const block = blocks.find((candidate) => (candidate as { blockId?: string }).blockId === blockId);
    return search(block ?? blocks);
}

export function ContextualBar({
    view,
    iconUrl,
    onAction,
    onClose,
}: {
    view: ContextualBarView;
    iconUrl: string;
    onAction: (action: BlockAction) => Promise<void>;
    onClose: () => void;
}) {
    const context = useMemo(
        (): ContextType<typeof kitContext> => ({
            appId: view.appId,
            viewId: view.viewId,
            values: {},
            action: async ({ actionId, blockId, value }) => {
                const sent = typeof value === 'string' ? value : elementValue(view.blocks, blockId, actionId);
                await onAction({ viewId: view.viewId, actionId, blockId, value: sent });
            },
            // Nothing in this panel has a state (no inputs): the app only reads button values.
            state: () => undefined,
        }),
        [view, onAction],
    );
    return (
        <Contextualbar
            data-qa="contextual-bar"
            data-view-id={view.viewId}
            data-seq={view.seq}
            width="400px"
            position="relative"
            borderInlineStartWidth="default"
            borderInlineStartColor="extra-light"
        >
            <ContextualbarHeader>
                <Avatar url={iconUrl} size="x24" />
                <ContextualbarTitle data-qa="contextual-bar-title">{view.title}</ContextualbarTitle>
                <ContextualbarActions>
                    <ContextualbarAction name="cross" title="Close" aria-label="Close" onClick={onClose} data-qa="contextual-bar-close" />
                </ContextualbarActions>
            </ContextualbarHeader>
            <ContextualbarContent overflowY="auto" data-qa="contextual-bar-scroll">
                <Box is="section" pb={16} data-qa="contextual-bar-content" className="uikit-panel">
                    <kitContext.Provider value={context}>
                        <UiKitComponent render={renderContextualBarBlocks} blocks={view.blocks as Blocks} />
                    </kitContext.Provider>
                </Box>
            </ContextualbarContent>
        </Contextualbar>
    );
}
