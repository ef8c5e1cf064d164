/**
 * Rocket.Chat markdown, as the web client shows `mrkdwn` text and messages: parsed by Rocket.Chat's own parser
 * (@rocket.chat/message-parser) and drawn with plain elements. Rocket.Chat draws the same tree with its
 * gazzodown package, which is not published to this registry; the subset the app writes (bold, escapes,
 * line breaks, code, lists) looks the same.
 */
import { parse } from '@rocket.chat/message-parser';
import { Fragment, memo, useMemo, type ReactNode } from 'react';

/** Any node of the parser's tree: a type, and a value that is text, a node, a list of nodes or a record. */
interface MarkdownNode {
    type: string;
    value?: unknown;
    language?: string;
    level?: number;
    number?: number;
    status?: boolean;
    shortCode?: string;
    unicode?: string;
}

const isNode = (value: unknown): value is MarkdownNode => typeof value === 'object' && value !== null && typeof (value as MarkdownNode).type === 'string';

function children(value: unknown): ReactNode {
    if (Array.isArray(value)) return value.map((child, index) => (isNode(child) ? <Fragment key={index}>{node(child)}</Fragment> : null));
    if (isNode(value)) return node(value);
    if (typeof value === 'string') return value;
    return null;
}

/** The node's text with all formatting dropped (for links' labels and unknown nodes). */
function plainText(value: unknown): string {
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(plainText).join('');
    if (isNode(value)) return plainText(value.value);
    if (typeof value === 'object' && value !== null) return Object.values(value).map(plainText).join('');
    return '';
}

function node(entry: MarkdownNode): ReactNode {
    const { value } = entry;
    switch (entry.type) {
        case 'PARAGRAPH':
            return <div className="md-paragraph">{children(value)}</div>;
        case 'PLAIN_TEXT':
            return typeof value === 'string' ? value : null;
        case 'BOLD':
            return <strong>{children(value)}</strong>;
        case 'ITALIC':
            return <em>{children(value)}</em>;
        case 'STRIKE':
            return <del>{children(value)}</del>;
        case 'INLINE_CODE':
            return <code className="md-code">{plainText(value)}</code>;
        case 'CODE':
            return (
                <pre className="md-code-block">
                    <code>{Array.isArray(value) ? value.map((line) => plainText(line)).join('\n') : ''}</code>
                </pre>
            );
        case 'LINE_BREAK':
            return <br />;
        case 'HEADING':
            return <div className={`md-heading md-heading-${entry.level ?? 1}`}>{children(value)}</div>;
        case 'QUOTE':
        case 'BLOCKQUOTE':
            return <blockquote className="md-quote">{children(value)}</blockquote>;
        case 'UNORDERED_LIST':
            return <ul className="md-list">{children(value)}</ul>;
        case 'ORDERED_LIST':
            return <ol className="md-list">{children(value)}</ol>;
        case 'LIST_ITEM':
            return <li value={entry.number}>{children(value)}</li>;
        case 'TASKS':
            return <ul className="md-list md-tasks">{children(value)}</ul>;
        case 'TASK':
            return (
                <li>
                    {entry.status ? '☑ ' : '☐ '}
                    {children(value)}
                </li>
            );
        case 'LINK': {
            const link = value as { src?: unknown; label?: unknown } | undefined;
            const href = plainText(link?.src);
            // Only web and mail links; anything else is shown as text.
            return /^(https?:|mailto:)/i.test(href) ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                    {plainText(link?.label) || href}
                </a>
            ) : (
                plainText(link?.label) || href
            );
        }
        case 'MENTION_USER':
            return <span className="md-mention">@{plainText(value)}</span>;
        case 'MENTION_CHANNEL':
            return <span className="md-mention">#{plainText(value)}</span>;
        case 'EMOJI':
            return entry.unicode ?? `:${entry.shortCode ?? plainText(value)}:`;
        case 'BIG_EMOJI':
            return <div className="md-paragraph">{children(value)}</div>;
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
