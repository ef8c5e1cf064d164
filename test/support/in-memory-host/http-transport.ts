import http from 'node:http';
import https from 'node:https';

export interface WireRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  rejectUnauthorized: boolean;
  /** Host name -> loopback base URL (e.g. `api.liveperson.net` -> `http://127.0.0.1:4321`). */
  route: (url: URL) => URL | undefined;
}

export interface WireResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Where the last hop really went, when it was routed. */
  routedTo?: string;
}

const MAX_REDIRECTS = 20;

/** Node's lower-case headers with repeated values (Set-Cookie) joined by ', ', as node-fetch's Headers do. */
function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) {
      flat[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return flat;
}

/** The errors the real bridge surfaces (node-fetch's FetchError), naming the cause, e.g. ECONNREFUSED. */
function networkError(url: URL, cause: NodeJS.ErrnoException): Error {
  const code = cause.code && !cause.message.includes(cause.code) ? ` (${cause.code})` : '';
  const error = new Error(`request to ${url.href} failed, reason: ${cause.message}${code}`) as NodeJS.ErrnoException;
  error.name = 'FetchError';
  error.code = cause.code;
  return error;
}

function timeoutError(url: URL, timeoutMs: number): Error {
  const error = new Error(
    `The user aborted a request. (no response from ${url.href} within the ${timeoutMs} ms timeout: ETIMEDOUT)`,
  ) as NodeJS.ErrnoException;
  error.name = 'AbortError';
  error.code = 'ETIMEDOUT';
  return error;
}

/**
 * One HTTP exchange with node http/https: follows redirects like node-fetch, routes each hop's host name to its
 * loopback stand-in (sending the original `Host` header), and aborts the whole exchange after `timeoutMs`.
 */
export function sendOverWire(request: WireRequest): Promise<WireResponse> {
  const started = request.url;
  return new Promise<WireResponse>((resolve, reject) => {
    let current: http.ClientRequest | undefined;
    let settled = false;
    // The first outcome wins; errors the abort itself causes afterwards are ignored.
    const finish = (outcome: () => void) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        outcome();
      }
    };
    const timer = setTimeout(() => {
      finish(() => reject(timeoutError(started, request.timeoutMs)));
      current?.destroy();
    }, request.timeoutMs);

    const hop = (url: URL, method: string, body: string | undefined, redirects: number) => {
      const routed = request.route(url);
      const target = routed ?? url;
      const headers: Record<string, string> = { ...request.headers };
      if (routed) {
        Object.keys(headers)
          .filter((name) => name.toLowerCase() === 'host')
          .forEach((name) => delete headers[name]);
        headers.Host = url.host;
      }
      if (body !== undefined) {
        headers['Content-Length'] = String(Buffer.byteLength(body));
      }
      const transport = target.protocol === 'https:' ? https : http;
      current = transport.request(target, { method, headers, rejectUnauthorized: request.rejectUnauthorized }, (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if ([301, 302, 303, 307, 308].includes(status) && location && redirects < MAX_REDIRECTS) {
          response.resume();
          const keepsBody = status === 307 || status === 308;
          hop(new URL(location, url), keepsBody ? method : 'GET', keepsBody ? body : undefined, redirects + 1);
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error: NodeJS.ErrnoException) => finish(() => reject(networkError(url, error))));
        response.on('end', () =>
          finish(() =>
            resolve({
              statusCode: status,
              headers: flattenHeaders(response.headers),
              body: Buffer.concat(chunks),
              ...(routed ? { routedTo: routed.href } : {}),
            }),
          ),
        );
      });
      current.on('error', (error: NodeJS.ErrnoException) => finish(() => reject(networkError(url, error))));
      current.end(body);
    };

    hop(request.url, request.method, request.body, 0);
  });
}
