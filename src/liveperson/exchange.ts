import * as z from 'zod/mini';

import { remainingMs, type SettingsFreeCall } from './call';
import { urlOn } from './destinations';
import { fail, failureAt, type LivePersonFailure, type LivePersonFailureKind, type LivePersonStep } from './failures';

export interface LivePersonRequest {
    step: LivePersonStep;
    method: 'get' | 'post';
    host: string;
    /** Path and query, already encoded. */
    path: string;
    headers?: Record<string, string>;
    body?: unknown;
}

export interface LivePersonResponse {
    status: number;
    headers: Record<string, string>;
    body: string;
}

const SECOND = 1000;
/** LivePerson documents no Retry-After: without one, wait at least 1 s after a 429, 5 s before a login... */
const RETRY_AFTER_DEFAULT = { request: SECOND, login: 5 * SECOND };
/** ...and one longer than 15 minutes is a broken or hostile answer, not a plan. */
export const RETRY_AFTER_CAP = 15 * 60 * SECOND;
/** The host's own timeout may be ignored by older bridges: the app's timer is the guarantee, with a little slack. */
const TIMER_SLACK_MS = 25;
const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

/**
 * One HTTP exchange with LivePerson: only to a LivePerson host, bounded by the call's time, classified into a
 * failure kind, and logged as one line with no secret, URL, host or body in it. The body is asked for raw
 * (`encoding: null`): the host would otherwise parse JSON itself and hand the parsed object across the
 * process boundary, where a key such as `__proto__` makes the Deno runtime's decoder drop the whole message.
 */
export async function send(call: SettingsFreeCall, request: LivePersonRequest): Promise<LivePersonResponse> {
    const started = Date.now();
    const budget = remainingMs(call);
    const failure = (kind: LivePersonFailureKind, message: string, extra: Partial<LivePersonFailure> = {}): never => {
        const value = failureAt(call, request.step, kind, message, extra);
        logExchange(call, request.step, Date.now() - started, value);
        return fail(value);
    };
    const url = urlOn(request.host, request.path);
    if (!url) return failure('invalidResponse', `refused to send the ${request.step} request outside liveperson.net`, { notSent: true });
    if (budget <= 0) return failure('timeout', `no time left for the ${request.step} request`, { notSent: true });

    let response;
    try {
        response = await withTimer(
            call.http[request.method](url, {
                headers: { ...JSON_HEADERS, ...request.headers },
                content: request.body === undefined ? undefined : JSON.stringify(request.body),
                timeout: budget,
                encoding: null,
            }),
            budget + TIMER_SLACK_MS,
        );
    } catch (error) {
        const reason = transportReason(error);
        return reason === 'timeout'
            ? failure('timeout', `LivePerson did not answer the ${request.step} request within ${budget} ms`)
            : failure('unavailable', `could not reach LivePerson for the ${request.step} request (${reason})`);
    }

    const result: LivePersonResponse = { status: response.statusCode, headers: lowerCaseKeys(response.headers ?? {}), body: textOf(response.content) };
    if (result.status >= 200 && result.status < 300) {
        logExchange(call, request.step, Date.now() - started, undefined, result.status);
        return result;
    }
    const kind = kindForStatus(result.status, request.step);
    return failure(kind, `LivePerson answered ${result.status} to the ${request.step} request`, {
        status: result.status,
        internalCode: internalCodeOf(result.body),
        ...(kind === 'rateLimited' ? { retryAfterSeconds: retryAfterSeconds(result.headers['retry-after'], request.step === 'login', Date.now()) } : {}),
    });
}

function kindForStatus(status: number, step: LivePersonStep): LivePersonFailureKind {
    if (status === 401) return 'auth';
    if (status === 403 || status === 451) return 'forbidden';
    // Only a participant can be "not found"; a missing account, host or login path is a settings problem.
    if (status === 404) return step === 'participantInfo' ? 'notFound' : 'misconfigured';
    if (status === 408) return 'timeout';
    if (status === 429) return 'rateLimited';
    if (status === 400) return 'misconfigured';
    if (status >= 500) return 'unavailable';
    return 'invalidResponse';
}

/**
 * Seconds to wait after a 429: `Retry-After` in seconds or as an HTTP date, never less than LivePerson's
 * documented minimum (a `0` or a past date would mean no pause at all), never more than the cap.
 */
