import type { LayoutBlock } from '@rocket.chat/ui-kit';

import type { DocumentField } from './ProfileDocument';
import { label, plain } from './text';

/** UIKit allows ten fields in a section: five label and value pairs. */
const PAIRS_PER_BLOCK = 5;

/** Label and value side by side: the app's own label in bold (mrkdwn), a label that is data and every value as plain text. */
export function fieldBlocks(fields: DocumentField[], blockId: string, appId?: string): LayoutBlock[] {
    const blocks: LayoutBlock[] = [];
    for (let start = 0; start < fields.length; start += PAIRS_PER_BLOCK) {
        blocks.push({
            type: 'section',
            ...(appId ? { appId } : {}),
            blockId: `${blockId}-fields-${start}`,
            fields: fields
                .slice(start, start + PAIRS_PER_BLOCK)
                .flatMap((field) => [field.labelIsData ? plain(field.label) : label(field.label), plain(field.values.join(', '))]),
        });
    }
    return blocks;
}
