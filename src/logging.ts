import type { ILogger } from '@rocket.chat/apps-engine/definition/accessors';

/** The part of the host's logger the app writes to. */
export type AppLog = Pick<ILogger, 'debug' | 'info' | 'warn' | 'error'>;

/**
 * An error as a log line may show it: its name and the stack frames that locate it, never its message, which
 * can carry whatever data the failing code held (a visitor's name, a URL with an id in it).
 */
export function errorSummary(error: unknown): { name: string; frames: string } {
    const name = error instanceof Error ? error.name : typeof error;
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    const frames = stack
        .split('\n')
        .filter((line) => /^\s+at /.test(line))
        .slice(0, 5)
        .map((line) => line.trim())
        .join(' | ');
    return { name, frames };
}
