/**
 * `npm start`: the app without a Rocket.Chat server or a LivePerson account. Starts the LivePerson simulator and
 * the real Apps-Engine 1.62 (the packaged app, dist/*.zip, in its Deno subprocess, as Rocket.Chat 7 and 8 run it)
 * with the tests' sample rooms, and a web page on 127.0.0.1 that draws the app's contextual bar and private
 * messages with Rocket.Chat's own UIKit renderer. `PORT` picks the port (default 3000, 0 = any free);
 * `PLAYGROUND_FIXED_CLOCK` (an ISO time) fixes every time the page prints, for byte-stable screenshots.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { BUILD_DIR, buildClient } from './build';
import { isLivePersonMode, LIVEPERSON_MODES } from './livePersonModes';
import { field, HttpError, readJsonBody, requiredString } from './apiInput';
import { PlaygroundSession } from './session';
import type { ApiResult, SettingsRequest, Snapshot } from './shared';

const HOST = '127.0.0.1';
const PUSH_EVERY_MS = 150;
/** How often the session looks for due jobs (Agenda looks every 5 s by default; this is quicker to watch). */
const TICK_EVERY_MS = 250;

const CONTENT_TYPES: Record<string, string> = {
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff',
    '.ttf': 'font/ttf',
    '.eot': 'application/vnd.ms-fontobject',
    '.svg': 'image/svg+xml',
};

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>LivePerson Visitor Info playground</title>
<link rel="icon" href="/app-icon.png">
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<div id="root"></div>
<script src="/assets/app.js"></script>
</body>
</html>
`;

export interface RunningPlayground {
    url: string;
    /** How long esbuild took to bundle the page. */
    bundleMs: number;
    stop(): Promise<void>;
}

function parsePort(value: string | undefined): number {
    if (value === undefined || value === '') return 3000;
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`PORT must be a port number (0-65535), got "${value}"`);
    }
    return port;
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(body));
}

/** Starts everything; resolves once the page is reachable. */
export async function startPlayground(port = parsePort(process.env.PORT)): Promise<RunningPlayground> {
    const bundleMs = await buildClient();
    const session = await PlaygroundSession.start();
    const events = new Set<http.ServerResponse>();
    let lastPushed = '';

    const push = (snapshot: Snapshot = session.snapshot()) => {
        const json = JSON.stringify(snapshot);
        if (json === lastPushed) return;
        lastPushed = json;
        for (const client of events) client.write(`data: ${json}\n\n`);
    };
    // The app also acts on its own (scheduled jobs, slow LivePerson answers): watch for changes while a page listens.
    const ticker = setInterval(() => {
        if (events.size > 0) push();
    }, PUSH_EVERY_MS);
    let ticking = false;
    const scheduler = setInterval(() => {
        if (ticking) return;
        ticking = true;
        session
            .tick()
            .catch((error: unknown) => console.error('playground:', error))
            .finally(() => (ticking = false));
    }, TICK_EVERY_MS);

    const api: Record<string, (body: Record<string, unknown>) => Promise<void> | void> = {
        command: (body) => session.send(requiredString(body, 'text')),
        'room-action': (body) => session.roomAction(requiredString(body, 'actionId')),
        'block-action': (body) =>
            session.blockAction({
                viewId: requiredString(body, 'viewId'),
                actionId: requiredString(body, 'actionId'),
                blockId: requiredString(body, 'blockId'),
                value: field(body, 'value', 'string'),
            }),
        'view-close': (body) => session.closeView(requiredString(body, 'viewId')),
        select: (body) => session.select({ userId: field(body, 'userId', 'string'), roomId: field(body, 'roomId', 'string') }),
        settings: (body) => {
            const change: SettingsRequest = {
                maskPii: field(body, 'maskPii', 'boolean'),
                showSensitive: field(body, 'showSensitive', 'boolean'),
                timeoutMs: field(body, 'timeoutMs', 'number'),
                language: field(body, 'language', 'string'),
            };
            return session.saveSettings(change);
        },
        mode: (body) => {
            const mode = requiredString(body, 'mode');
            if (!isLivePersonMode(mode)) throw new HttpError(400, `"mode" must be one of ${LIVEPERSON_MODES.map(({ name }) => name).join(', ')}`);
            session.setMode(mode);
        },
    };

    const handle = async (request: http.IncomingMessage, response: http.ServerResponse, allowedHosts: Set<string>) => {
        // Only this machine's browser: refuse other Host names (DNS rebinding) and cross-site posts.
        if (!allowedHosts.has(request.headers.host ?? '')) throw new HttpError(403, 'unexpected Host header');
        const url = new URL(request.url ?? '/', 'http://playground.invalid');
        if (request.method === 'GET' && url.pathname === '/') {
            response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
            response.end(PAGE);
            return;
        }
        if (request.method === 'GET' && url.pathname.startsWith('/assets/')) {
            const file = path.normalize(path.join(BUILD_DIR, url.pathname.slice('/assets/'.length)));
            if (!file.startsWith(BUILD_DIR + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
                throw new HttpError(404, 'not found');
            }
            response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
            fs.createReadStream(file).pipe(response);
            return;
        }
        if (request.method === 'GET' && url.pathname === '/app-icon.png' && session.zip.icon) {
            response.writeHead(200, { 'Content-Type': 'image/png' });
            response.end(session.zip.icon);
            return;
        }
        if (request.method === 'GET' && url.pathname === '/api/state') {
            sendJson(response, 200, session.snapshot());
            return;
        }
        if (request.method === 'GET' && url.pathname === '/api/events') {
            response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
            response.write(`data: ${JSON.stringify(session.snapshot())}\n\n`);
            events.add(response);
            request.once('close', () => events.delete(response));
            return;
        }
        const action = url.pathname.startsWith('/api/') ? api[url.pathname.slice('/api/'.length)] : undefined;
        if (request.method === 'POST' && action) {
            const origin = request.headers.origin;
            if (origin !== undefined && !allowedHosts.has(origin.replace(/^https?:\/\//, ''))) throw new HttpError(403, 'cross-origin request');
            const body = await readJsonBody(request);
            const running = action(body);
            // Show "busy" (and whatever the app did so far) while a slow LivePerson keeps the action running.
            push();
            await running;
            push();
            sendJson(response, 200, { ok: true } satisfies ApiResult);
            return;
        }
        throw new HttpError(404, 'not found');
    };

    const allowedHosts = new Set<string>();
    const server = http.createServer((request, response) => {
        handle(request, response, allowedHosts).catch((error: unknown) => {
            const status = error instanceof HttpError ? error.status : 500;
            if (status === 500) console.error('playground:', error);
            if (!response.headersSent) sendJson(response, status, { ok: false, error: (error as Error).message } satisfies ApiResult);
            else response.end();
        });
    });

    try {
        await new Promise<void>((resolve, reject) => {
            server.once('error', reject);
            server.listen(port, HOST, () => {
                server.off('error', reject);
                resolve();
            });
        });
    } catch (error) {
        clearInterval(ticker);
        clearInterval(scheduler);
        await session.stop();
        const code = (error as NodeJS.ErrnoException).code;
        throw code === 'EADDRINUSE' ? new Error(`port ${port} is in use on ${HOST}: start with PORT=<another port> npm start`) : error;
    }
    const actualPort = (server.address() as AddressInfo).port;
    for (const name of [HOST, 'localhost']) allowedHosts.add(`${name}:${actualPort}`);

    let stopping: Promise<void> | undefined;
    return {
        url: `http://${HOST}:${actualPort}`,
        stop() {
            stopping ??= (async () => {
                clearInterval(ticker);
                clearInterval(scheduler);
                for (const client of events) client.end();
                events.clear();
                await new Promise<void>((resolve) => {
                    server.close(() => resolve());
                    server.closeAllConnections();
                });
                await session.stop();
            })();
            return stopping;
        },
        bundleMs,
    };
}

async function main(): Promise<void> {
    const started = Date.now();
    const playground = await startPlayground();
    console.log(`LivePerson Visitor Info playground: ${playground.url}`);
    console.log(`  ready in ${Date.now() - started} ms (page bundled in ${playground.bundleMs} ms); only this machine can reach it. Ctrl-C stops it.`);

    let firstSignalAt: number | undefined;
    const shutdown = (signal: NodeJS.Signals) => {
        if (firstSignalAt !== undefined) {
            // A second Ctrl-C forces the exit; the copy tsx relays right after the first one does not.
            if (Date.now() - firstSignalAt > 500) process.exit(130);
            return;
        }
        firstSignalAt = Date.now();
        console.log(`\n${signal}: stopping the playground...`);
        playground.stop().then(
            () => {
                console.log('Stopped.');
                process.exit(0);
            },
            (error: unknown) => {
                console.error('playground: could not stop cleanly:', error);
                process.exit(1);
            },
        );
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(`playground: ${(error as Error).message}`);
        process.exit(1);
    });
}
