import { RequestMethod } from '@rocket.chat/apps-engine/definition/accessors';
import type {
  IHttp,
  IHttpExtend,
  IHttpPreRequestHandler,
  IHttpPreResponseHandler,
  IHttpRequest,
  IHttpResponse,
  IPersistence,
  IRead,
} from '@rocket.chat/apps-engine/definition/accessors';
import { copyOf } from './clone';
import { sendOverWire } from './http-transport';
import { hostMatchesDomain, type PermissionGuard } from './permissions';
import type { HostRecords } from './records';

/** The real bridge's default when the app gives no timeout (minutes: always pass your own). */
export const DEFAULT_HTTP_TIMEOUT_MS = 3 * 60 * 1000;

/** Content types whose body the real bridge JSON-parses into `data`. */
const JSON_CONTENT_TYPES = ['application/json', 'text/javascript', 'application/javascript', 'application/x-javascript'];

/** IHttpExtend: default headers/params and pre-request/pre-response handlers the app registers at initialize. */
export class HostHttpExtend implements IHttpExtend {
  private readonly headers = new Map<string, string>();
  private readonly params = new Map<string, string>();
  private readonly requestHandlers: IHttpPreRequestHandler[] = [];
  private readonly responseHandlers: IHttpPreResponseHandler[] = [];

  provideDefaultHeader(key: string, value: string): void {
    this.headers.set(key, value);
  }

  provideDefaultHeaders(headers: { [key: string]: string }): void {
    Object.entries(headers).forEach(([key, value]) => this.headers.set(key, value));
  }

  provideDefaultParam(key: string, value: string): void {
    this.params.set(key, value);
  }

  provideDefaultParams(params: { [key: string]: string }): void {
    Object.entries(params).forEach(([key, value]) => this.params.set(key, value));
  }

  providePreRequestHandler(handler: IHttpPreRequestHandler): void {
    this.requestHandlers.push(handler);
  }

  providePreResponseHandler(handler: IHttpPreResponseHandler): void {
    this.responseHandlers.push(handler);
  }

  getDefaultHeaders(): Map<string, string> {
    return new Map(this.headers);
  }

  getDefaultParams(): Map<string, string> {
    return new Map(this.params);
  }

  getPreRequestHandlers(): Array<IHttpPreRequestHandler> {
    return [...this.requestHandlers];
  }

  getPreResponseHandlers(): Array<IHttpPreResponseHandler> {
    return [...this.responseHandlers];
  }
}

export interface HttpDependencies {
  guard: PermissionGuard;
  records: HostRecords;
  now: () => number;
  extend: HostHttpExtend;
  /** Host name (or `*.domain`) -> loopback base URL. */
  routes: Record<string, string>;
  /** The app's read/persistence accessors, handed to pre-request/response handlers. */
  accessors: () => { read: IRead; persis: IPersistence };
}

const isGetOrHead = (method: RequestMethod) => method === RequestMethod.GET || method === RequestMethod.HEAD;

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name.toLowerCase());
}

/**
 * IHttp with real network I/O and the real bridge's request rules (Rocket.Chat AppHttpBridge + server-fetch):
 * `data` (an object) is sent as JSON when there is no `content`; `params` go to the query string for GET/HEAD or
 * when there is a body, else become a form-encoded body; `auth` becomes Basic auth; `query` is ignored (the real
 * bridge ignores it too); `data` in the response is the parsed JSON body or null. Needs `networking`, and (extra
 * strictness of this host) the URL's host name must match a declared domain.
 */
export class HostHttp implements IHttp {
  constructor(private readonly deps: HttpDependencies) {}

  get(url: string, options?: IHttpRequest): Promise<IHttpResponse> {
    return this.call(RequestMethod.GET, url, options, 'IHttp.get');
  }

  post(url: string, options?: IHttpRequest): Promise<IHttpResponse> {
    return this.call(RequestMethod.POST, url, options, 'IHttp.post');
  }

  put(url: string, options?: IHttpRequest): Promise<IHttpResponse> {
    return this.call(RequestMethod.PUT, url, options, 'IHttp.put');
  }

  del(url: string, options?: IHttpRequest): Promise<IHttpResponse> {
    return this.call(RequestMethod.DELETE, url, options, 'IHttp.del');
  }

  patch(url: string, options?: IHttpRequest): Promise<IHttpResponse> {
    return this.call(RequestMethod.PATCH, url, options, 'IHttp.patch');
  }

