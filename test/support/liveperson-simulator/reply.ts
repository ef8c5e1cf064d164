/** What a handler, a fault or a test's reply decides to send back; the server writes it (after any latency). */
import { STATUS_CODES } from 'node:http';

export interface Reply {
    status: number;
    /** Sent exactly as given. */
    body: string;
    /** Sent after the default `Content-Type: application/json`, so they may override it. */
    headers?: Record<string, string>;
}

/** Not an answer at all: keep the socket open (`hang`) or drop it (`reset`). */
export type Outcome = Reply | { silence: 'hang' | 'reset' };

export function jsonReply(status: number, body: unknown, headers?: Record<string, string>): Reply {
    return { status, body: JSON.stringify(body), headers };
}

/**
 * LivePerson's documented error body (the Login Service's csrf 401):
 * `{"error":{"time":"Sep 22, 2016 4:10:15 PM","message":"…","internalCode":10,"responseStatus":"UNAUTHORIZED"}}`.
 * Other internal codes are not documented, so only a caller that knows one passes it.
 */
export function errorReply(status: number, message: string, internalCode?: number, headers?: Record<string, string>): Reply {
    const code = internalCode === undefined ? {} : { internalCode };
    return jsonReply(status, { error: { time: javaDateTime(new Date()), message, ...code, responseStatus: responseStatusOf(status) } }, headers);
}

/** Refresh and logout answer 200 with an empty body (still typed as JSON, like the real service). */
export function emptyReply(status = 200): Reply {
    return { status, body: '' };
}

/** 401 -> "UNAUTHORIZED", 429 -> "TOO_MANY_REQUESTS": the Java enum name LivePerson's services print. */
function responseStatusOf(status: number): string {
    return (STATUS_CODES[status] ?? String(status)).toUpperCase().replace(/\W+/g, '_');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Sep 22, 2016 4:10:15 PM` (UTC), the documented format of `error.time`. */
function javaDateTime(date: Date): string {
    const hours = date.getUTCHours();
    const pad = (value: number) => String(value).padStart(2, '0');
    const clock = `${hours % 12 || 12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
    return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()} ${clock}`;
}
