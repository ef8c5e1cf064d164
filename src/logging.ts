import type { ILogger } from '@rocket.chat/apps-engine/definition/accessors';

/** The part of the host's logger the app writes to. */
export type AppLog = Pick<ILogger, 'debug' | 'info' | 'warn' | 'error'>;

/**
 * A stack frame that names code: `at fn (file:line:col)` or `at file:line:col`, the file a path or a URL. The Deno
 * runtime evaluates the app's bundle with `new Function`, so the app's own frames read
 * `at fn (eval at wrapAppCode (file:///…/construct.ts:54:9), <anonymous>:line:col)`.
 */
const FILE = String.raw`(?:file|https?|ext|node|deno):[^\s()]{1,300}|\/[^\s()]{1,300}`;
const EVAL = String.raw`eval at [\w$.<>]{1,120} \((?:${FILE}):\d+:\d+\), `;
const FRAME = new RegExp(String.raw`^at (?:[\w$.<>[\] ]{1,120} \()?(${FILE}|(?:${EVAL})?<anonymous>):\d+:\d+\)?$`);

/**
 * An error as a log line may show it: its name and the stack frames that locate it, never its message, which
 * can carry whatever data the failing code held (a visitor's name, a URL with an id in it). The stack repeats
 * the message first, and a message can hold lines that look like frames: only lines after it that name a code
 * location are kept.
 */
export function errorSummary(error: unknown): { name: string; frames: string } {
    if (!(error instanceof Error)) return { name: typeof error, frames: '' };
    const stack = error.stack ?? '';
    const header = `${error.name}: ${error.message}`;
    const after = stack.startsWith(header) ? stack.slice(header.length) : stack.split('\n').slice(1).join('\n');
    const frames = after
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => FRAME.test(line) && !line.includes('@'))
        .slice(0, 5)
        .join(' | ');
    return { name: error.name, frames };
}
