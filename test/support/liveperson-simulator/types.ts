/** Public types of the LivePerson simulator (re-exported by `../liveperson-simulator.ts`). */

export type RouteName =
  | 'domain'
  | 'domainBulk'
  | 'login'
  | 'refresh'
  | 'logout'
  | 'agentSession'
  | 'participantInfo'
  | 'unknown';

export interface SimUser {
  username: string;
  password?: string;
  appKey?: string;
  secret?: string;
  accessToken?: string;
  accessTokenSecret?: string;
}

export interface SimAccount {
  accountId: string;
  domain: string;
  users: SimUser[];
  /** participantId -> the JSON body returned for that participant. */
  participants: Record<string, unknown>;
}

export interface SimulatorOptions {
  accounts: SimAccount[];
  /** Added to every route. */
  latencyMs?: number;
  /** `sessionTTl` returned by login; default 28800000 (8 h). */
  sessionTtlMs?: number;
}

export type FaultKind = 'malformedJson' | 'html' | 'xml' | 'wrongTypes' | 'hang' | 'reset';

export type Fault =
  | { status: number; body?: string; headers?: Record<string, string> }
  | { kind: FaultKind; status?: number };

export interface RequestLogEntry {
  route: RouteName;
  method: string;
  host: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  /** 0 for hang/reset (no response was written). */
  status: number;
  at: number;
  durationMs: number;
}

export interface LivePersonSimulator {
  readonly url: string;
  readonly port: number;
  readonly hostnames: string[];
  readonly requests: RequestLogEntry[];
  clearLog(): void;
  count(route?: RouteName): number;
  setLatency(route: RouteName | '*', ms: number): void;
  fault(route: RouteName | '*', fault: Fault, times?: number): void;
  clearFaults(): void;
  expireBearers(): void;
  expireAgentSessions(): void;
  expireLoginSessions(): void;
  setParticipant(accountId: string, participantId: string, body: unknown): void;
  removeParticipant(accountId: string, participantId: string): void;
  activeBearers(): string[];
  stop(): Promise<void>;
}
