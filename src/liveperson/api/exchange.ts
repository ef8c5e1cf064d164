import * as z from 'zod/mini';

import { fail, type LivePersonFailure, type LivePersonFailureKind, type LivePersonStep } from '../failures';
import type { LivePersonContext } from '../LivePersonCall';
import { retryAfterSeconds } from '../sessionPolicy';
import { RefusedDestinationError, urlOn } from './destinations';

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
    content: string;
}

/** The host's own timeout may be ignored by older bridges: the app's timer is the guarantee, with a little slack. */
const TIMER_SLACK_MS = 25;
const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

/**
 * One HTTP exchange with LivePerson: only to a LivePerson host, bounded by the call's deadline, classified into
 * a failure kind, and logged as one line with no secret, URL, host or body in it.
 */
export async function send(call: LivePersonContext, request: LivePersonRequest): Promise<LivePersonResponse> {
    const started = Date.now();
    const budget = call.deadline.remainingMs();
    const failure = (kind: LivePersonFailureKind, message: string, extra: Partial<LivePersonFailure> = {}): never => {
        const value: LivePersonFailure = { kind, step: request.step, message, correlationId: call.correlationId, ...extra };
        logExchange(call, request.step, Date.now() - started, value);
        return fail(value);
    };
    let url: string;
    try {
        url = urlOn(request.host, request.path);
    } catch (error) {
        if (error instanceof RefusedDestinationError) {
            return failure('invalidResponse', `refused to send the ${request.step} request outside liveperson.net`, { notSent: true });
        }
        throw error;
    }
    if (budget <= 0) {
        return failure('timeout', `no time left for the ${request.step} request`, { notSent: true });
    }

    let response;
    try {
        response = await withTimer(
            call.http[request.method](url, {
                headers: { ...JSON_HEADERS, ...request.headers },
                content: request.body === undefined ? undefined : JSON.stringify(request.body),
                timeout: budget,
            }),
            budget + TIMER_SLACK_MS,
        );
    } catch (error) {
        const reason = transportReason(error);
        return reason === 'timeout'
            ? failure('timeout', `LivePerson did not answer the ${request.step} request within ${budget} ms`)
            : failure('unavailable', `could not reach LivePerson for the ${request.step} request (${reason})`);
    }

    const result: LivePersonResponse = {
        status: response.statusCode,
        headers: lowerCaseKeys(response.headers ?? {}),
        content: typeof response.content === 'string' ? response.content : '',
    };
    if (result.status >= 200 && result.status < 300) {
        logExchange(call, request.step, Date.now() - started, undefined, result.status);
        return result;
    }
    const kind = kindForStatus(result.status, request.step);
    return failure(kind, `LivePerson answered ${result.status} to the ${request.step} request`, {
        status: result.status,
        internalCode: internalCodeOf(result.content),
        retryAfterSeconds: kind === 'rateLimited' ? retryAfterSeconds(result.headers['retry-after'], request.step === 'login', Date.now()) : undefined,
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

/** Parses a body asked for as JSON; anything else (an HTML error page, XML, garbage, the wrong shape) is `invalidResponse`. */
export function parseJson<T>(call: LivePersonContext, step: LivePersonStep, response: LivePersonResponse, schema: z.ZodMiniType<T>): T {
    const invalid = (what: string): never =>
        fail({
            kind: 'invalidResponse',
            step,
            status: response.status,
            correlationId: call.correlationId,
            message: `LivePerson sent ${what} to the ${step} request`,
        });
    const body = response.content.trim();
    if (!body) return invalid('an empty body');
    if (/^<(!doctype\s+html|html)/i.test(body)) return invalid('an HTML page');
    if (body.startsWith('<')) return invalid('an XML body');
    let json: unknown;
    try {
        json = JSON.parse(body);
    } catch {
        return invalid('malformed JSON');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
        // Paths only: values may be personal data.
        const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').slice(0, 5);
        return invalid(`JSON of an unexpected shape (${paths.join(', ')})`);
    }
    return parsed.data;
}

function logExchange(call: LivePersonContext, step: LivePersonStep, durationMs: number, failure?: LivePersonFailure, status?: number): void {
    const entry = {
        step,
        kind: failure?.kind ?? 'ok',
        status: failure?.status ?? status,
        internalCode: failure?.internalCode,
        correlationId: call.correlationId,
        durationMs,
    };
    const line = `LivePerson ${step}: ${entry.kind}${entry.status ? ` (HTTP ${entry.status})` : ''} in ${durationMs} ms [${call.correlationId}]`;
    if (failure) {
        call.logger.warn(line, entry);
    } else {
        call.logger.debug(line, entry);
    }
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
    if (/timed?\s?out|ETIMEDOUT|ESOCKETTIMEDOUT|aborted|AbortError/i.test(text)) {
        return 'timeout';
    }
    return /\b(E[A-Z_]{3,})\b/.exec(text)?.[1] ?? 'network error';
}

function lowerCaseKeys(headers: Record<string, unknown>): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [key, value] of Object.entries(headers)) {
        result[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return result;
}

const internalCodeSchema = z.object({ internalCode: z.optional(z.number()), error: z.optional(z.object({ internalCode: z.optional(z.number()) })) });

function internalCodeOf(content: string): number | undefined {
    try {
        const parsed = internalCodeSchema.safeParse(JSON.parse(content));
        return parsed.success ? (parsed.data.internalCode ?? parsed.data.error?.internalCode) : undefined;
    } catch {
        return undefined;
    }
}
