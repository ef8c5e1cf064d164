import type { IHttp } from '@rocket.chat/apps-engine/definition/accessors';

import type { HostAccess } from '../hostAccess';
import type { AppLog } from '../logging';
import type { LivePersonSettings } from '../settings/AppConfig';
import { sessionStore, type SessionStore } from './session';

/** Time budgets of work no agent waits for. */
export const BUDGETS = { background: 10_000, job: 20_000, status: 15_000, logout: 5_000 } as const;

/**
 * One agent action or job as LivePerson sees it: the host's HTTP and the logger of this very call, the settings
 * it started with (a save in the middle of a click does not change what the click uses), when its time runs
 * out, and the reference quoted to the agent and logged with every request.
 */
export interface LivePersonCall {
    http: IHttp;
    logger: AppLog;
    store: SessionStore;
    settings: LivePersonSettings;
    reference: string;
    endsAt: number;
}

/** Ending a session needs no settings: the session says where it lives. */
export type SettingsFreeCall = Omit<LivePersonCall, 'settings'>;

export function newCall(host: HostAccess, settings: LivePersonSettings, budgetMs: number): LivePersonCall;
export function newCall(host: HostAccess, settings: undefined, budgetMs: number): SettingsFreeCall;
export function newCall(host: HostAccess, settings: LivePersonSettings | undefined, budgetMs: number) {
    const call = {
        http: host.http,
        logger: host.logger,
        store: sessionStore(host.read.getPersistenceReader(), host.persis),
        reference: newReference(),
        endsAt: Date.now() + budgetMs,
    };
    return settings ? { ...call, settings } : call;
}

export const remainingMs = (call: { endsAt: number }): number => Math.max(0, call.endsAt - Date.now());

/** Background work must not inherit an agent's nearly spent budget. */
export const inBackground = <T extends SettingsFreeCall>(call: T): T => ({ ...call, endsAt: Date.now() + BUDGETS.background });

/** Work no one waits for (a renewal, a refresh, a logout): its failure is already logged by the request itself. */
export function runInBackground(task: () => Promise<unknown>): void {
    void Promise.resolve()
        .then(task)
        .catch(() => undefined);
}

/** Short enough to read out over the phone, unique enough to find one action in the logs. */
export function newReference(): string {
    let id = '';
    for (let i = 0; i < 8; i++) id += '0123456789abcdefghjkmnpqrstvwxyz'[Math.floor(Math.random() * 32)];
    return `lp-${id}`;
}
