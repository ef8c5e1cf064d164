/** What a handler or a fault decides to send back; the server writes it (after any latency). */

export interface Reply {
    status: number;
    body: string;
    /** Sent after the default `Content-Type: application/json`, so they may override it. */
    headers?: Record<string, string>;
}

/** Not an answer at all: keep the socket open (`hang`) or drop it (`reset`). */
export type Outcome = Reply | { silence: 'hang' | 'reset' };

export function jsonReply(status: number, body: unknown, headers?: Record<string, string>): Reply {
    return { status, body: JSON.stringify(body), headers };
}

export function errorReply(status: number, error: string): Reply {
    return jsonReply(status, { error });
}

/** Refresh and logout answer 200 with an empty body (still typed as JSON, like the real service). */
export function emptyReply(status = 200): Reply {
    return { status, body: '' };
}
