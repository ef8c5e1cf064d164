/**
 * The network, replaced by a loopback server: a request to one of the routed host names goes to `route.url` with
 * the original name in the `Host` header (node:http, since fetch drops a custom Host). Any other host is refused
 * and recorded, so a scenario never touches the real network and can tell where the app tried to go.
 */
import { request as httpRequest } from 'node:http';
import type { ClientRequest, IncomingHttpHeaders } from 'node:http';

import type { IHttpResponse } from 'apps-engine-1-62/definition/accessors';
import type { IHttpBridgeRequestInfo } from 'apps-engine-1-62/server/bridges/HttpBridge';

import type { HttpExchange } from './recorder';

export interface LoopbackRoute {
    /** Host names answered by the loopback server (LivePerson's, in these tests). */
    hostnames: readonly string[];
    /** `http://127.0.0.1:<port>`; change it to move LivePerson (a closed port models "connection refused"). */
    url: string;
}

/** The host's HTTP: every call it has in flight, so a reset can cut them (a hung LivePerson would outlive its test). */
export class Loopback {
    private readonly inFlight = new Set<ClientRequest>();

    constructor(readonly route: LoopbackRoute) {}

    call(info: IHttpBridgeRequestInfo, log: HttpExchange[]): Promise<IHttpResponse> {
        return loopbackCall(this.route, info, log, this.inFlight);
    }

    abortAll(): void {
        for (const request of this.inFlight) request.destroy(Object.assign(new Error('ECONNRESET: the test host was reset'), { code: 'ECONNRESET' }));
        this.inFlight.clear();
    }
}

async function loopbackCall(route: LoopbackRoute, info: IHttpBridgeRequestInfo, log: HttpExchange[], inFlight: Set<ClientRequest>): Promise<IHttpResponse> {
    const target = new URL(info.url);
    if (target.protocol !== 'https:' || !route.hostnames.includes(target.hostname) || target.port !== '' || target.username !== '') {
        log.push({ method: info.method, url: info.url, status: 'refused' });
        throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    }
    const { request } = info;
    for (const [name, value] of Object.entries(request.params ?? {})) target.searchParams.append(name, value);
    if (request.query) target.search = target.search ? `${target.search}&${request.query}` : `?${request.query}`;
    const headers: Record<string, string> = { ...(request.headers ?? {}), Host: target.host };
    let body: string | undefined = request.content ?? undefined;
    if (body === undefined && request.data !== undefined && request.data !== null) {
        body = JSON.stringify(request.data);
        headers['Content-Type'] ??= 'application/json';
    }
    if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
    const loopback = new URL(`${target.pathname}${target.search}`, route.url);
    try {
        const response = await send(loopback, info.method.toUpperCase(), headers, body, request.timeout ?? undefined, inFlight, request.encoding === null);
        log.push({ method: info.method, url: info.url, status: response.statusCode, timeoutMs: request.timeout ?? undefined });
        return { url: info.url, method: info.method, ...response };
    } catch (error) {
        log.push({ method: info.method, url: info.url, status: 'error', timeoutMs: request.timeout ?? undefined });
        throw error;
    }
}

function send(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
    timeoutMs: number | undefined,
    inFlight: Set<ClientRequest>,
    raw: boolean,
) {
    return new Promise<Pick<IHttpResponse, 'statusCode' | 'headers' | 'content' | 'data'>>((resolve, reject) => {
        // agent: false closes the socket after the exchange, so nothing stays open when a test ends.
        const outgoing = httpRequest(url, { method, headers, agent: false }, (incoming) => {
            const chunks: Buffer[] = [];
            incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
            incoming.once('error', reject);
            incoming.once('end', () => {
                const flat = flattenHeaders(incoming.headers);
                // As Rocket.Chat's HTTP bridge (apps/meteor/app/apps/server/bridges/http.ts): `encoding: null` hands back the
                // bytes, unparsed; otherwise the text, and the parsed JSON as `data` when the type says JSON.
                if (raw) return resolve({ statusCode: incoming.statusCode ?? 0, headers: flat, content: Buffer.concat(chunks) as never });
                const content = Buffer.concat(chunks).toString('utf8');
                resolve({ statusCode: incoming.statusCode ?? 0, headers: flat, content, data: jsonOrUndefined(content, flat) });
            });
        });
        inFlight.add(outgoing);
        outgoing.once('close', () => inFlight.delete(outgoing));
        outgoing.once('error', reject);
        if (timeoutMs !== undefined && timeoutMs > 0) {
            outgoing.setTimeout(timeoutMs, () => outgoing.destroy(Object.assign(new Error(`ETIMEDOUT after ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
        }
        outgoing.end(body);
    });
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return flat;
}

function jsonOrUndefined(content: string, headers: Record<string, string>): unknown {
    const type = (headers['content-type'] ?? '').split(';')[0].trim();
    if (!['application/json', 'text/javascript', 'application/javascript', 'application/x-javascript'].includes(type)) return undefined;
    try {
        return JSON.parse(content) as unknown;
    } catch {
        return undefined;
    }
}
