/**
 * Rocket.Chat's UIKit renderer (@rocket.chat/fuselage-ui-kit 0.31, the React 17 generation) with what Rocket.Chat
 * 7 and 8 draw differently, so that the page shows what an agent sees there:
 *
 * - `callout` blocks: 0.31 filters them out; Rocket.Chat 7/8 draw fuselage's `Callout` with `type={block.variant}`,
 *   `title={block.title?.text}`, the rendered text object as its children and the accessory as its actions.
 * - `context` text in the `hint` colour (grey), as Rocket.Chat 7/8's ContextBlock.Item; 0.31 uses `info` (blue).
 * - `mrkdwn` as Rocket.Chat markdown (the Markdown component) instead of raw text; `plain_text` stays plain text.
 *
 * Callouts are a contextual-bar block: Rocket.Chat's message surface does not draw them, and neither does this one.
 *
 * Every layout block is also wrapped in a `display: contents` element carrying `data-block-id` / `data-block-type`,
 * for the browser test: it draws no box, and the surface's Margins still reach the block's own Box (through the
 * BoxTransforms context), so the layout is the one Rocket.Chat draws.
 */
import { Box, Callout } from '@rocket.chat/fuselage';
import { FuselageSurfaceRenderer } from '@rocket.chat/fuselage-ui-kit/dist/esm/surfaces/FuselageSurfaceRenderer';
import MessageSurface from '@rocket.chat/fuselage-ui-kit/dist/esm/surfaces/MessageSurface';
import ModalSurface from '@rocket.chat/fuselage-ui-kit/dist/esm/surfaces/ModalSurface';
import { createSurfaceRenderer } from '@rocket.chat/fuselage-ui-kit/dist/esm/surfaces/createSurfaceRenderer';
import type { ReactElement } from 'react';

import './uikit.css';

import { Markdown } from './Markdown';

/** ui-kit's BlockContext: BLOCK is a layout block (a text object used as a whole block draws nothing), NONE free text. */
const BLOCK_CONTEXT = 0;
const NONE_CONTEXT = -1;

type MarkdownArgs = Parameters<FuselageSurfaceRenderer['mrkdwn']>;
type RenderArgs = Parameters<FuselageSurfaceRenderer['render']>;
type TextObject = Parameters<FuselageSurfaceRenderer['renderTextObject']>[0];
type AccessoryElement = Parameters<FuselageSurfaceRenderer['renderSectionAccessoryBlockElement']>[0];
type ContextBlock = Parameters<FuselageSurfaceRenderer['context']>[0];

/** ui-kit's CalloutBlock (the 0.31 types this renderer is built on have it, its renderers do not). */
interface CalloutBlock {
    type: 'callout';
    appId?: string;
    blockId?: string;
    title?: TextObject;
    text: TextObject;
    variant?: 'info' | 'danger' | 'warning' | 'success';
    accessory?: AccessoryElement;
}

class PlaygroundSurfaceRenderer extends FuselageSurfaceRenderer {
    constructor(withCallouts: boolean) {
        super();
        if (withCallouts) (this.allowedLayoutBlockTypes as Set<string>).add('callout');
    }

    override render(...[blocks, conditions]: RenderArgs): ReactElement[] {
        if (!Array.isArray(blocks)) return [];
        return blocks.flatMap((block, index) => {
            const drawn = super.render([block], conditions);
            if (drawn.length === 0) return [];
            const { blockId, type } = block as { blockId?: string; type: string };
            return [
                <div key={blockId ?? index} className="uikit-block" data-block-id={blockId} data-block-type={type}>
                    {drawn}
                </div>,
            ];
        });
    }

    override mrkdwn(...[textObject, context, index]: MarkdownArgs) {
        const text = textObject.text ?? '';
        if ((context as number) === BLOCK_CONTEXT || text === '') return null;
        return <Markdown key={index} text={text} />;
    }

    /** As Rocket.Chat 7/8's ContextBlock: the elements in a row, text in c1 and the hint colour. */
    override context(block: ContextBlock, context: number, index: number): ReactElement | null {
        if (context !== BLOCK_CONTEXT) return null;
        return (
            <Box key={index} display="flex" alignItems="center" margin={-4}>
                {block.elements.map((element, item) => {
                    const drawn = this.renderContextBlockElement({ ...element, appId: block.appId, blockId: block.blockId } as unknown as typeof element, item);
                    if (!drawn) return null;
                    return element.type === 'plain_text' || element.type === 'mrkdwn' ? (
                        <Box key={item} is="span" fontScale="c1" color="hint" margin={4}>
                            {drawn}
                        </Box>
                    ) : (
                        <Box key={item}>{drawn}</Box>
                    );
                })}
            </Box>
        );
    }

    /** As Rocket.Chat 7/8's fuselage-ui-kit CalloutBlock (0.31's Callout has no `actions`: the accessory goes below). */
    callout(block: CalloutBlock, context: number, index: number): ReactElement | null {
        if (context !== BLOCK_CONTEXT) return null;
        const accessory = block.accessory
            ? this.renderSectionAccessoryBlockElement({ appId: block.appId, blockId: block.blockId, ...block.accessory } as AccessoryElement, 0)
            : null;
        return (
            <Callout key={index} type={block.variant} title={block.title?.text} data-qa="callout" data-variant={block.variant ?? 'none'}>
                {this.renderTextObject(block.text, 0, NONE_CONTEXT as never)}
                {accessory && <Box mbs={8}>{accessory}</Box>}
            </Callout>
        );
    }
}

/**
 * fuselage-ui-kit 0.31 has no contextual-bar surface of its own: the web client of that generation used the modal
 * surface for contextual bars (Rocket.Chat 7's ContextualBarSurface is the same Margins around the blocks).
 */
export const renderContextualBarBlocks = createSurfaceRenderer(ModalSurface, new PlaygroundSurfaceRenderer(true));

/** A message's blocks (the app's private messages), as the web client draws them under the message header. */
export const renderMessageBlocks = createSurfaceRenderer(MessageSurface, new PlaygroundSurfaceRenderer(false));
