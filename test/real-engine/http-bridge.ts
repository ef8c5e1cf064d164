import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';

import type { IHttpResponse } from 'apps-engine-1-42/definition/accessors';
import { HttpBridge } from 'apps-engine-1-42/server/bridges';
import type { IHttpBridgeRequestInfo } from 'apps-engine-1-42/server/bridges';

export interface LoopbackRoute {
    /** Host names answered by the loopback server (LivePerson's, in these tests). */
    hostnames: readonly string[];
    /** `http://127.0.0.1:<port>` */
    url: string;
}

export interface HttpExchange {
    method: string;
    /** The URL as the app asked for it (not the loopback one). */
    url: string;
    status: number | 'error';
}

/**
 * The host's HTTP bridge, with the network replaced by a loopback server: a request to one of the routed host
 * names goes to `route.url` with the original name in the `Host` header (node:http, since fetch drops a custom
 * Host). Any other host is refused, so a scenario never touches the real network.
 */
export class LoopbackHttpBridge extends HttpBridge {
    public readonly exchanges: HttpExchange[] = [];

    constructor(private readonly route: LoopbackRoute) {
        super();
    }

    protected async call(info: IHttpBridgeRequestInfo): Promise<IHttpResponse> {
        const target = new URL(info.url);
        if (!this.route.hostnames.includes(target.hostname)) {
            throw new Error(`the test HttpBridge only reaches ${this.route.hostnames.join(', ')}, not ${target.hostname}`);
        }
        const { request } = info;
        for (const [name, value] of Object.entries(request.params ?? {})) {
            target.searchParams.append(name, value);
        }
        if (request.query) {
            target.search = target.search ? `${target.search}&${request.query}` : `?${request.query}`;
        }
        const headers: Record<string, string> = { ...request.headers, Host: target.host };
        let body: string | undefined = request.content;
        if (body === undefined && request.data !== undefined) {
            body = JSON.stringify(request.data);
            headers['Content-Type'] ??= 'application/json';
        }
        if (body !== undefined) {
            headers['Content-Length'] = String(Buffer.byteLength(body));
        }
        const loopback = new URL(`${target.pathname}${target.search}`, this.route.url);
        try {
            const response = await send(loopback, info.method.toUpperCase(), headers, body, request.timeout);
            this.exchanges.push({ method: info.method, url: info.url, status: response.statusCode });
            return { url: info.url, method: info.method, ...response };
        } catch (error) {
            this.exchanges.push({ method: info.method, url: info.url, status: 'error' });
            throw error;
        }
    }
}

function send(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
    timeoutMs: number | undefined,
): Promise<Pick<IHttpResponse, 'statusCode' | 'headers' | 'content' | 'data'>> {
    return new Promise((resolve, reject) => {
        // agent: false closes the socket after the exchange, so nothing stays open when a test ends.
        const outgoing = httpRequest(url, { method, headers, agent: false }, (incoming) => {
            const chunks: Buffer[] = [];
            incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
            incoming.once('error', reject);
            incoming.once('end', () => {
                const content = Buffer.concat(chunks).toString('utf8');
                const flatHeaders = flattenHeaders(incoming.headers);
                resolve({ statusCode: incoming.statusCode ?? 0, headers: flatHeaders, content, data: jsonOrUndefined(content, flatHeaders) });
            });
        });
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
        if (value !== undefined) {
            flat[name] = Array.isArray(value) ? value.join(', ') : value;
        }
    }
    return flat;
}

/** Rocket.Chat's bridge also hands the app the parsed body as `data` when it is JSON. */
function jsonOrUndefined(content: string, headers: Record<string, string>): unknown {
    if (!/json/i.test(headers['content-type'] ?? '')) {
        return undefined;
    }
    try {
        return JSON.parse(content) as unknown;
    } catch {
        return undefined;
    }
}
