const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Visitor-supplied text must not become formatting or a link in the agent's view. Rocket.Chat's parser
 * honours a backslash only before * _ ~ ` #, so link syntax is broken up with an invisible space instead.
 */
export function escapeMarkdown(text: string): string {
    return text
        .replace(/([*_~`#])/g, '\\$1')
        .replace(/\](\s*)\(/g, `]${ZERO_WIDTH_SPACE}$1(`)
        .replace(/</g, `<${ZERO_WIDTH_SPACE}`);
}
