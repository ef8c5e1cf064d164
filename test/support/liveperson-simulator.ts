/**
 * A LivePerson simulator for tests: a real HTTP server on 127.0.0.1 that answers the Domain API, the Login Service
 * API, the Chat Agent API and the Messaging Interactions API (msgHist) calls the app makes. The test host rewrites
 * `https://<liveperson host>/...` to `simulator.url` and sends the original host name in the `Host` header; routing
 * is by Host + path, so a call sent to the wrong LivePerson host fails here as it would in production.
 *
 * Faults (status codes, broken bodies, hangs, resets), verbatim replies and latency are set per route, a rate
 * limiter can stand in front of every route, and every request is logged. reset() lets one simulator serve a whole
 * test file.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { CannedAnswers, cannedOutcome } from './liveperson-simulator/canned-answers';
import type { HandlerContext, SimRequest } from './liveperson-simulator/handlers';
import { handle } from './liveperson-simulator/handlers';
import { RateLimiter } from './liveperson-simulator/rate-limit';
import type { Outcome, Reply } from './liveperson-simulator/reply';
import { DOMAIN_API_HOST, matchRoute, normaliseHost } from './liveperson-simulator/routing';
import { SimulatorState } from './liveperson-simulator/state';
import type { Fault, LivePersonSimulator, RateLimit, RequestLogEntry, RouteName, SimConversation, SimulatorOptions } from './liveperson-simulator/types';

export type {
    Fault,
    FaultKind,
    LivePersonSimulator,
    RateLimit,
    Reply,
    RequestLogEntry,
    RouteName,
    SimAccount,
    SimConsumerParticipant,
    SimConversation,
    SimConversationInfo,
    SimSdeEvent,
    SimUser,
    SimulatorOptions,
} from './liveperson-simulator/types';
export { DOMAIN_API_HOST };

const DEFAULT_SESSION_TTL_MS = 28_800_000;

export async function startLivePersonSimulator(options: SimulatorOptions): Promise<LivePersonSimulator> {
    const simulator = new Simulator(options);
    await simulator.listen();
    return simulator;
}

class Simulator implements LivePersonSimulator {
    readonly requests: RequestLogEntry[] = [];
    readonly hostnames: string[];
    private readonly state: SimulatorState;
    private readonly context: HandlerContext;
    private readonly globalLatencyMs: number;
    private readonly initialSessionTtlMs: number;
    private readonly canned = new CannedAnswers();
    private readonly latencies = new Map<RouteName | '*', number>();
    private limiter: RateLimiter | undefined;
    private readonly server: Server;
    /** Tracked so that stop() can close keep-alive and hanging connections at once instead of waiting for them. */
    private readonly sockets = new Set<Socket>();
    private readonly timers = new Set<NodeJS.Timeout>();
    /** Requests logged but not answered yet (latency, hang): reset() drops them so they cannot leak into a later test. */
    private readonly inFlight = new Set<ServerResponse>();
    /** Bumped by reset(): a request whose body was still arriving then is dropped instead of served by the new state. */
    private generation = 0;
    private listeningPort = 0;
    private stopping: Promise<void> | undefined;

    constructor(options: SimulatorOptions) {
        this.state = new SimulatorState(options.accounts);
        this.initialSessionTtlMs = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
        this.context = { state: this.state, sessionTtlMs: this.initialSessionTtlMs, recordsAsOf: options.recordsAsOf };
        this.globalLatencyMs = checkedMs(options.latencyMs ?? 0);
        this.hostnames = [DOMAIN_API_HOST, ...this.state.domains()];
        this.server = createServer((request, response) => this.receive(request, response));
        this.server.on('connection', (socket) => this.track(socket));
    }

    get port(): number {
        return this.listeningPort;
    }

    get url(): string {
        return `http://127.0.0.1:${this.listeningPort}`;
    }

    listen(): Promise<void> {
        return new Promise((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(0, '127.0.0.1', () => {
                this.server.off('error', reject);
                const address = this.server.address();
                this.listeningPort = typeof address === 'object' && address ? address.port : 0;
                resolve();
            });
        });
    }

    clearLog(): void {
        // Emptied in place: tests may hold a reference to `requests`.
        this.requests.length = 0;
    }

    count(route?: RouteName): number {
        if (route === undefined) return this.requests.length;
        return this.requests.filter((entry) => entry.route === route).length;
    }

    count429(): number {
        return this.requests.filter((entry) => entry.status === 429).length;
    }

    setLatency(route: RouteName | '*', ms: number): void {
        this.latencies.set(route, checkedMs(ms));
    }

    fault(route: RouteName | '*', fault: Fault, times?: number): void {
        this.canned.add(route, fault, times);
    }

    reply(route: RouteName | '*', reply: Reply, times?: number): void {
        this.canned.add(route, reply, times);
    }

    clearFaults(): void {
        this.canned.clear();
    }

    rateLimit(limit: RateLimit | undefined): void {
        this.limiter = limit === undefined ? undefined : new RateLimiter(limit);
    }

    setSessionTtlMs(ms: number): void {
        if (!(Number.isInteger(ms) && ms >= 0)) {
            throw new RangeError(`Simulator session TTL must be an integer >= 0, got ${ms}`);
        }
        this.context.sessionTtlMs = ms;
    }

    expireBearers(): void {
        this.state.expireBearers();
    }

    expireAgentSessions(): void {
        this.state.expireAgentSessions();
    }

    expireLoginSessions(): void {
        this.state.expireLoginSessions();
    }

    setParticipant(accountId: string, participantId: string, body: unknown): void {
        this.state.requireAccount(accountId).participants.set(participantId, structuredClone(body));
    }

    removeParticipant(accountId: string, participantId: string): void {
        this.state.requireAccount(accountId).participants.delete(participantId);
    }

    setConsumer(accountId: string, consumerId: string, conversations: SimConversation[]): void {
        this.state.requireAccount(accountId).consumers.set(consumerId, structuredClone(conversations));
    }

    removeConsumer(accountId: string, consumerId: string): void {
        this.state.requireAccount(accountId).consumers.delete(consumerId);
    }

    reset(): void {
        this.generation += 1;
        for (const timer of this.timers) clearTimeout(timer);
        this.timers.clear();
        for (const response of this.inFlight) response.socket?.destroy();
        this.inFlight.clear();
        this.state.reset();
        this.canned.clear();
        this.latencies.clear();
        this.limiter = undefined;
        this.context.sessionTtlMs = this.initialSessionTtlMs;
        this.clearLog();
    }

    activeBearers(): string[] {
        return this.state.activeBearers();
    }

    stop(): Promise<void> {
        this.stopping ??= new Promise((resolve) => {
            for (const timer of this.timers) clearTimeout(timer);
            this.timers.clear();
            // The callback fires once every connection is gone; destroying them makes that immediate.
            this.server.close(() => resolve());
            for (const socket of this.sockets) socket.destroy();
        });
        return this.stopping;
    }

    private track(socket: Socket): void {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
    }

    private receive(request: IncomingMessage, response: ServerResponse): void {
        const at = Date.now();
        const generation = this.generation;
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.once('end', () => {
            if (generation !== this.generation) {
                request.socket.destroy();
                return;
            }
            this.dispatch(request, response, Buffer.concat(chunks).toString('utf8'), at);
        });
        // A client that goes away mid-body leaves nothing to answer; 'error' must still be handled.
        request.once('error', () => undefined);
    }

    private dispatch(request: IncomingMessage, response: ServerResponse, rawBody: string, at: number): void {
        if (this.stopping) return;
        const simRequest = toSimRequest(request, rawBody);
        const match = matchRoute(simRequest.method, simRequest.host, simRequest.pathname, this.state);
        const entry = logEntry(match.route, simRequest, at);
        this.requests.push(entry);
        this.inFlight.add(response);
        response.once('close', () => {
            entry.durationMs = Date.now() - at;
            this.inFlight.delete(response);
        });
        // Decided now, not after the latency, so that concurrent requests meet the limiter and consume canned answers in
        // arrival order. A request the limiter turns away never reaches the route, so it takes none; it still has the latency.
        const limited = this.limiter?.check(performance.now());
        const canned = limited ? undefined : this.canned.take(match.route);
        this.afterLatency(match.route, () => {
            const outcome = limited ?? (canned ? cannedOutcome(canned, match.route) : handle(match, simRequest, this.context));
            answer(response, entry, outcome);
        });
    }

    private afterLatency(route: RouteName, run: () => void): void {
        const delayMs = (this.latencies.get(route) ?? this.latencies.get('*') ?? 0) + this.globalLatencyMs;
        if (delayMs <= 0) return run();
        const timer = setTimeout(() => {
            this.timers.delete(timer);
            run();
        }, delayMs);
        this.timers.add(timer);
    }
}

