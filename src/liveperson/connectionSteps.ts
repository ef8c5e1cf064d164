import type { DomainBook } from './DomainBook';
import { failureOf } from './failures';
import type { LivePersonCall } from './LivePersonCall';
import type { ConnectionReport, ConnectionStep } from './session';
import type { SessionManager } from './SessionManager';

type Step = ConnectionStep['step'];

/**
 * The pre-warm: domain, login and agent session before any agent clicks, so the first click costs one round
 * trip. A session found in memory or in the store is checked with a refresh: after the app was disabled (and
 * logged out) and enabled again, the store may hold a session LivePerson ended.
 */
export async function warmUp(call: LivePersonCall, sessions: SessionManager, domains: DomainBook): Promise<ConnectionReport> {
    const report = await runSteps(call, async (step) => {
        if (!call.settings.domainOverride) await step('domain', () => domains.host(call, 'agentVep'));
        const session = await step('login', () => sessions.session(call, { verified: true }));
        await step('agentSession', () => sessions.agentSession(call, session));
        if (call.settings.sourceMode !== 'chat') await step('messagingDomain', () => domains.host(call, 'msgHist'));
    });
    await call.store.saveReport(report);
    return report;
}

/** The admin's test: every step asked of LivePerson now, whatever is known, each timed. */
export function connectionTest(call: LivePersonCall, sessions: SessionManager, domains: DomainBook): Promise<ConnectionReport> {
    return runSteps(call, async (step) => {
        if (!call.settings.domainOverride) await step('domain', () => domains.resolve(call, 'agentVep'));
        const session = await step('login', () => sessions.session(call, { fresh: true }));
        await step('agentSession', () => sessions.agentSession(call, session));
        if (call.settings.sourceMode !== 'chat') await step('messagingDomain', () => domains.resolve(call, 'msgHist'));
    });
}

async function runSteps(
    call: LivePersonCall,
    steps: (step: <T>(name: Step, work: () => Promise<T>) => Promise<T>) => Promise<void>,
): Promise<ConnectionReport> {
    const done: ConnectionStep[] = [];
    const step = async <T>(name: Step, work: () => Promise<T>): Promise<T> => {
        const started = Date.now();
        try {
            const value = await work();
            done.push({ step: name, ok: true, durationMs: Date.now() - started });
            return value;
        } catch (error) {
            const failure = failureOf(error);
            done.push({
                step: name,
                ok: false,
                durationMs: Date.now() - started,
                kind: failure?.kind ?? 'unexpected',
                ...(failure?.status ? { status: failure.status } : {}),
                ...(failure?.kind === 'auth' && failure.notSent && failure.retryAfterSeconds ? { heldBackSeconds: failure.retryAfterSeconds } : {}),
            });
            throw error;
        }
    };
    try {
        await steps(step);
    } catch {
        // The failed step is in the report; the steps after it are not run.
    }
    return { at: Date.now(), ok: done.length > 0 && done.every((entry) => entry.ok), correlationId: call.correlationId, steps: done };
}