export function retryAfterSeconds(header: string | undefined, afterLogin: boolean, now: number): number {
    const floor = afterLogin ? RETRY_AFTER_DEFAULT.login : RETRY_AFTER_DEFAULT.request;
    let ms = floor;
    if (header && /^\s*\d+\s*$/.test(header)) ms = Number(header) * SECOND;
    else if (header && !Number.isNaN(Date.parse(header))) ms = Date.parse(header) - now;
    return Math.ceil(Math.min(Math.max(ms, floor), RETRY_AFTER_CAP) / SECOND);
}

/** JSON without prototype keys: `__proto__` would otherwise reach objects the app builds from the answer. */
export function parseJsonText(text: string): unknown {
    return JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));
}

/** A body asked for as JSON; anything else (an HTML error page, XML, garbage) is `invalidResponse`. */
export function readJson(call: SettingsFreeCall, step: LivePersonStep, response: LivePersonResponse): unknown {
    const body = response.body.trim();
    const what = !body ? 'an empty body' : /^<(!doctype\s+html|html)/i.test(body) ? 'an HTML page' : body.startsWith('<') ? 'an XML body' : undefined;
    if (what) return invalid(call, step, response, what);
    try {
        return parseJsonText(body);
    } catch {
        return invalid(call, step, response, 'malformed JSON');
    }
}

/** A body whose whole shape the app relies on (a login, a session, a host): parsed strictly. */
export function readStrict<T>(call: SettingsFreeCall, step: LivePersonStep, response: LivePersonResponse, schema: z.ZodMiniType<T>): T {
    const parsed = schema.safeParse(readJson(call, step, response));
    if (parsed.success) return parsed.data;
    // Paths only: values may be personal data.
    const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').slice(0, 5);
    return invalid(call, step, response, `JSON of an unexpected shape (${paths.join(', ')})`);
}

/** An answer the app cannot use: said in the log with the reference the agent quotes, never with the body (personal data). */
export function invalid(call: SettingsFreeCall, step: LivePersonStep, response: { status: number }, what: string): never {
    const message = `LivePerson sent ${what} to the ${step} request`;
    call.logger.warn(`${message} [${call.reference}]`, { step, kind: 'invalidResponse', status: response.status, reference: call.reference });
    return fail(failureAt(call, step, 'invalidResponse', message, { status: response.status }));
}

function logExchange(call: SettingsFreeCall, step: LivePersonStep, durationMs: number, failure?: LivePersonFailure, okStatus?: number): void {
    const { kind = 'ok', status = okStatus, internalCode } = failure ?? {};
    const line = `LivePerson ${step}: ${kind}${status ? ` (HTTP ${status})` : ''} in ${durationMs} ms [${call.reference}]`;
    call.logger[failure ? 'warn' : 'debug'](line, { step, kind, status, internalCode, reference: call.reference, durationMs });
}

function withTimer<T>(promise: Promise<T>, ms: number): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expiry = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('ETIMEDOUT: app timer')), ms);
    });
    return Promise.race([promise, expiry]).finally(() => clearTimeout(timer));
}

/** Only an error code leaves this function: host error messages can contain the URL (and so a participant id). */
function transportReason(error: unknown): string {
    const text = error instanceof Error ? `${(error as { code?: string }).code ?? ''} ${error.message}` : String(error);
    if (/timed?\s?out|ETIMEDOUT|ESOCKETTIMEDOUT|aborted|AbortError/i.test(text)) return 'timeout';
    return /\b(E[A-Z_]{3,})\b/.exec(text)?.[1] ?? 'network error';
}

/**
 * The raw body: bytes from hosts that honour `encoding: null`, text from those that do not. Bytes are read as
 * an array-like, not by `instanceof`: in process (Rocket.Chat 6) the host's Buffer belongs to another realm.
 */
function textOf(content: unknown): string {
    if (typeof content === 'string') return content;
    const bytes = content as ArrayLike<number> | null | undefined;
    return bytes && typeof bytes === 'object' && typeof bytes.length === 'number' ? Buffer.from(bytes).toString('utf8') : '';
}

function lowerCaseKeys(headers: Record<string, unknown>): Record<string, string> {
    return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value)]));
}

const internalCodeSchema = z.object({ internalCode: z.optional(z.number()), error: z.optional(z.object({ internalCode: z.optional(z.number()) })) });

/** LivePerson wraps error details in `{"error": {...}}` (documented for the csrf 401); some answers leave them bare. */
function internalCodeOf(body: string): number | undefined {
    try {
        const parsed = internalCodeSchema.safeParse(parseJsonText(body));
        return parsed.success ? (parsed.data.error?.internalCode ?? parsed.data.internalCode) : undefined;
    } catch {
        return undefined;
    }
}
