import type { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';
import { StartupType } from '@rocket.chat/apps-engine/definition/scheduler/IProcessor';

import type { AppRuntime } from '../AppRuntime';
import { applySettings } from '../liveperson/applySettings';
import { createCallContext } from '../liveperson/createCallContext';
import { readAppConfig } from '../settings/readAppConfig';

/** Job ids are stored by the host's scheduler: never rename one. */
export const PREWARM_JOB = 'lpvi-prewarm';
export const KEEP_ALIVE_JOB = 'lpvi-keep-alive';

/** LivePerson asks for a keep-alive every 3 to 5 minutes while a session is in use. */
export const KEEP_ALIVE_INTERVAL = '4 minutes';
const JOB_BUDGET_MS = 20_000;

type JobAccessors = { read: IRead; http: IHttp; persis: IPersistence };

/**
 * Background jobs run through the host's scheduler because only it gives an app persistence outside an
 * agent's action, and it runs a job once per cluster rather than once per Rocket.Chat instance.
 */
export function jobProcessors(runtime: AppRuntime): IProcessor[] {
    return [
        {
            id: PREWARM_JOB,
            processor: (_job: IJobContext, read: IRead, _modify: IModify, http: IHttp, persis: IPersistence) => prewarm(runtime, { read, http, persis }),
        },
        {
            id: KEEP_ALIVE_JOB,
            startupSetting: { type: StartupType.RECURRING, interval: KEEP_ALIVE_INTERVAL, skipImmediate: true },
            processor: (_job: IJobContext, read: IRead, _modify: IModify, http: IHttp, persis: IPersistence) => keepAlive(runtime, { read, http, persis }),
        },
    ];
}

/** Domain, login and agent session before any agent clicks, so the first click costs one round trip. */
export async function prewarm(runtime: AppRuntime, accessors: JobAccessors): Promise<void> {
    const config = await readAppConfig(accessors.read.getEnvironmentReader().getSettings());
    const ctx = createCallContext({ ...accessors, persistence: accessors.persis }, runtime.logger, JOB_BUDGET_MS);
    if (!applySettings(runtime.client, config, ctx)) {
        return;
    }
    const report = await runtime.client.warmUp(ctx);
    const line = `LivePerson pre-warm ${report.ok ? 'ready' : 'failed'}: ${report.steps.map((step) => `${step.step} ${step.ok ? 'ok' : step.kind}`).join(', ')} [${report.correlationId}]`;
    if (report.ok) {
        runtime.logger.info(line);
    } else {
        runtime.logger.warn(line);
    }
}

export async function keepAlive(runtime: AppRuntime, accessors: JobAccessors): Promise<void> {
    const config = await readAppConfig(accessors.read.getEnvironmentReader().getSettings());
    const ctx = createCallContext({ ...accessors, persistence: accessors.persis }, runtime.logger, JOB_BUDGET_MS);
    if (!applySettings(runtime.client, config, ctx)) {
        return;
    }
    try {
        const outcome = await runtime.client.keepAlive(ctx);
        runtime.logger.debug(`LivePerson keep-alive: ${outcome} [${ctx.correlationId}]`);
    } catch {
        // The request itself was logged with its kind; the next run tries again.
    }
}
