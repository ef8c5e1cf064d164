import type { LivePersonSession } from './LivePersonSession';

/** Outcome of the last pre-warm, kept where every instance (and `/visitorinfo status`) can read it. */
export interface WarmUpReport {
    at: number;
    ok: boolean;
    correlationId: string;
    steps: Array<{ step: string; ok: boolean; durationMs: number; kind?: string; status?: number }>;
}

export interface LoginLease {
    holder: string;
    until: number;
}

/** Where the LivePerson session lives between actions; implemented over the app's persistence. */
export interface SessionStore {
    load(): Promise<LivePersonSession | undefined>;
    save(session: LivePersonSession): Promise<void>;
    clear(): Promise<void>;
    loadLease(): Promise<LoginLease | undefined>;
    saveLease(lease: LoginLease): Promise<void>;
    loadWarmUpReport(): Promise<WarmUpReport | undefined>;
    saveWarmUpReport(report: WarmUpReport): Promise<void>;
    /** False where the host gave only read access (lifecycle hooks): writes are then skipped. */
    readonly canWrite: boolean;
}
