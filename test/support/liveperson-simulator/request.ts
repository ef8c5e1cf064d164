/** A request as the handlers see it, and the small readers that more than one service needs. */

export interface SimRequest {
    method: string;
    host: string;
    pathname: string;
    query: Record<string, string>;
    /** Lower-case names, repeated headers joined with ", ". */
    headers: Record<string, string>;
    /** Parsed JSON, the raw text when it is not JSON, undefined when empty. */
    body: unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The token of `Authorization: Bearer <token>`; any other scheme (or none) gives undefined. */
export function readBearer(request: SimRequest): string | undefined {
    return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
}