function answer(response: ServerResponse, entry: RequestLogEntry, outcome: Outcome): void {
    if (response.destroyed || response.writableEnded) return;
    if ('silence' in outcome) {
        // A hang writes nothing and keeps the socket until the client gives up or stop() runs.
        if (outcome.silence === 'reset') response.socket?.resetAndDestroy();
        return;
    }
    response.setHeader('Content-Type', 'application/json');
    for (const [name, value] of Object.entries(outcome.headers ?? {})) response.setHeader(name, value);
    response.statusCode = outcome.status;
    entry.status = outcome.status;
    response.end(outcome.body);
}

function toSimRequest(request: IncomingMessage, rawBody: string): SimRequest {
    const url = new URL(request.url ?? '/', 'http://simulator.invalid');
    return {
        method: request.method ?? 'GET',
        host: normaliseHost(request.headers.host),
        pathname: url.pathname,
        query: firstValues(url.searchParams),
        headers: flattenHeaders(request.headers),
        body: parseBody(rawBody),
    };
}

function logEntry(route: RouteName, request: SimRequest, at: number): RequestLogEntry {
    const { method, host, pathname: path, query, headers, body } = request;
    return { route, method, host, path, query, headers, body, status: 0, at, durationMs: 0 };
}

/** `?v=1&v=2` keeps the first value, which is what a strict server reads. */
function firstValues(params: URLSearchParams): Record<string, string> {
    const query: Record<string, string> = {};
    for (const [name, value] of params) {
        if (!Object.hasOwn(query, name)) query[name] = value;
    }
    return query;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return flat;
}

/** JSON when it parses, the raw text otherwise, undefined for no body at all. */
function parseBody(raw: string): unknown {
    if (raw === '') return undefined;
    try {
        return JSON.parse(raw) as unknown;
    } catch {
        return raw;
    }
}

function checkedMs(ms: number): number {
    if (Number.isFinite(ms) && ms >= 0) return ms;
    throw new RangeError(`Simulator latency must be a finite number >= 0, got ${ms}`);
}
