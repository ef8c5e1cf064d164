/**
 * Rocket.Chat markdown as the web client shows `mrkdwn` text: parsed by Rocket.Chat's own parser
 * (@rocket.chat/message-parser) and drawn with plain elements (Rocket.Chat's gazzodown is not published to this
 * registry). The app's markdown is its bold labels: other formatting is shown as its text.
 */
import { parse } from '@rocket.chat/message-parser';
import { Fragment, memo, useMemo, type ReactNode } from 'react';

/** Any node of the parser's tree: a type, and a value that is text, a node, a list of nodes or a record. */
interface MarkdownNode {
    type: string;
    value?: unknown;
}

const isNode = (value: unknown): value is MarkdownNode => typeof value === 'object' && value !== null && typeof (value as MarkdownNode).type === 'string';

function children(value: unknown): ReactNode {
    if (Array.isArray(value)) return value.map((child, index) => (isNode(child) ? <Fragment key={index}>{node(child)}</Fragment> : null));
    if (isNode(value)) return node(value);
    if (typeof value === 'string') return value;
    return null;
}

/** The node's text with all formatting dropped. */
function plainText(value: unknown): string {
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(plainText).join('');
    if (isNode(value)) return plainText(value.value);
    if (typeof value === 'object' && value !== null) return Object.values(value).map(plainText).join('');
    return '';
}

function node({ type, value }: MarkdownNode): ReactNode {
    switch (type) {
        case 'PARAGRAPH':
            return <div className="md-paragraph">{children(value)}</div>;
        case 'BOLD':
            return <strong>{children(value)}</strong>;
        case 'LINE_BREAK':
            return <br />;
        default:
            return plainText(value);
    }
}

export const Markdown = memo(function Markdown({ text }: { text: string }) {
    const tree = useMemo(() => {
        try {
            return parse(text) as unknown[];
        } catch {
            return undefined;
        }
    }, [text]);
    // The parser never fails on the app's text; if it ever does, show the text as it is.
    return <div className="md">{tree ? children(tree) : text}</div>;
});
