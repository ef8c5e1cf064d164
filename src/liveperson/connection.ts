import type { LivePersonCall } from './call';
import type { DomainBook } from './DomainBook';
import { failureOf, type LivePersonFailure } from './failures';
import type { Sessions } from './Sessions';

interface ConnectionStep {
    step: 'domain' | 'login' | 'agentSession' | 'messagingDomain' | 'profile';
    ok: boolean;
    durationMs: number;
    failure?: LivePersonFailure;
}

export interface ConnectionReport {
    ok: boolean;
    reference: string;
    steps: ConnectionStep[];
}

export type Step = <T>(name: ConnectionStep['step'], work: () => Promise<T>) => Promise<T>;

/**
 * Steps run one after the other, each timed; the first that fails is the last one run. `steps` may stop by
 * throwing: the failed step is in the report.
 */
export async function runSteps(call: LivePersonCall, steps: (step: Step) => Promise<void>): Promise<ConnectionReport> {
    const done: ConnectionStep[] = [];
    const step: Step = async (name, work) => {
        const started = Date.now();
        try {
            const value = await work();
            done.push({ step: name, ok: true, durationMs: Date.now() - started });
            return value;
        } catch (error) {
            done.push({ step: name, ok: false, durationMs: Date.now() - started, ...(failureOf(error) ? { failure: failureOf(error) } : {}) });
            throw error;
        }
    };
    await steps(step).catch(() => undefined);
    return { ok: done.length > 0 && done.every((entry) => entry.ok), reference: call.reference, steps: done };
}

/**
 * Domain, login and agent session before any agent clicks, so the first click costs one round trip; for the
 * admin's test (`fresh`), each asked of LivePerson now. The pre-warm checks a known session with a refresh:
 * after a disable (a logout) and an enable, the store may hold a session LivePerson ended.
 */
export function connectionSteps(call: LivePersonCall, sessions: Sessions, domains: DomainBook, fresh: boolean) {
    return async (step: Step): Promise<void> => {
        const resolve = fresh ? domains.resolve.bind(domains) : domains.host.bind(domains);
        if (!call.settings.domainOverride) await step('domain', () => resolve(call, 'agentVep'));
        const session = await step('login', () => (fresh ? sessions.loginNow(call) : sessions.confirmed(call)));
        await step('agentSession', () => sessions.agentSession(call, session));
        if (call.settings.sourceMode !== 'chat') await step('messagingDomain', () => resolve(call, 'msgHist'));
    };
}
