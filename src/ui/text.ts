import type { Markdown, PlainText } from '@rocket.chat/ui-kit';

/**
 * The only two ways the app writes text into blocks. Anything that comes from a visitor, the host or LivePerson
 * is `plain_text`, which Rocket.Chat draws as text: no link, mention, quote, list, task, spoiler or emoji can
 * come out of it. `mrkdwn` is for the app's own labels, from its translations, and nothing else.
 */
export const plain = (text: string): PlainText => ({ type: 'plain_text', text, emoji: false });

export const label = (translated: string): Markdown => ({ type: 'mrkdwn', text: `*${translated}*` });
