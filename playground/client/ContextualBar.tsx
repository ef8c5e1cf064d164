/**
 * The app's contextual bar, drawn the way the Rocket.Chat web client draws a UIKit contextual bar: fuselage's
 * Contextualbar frame (header with the app's icon, the view's title and a close button) around the blocks,
 * which `@rocket.chat/fuselage-ui-kit` renders inside a `kitContext` provider that sends block actions to
 * the server. fuselage-ui-kit 0.31 has no contextual-bar surface of its own: the web client of that
 * generation used the modal surface for contextual bars, and so does this page.
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
import { FuselageSurfaceRenderer } from '@rocket.chat/fuselage-ui-kit/dist/esm/surfaces/FuselageSurfaceRenderer';
import ModalSurface from '@rocket.chat/fuselage-ui-kit/dist/esm/surfaces/ModalSurface';
import { createSurfaceRenderer } from '@rocket.chat/fuselage-ui-kit/dist/esm/surfaces/createSurfaceRenderer';
import { useMemo, type ContextType } from 'react';

import type { ContextualBarView } from '../shared';
import { Markdown } from './Markdown';

/** ui-kit's BlockContext.BLOCK: a text object used as a whole block (fuselage-ui-kit draws nothing then). */
const BLOCK_CONTEXT = 0;

type MarkdownArgs = Parameters<FuselageSurfaceRenderer['mrkdwn']>;

/** fuselage-ui-kit's renderer, with `mrkdwn` drawn as Rocket.Chat markdown instead of raw text. */
class ContextualBarRenderer extends FuselageSurfaceRenderer {
    override mrkdwn(...[textObject, context, index]: MarkdownArgs) {
        const text = textObject.text ?? '';
        if ((context as number) === BLOCK_CONTEXT || text === '') return null;
        return <Markdown key={index} text={text} />;
    }
}

const renderBlocks = createSurfaceRenderer(ModalSurface, new ContextualBarRenderer());
type Blocks = Parameters<typeof UiKitComponent>[0]['blocks'];

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
        <Contextualbar data-qa='contextual-bar' data-view-id={view.viewId} data-seq={view.seq} width='400px' position='relative' borderInlineStartWidth='default' borderInlineStartColor='extra-light'>
            <ContextualbarHeader>
                <Avatar url={iconUrl} size='x24' />
                <ContextualbarTitle data-qa='contextual-bar-title'>{view.title}</ContextualbarTitle>
                <ContextualbarActions>
                    <ContextualbarAction name='cross' title='Close' aria-label='Close' onClick={onClose} data-qa='contextual-bar-close' />
                </ContextualbarActions>
            </ContextualbarHeader>
            <ContextualbarContent>
                <Box is='section' pb={16} data-qa='contextual-bar-content' className='uikit-panel'>
                    <kitContext.Provider value={context}>
                        <UiKitComponent render={renderBlocks} blocks={view.blocks as Blocks} />
                    </kitContext.Provider>
                </Box>
            </ContextualbarContent>
        </Contextualbar>
    );
}
