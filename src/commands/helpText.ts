import type { LayoutBlock } from '@rocket.chat/ui-kit';

import { cut } from '../bounded';
import type { Translate } from '../i18n/translator';
import { label, plain } from '../ui/text';

const LINES = ['help_default', 'help_visitor_id', 'help_refresh', 'help_link', 'help_unlink', 'help_status', 'help_help'] as const;

/** The subcommands, one per line; after a word that is none of them, a sentence saying so comes first. */
export function helpMessage(t: Translate, unknown?: string): { text: string; blocks: LayoutBlock[] } {
    const blocks: LayoutBlock[] = [];
    // The word is the agent's own typing, echoed back: cut on a character boundary.
    const unknownLine = unknown ? t('help_unknown_word', { word: cut(unknown, 60) }) : undefined;
    if (unknownLine) blocks.push({ type: 'section', blockId: 'help-unknown', text: plain(unknownLine) });
    blocks.push({ type: 'section', blockId: 'help-title', text: label(t('help_title')) });
    LINES.forEach((key, index) => blocks.push({ type: 'section', blockId: `help-${index}`, text: plain(t(key)) }));
    return {
        text: [unknownLine, t('help_title'), ...LINES.map((key) => t(key))].filter(Boolean).join('\n'),
        blocks,
    };
}