  /** Like the engine's Http accessor: defaults, then pre-request handlers, then the bridge, then pre-response handlers. */
  private async call(method: RequestMethod, url: string, options: IHttpRequest | undefined, name: string): Promise<IHttpResponse> {
    let request: IHttpRequest = { ...copyOf(options ?? {}), headers: { ...(options?.headers ?? {}) }, params: { ...(options?.params ?? {}) } };
    this.deps.extend.getDefaultHeaders().forEach((value, key) => {
      if (typeof request.headers?.[key] !== 'string') {
        (request.headers as Record<string, string>)[key] = value;
      }
    });
    this.deps.extend.getDefaultParams().forEach((value, key) => {
      if (typeof request.params?.[key] !== 'string') {
        (request.params as Record<string, string>)[key] = value;
      }
    });
    const { read, persis } = this.deps.accessors();
    for (const handler of this.deps.extend.getPreRequestHandlers()) {
      request = await handler.executePreHttpRequest(url, request, read, persis);
    }
    const target = new URL(url);
    if (!this.deps.guard.allowsNetworkHost(target.hostname, name)) {
      return undefined as unknown as IHttpResponse;
    }
    let response = await this.send(method, url, request);
    for (const handler of this.deps.extend.getPreResponseHandlers()) {
      response = await handler.executePreHttpResponse(response, read, persis);
    }
    return response;
  }

  private async send(method: RequestMethod, url: string, request: IHttpRequest): Promise<IHttpResponse> {
    const target = new URL(url);
    const headers: Record<string, string> = { ...(request.headers ?? {}) };
    let content = request.content;
    if (!content && typeof request.data === 'object' && request.data !== null) {
      content = JSON.stringify(request.data);
      if (!hasHeader(headers, 'content-type')) {
        headers['Content-Type'] = 'application/json';
      }
    }
    if (request.auth) {
      if (!request.auth.includes(':')) {
        throw new Error('auth option should be of the form "username:password"');
      }
      headers.Authorization = `Basic ${Buffer.from(request.auth, 'ascii').toString('base64')}`;
    }
    const params = Object.entries(request.params ?? {});
    if (content || isGetOrHead(method)) {
      params.filter(([, value]) => value).forEach(([key, value]) => target.searchParams.append(key, value));
    } else if (params.length) {
      content = new URLSearchParams(params).toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    if (isGetOrHead(method)) {
      content = undefined;
    }
    if (!hasHeader(headers, 'accept')) {
      headers.Accept = '*/*';
    }
    const timeoutMs = request.timeout || DEFAULT_HTTP_TIMEOUT_MS;
    const started = Date.now();
    const record = {
      method: method.toUpperCase(),
      url: target.href,
      headers: { ...headers },
      ...(content !== undefined ? { content } : {}),
    };
    try {
      const wire = await sendOverWire({
        method: method.toUpperCase(),
        url: target,
        headers,
        body: content,
        timeoutMs,
        rejectUnauthorized: request.strictSSL !== false && request.rejectUnauthorized !== false,
        route: (hop) => this.route(hop),
      });
      this.deps.records.httpRequests.push({
        ...record,
        ...(wire.routedTo ? { routedTo: wire.routedTo } : {}),
        status: wire.statusCode,
        durationMs: Date.now() - started,
        at: this.deps.now(),
      });
      const text = wire.body.toString((request.encoding || 'utf8') as BufferEncoding);
      return { url, method, statusCode: wire.statusCode, headers: wire.headers, content: text, data: this.parseData(wire.headers, text) };
    } catch (error) {
      const routedTo = this.route(target)?.href;
      this.deps.records.httpRequests.push({
        ...record,
        ...(routedTo ? { routedTo } : {}),
        error: error instanceof Error ? error.message : String(error),
        durationMs: Date.now() - started,
        at: this.deps.now(),
      });
      throw error;
    }
  }

  private parseData(headers: Record<string, string>, text: string): unknown {
    const contentType = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!JSON_CONTENT_TYPES.includes(contentType)) {
      return null;
    }
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  }

  /** The loopback URL standing in for this URL's host, keeping path and query (a base path is prefixed). */
  private route(url: URL): URL | undefined {
    const key = Object.keys(this.deps.routes).find((pattern) => hostMatchesDomain(url.hostname, pattern));
    if (!key) {
      return undefined;
    }
    const base = new URL(this.deps.routes[key]);
    const routed = new URL(base.href);
    routed.pathname = `${base.pathname.replace(/\/$/, '')}${url.pathname}`;
    routed.search = url.search;
    return routed;
  }
}
