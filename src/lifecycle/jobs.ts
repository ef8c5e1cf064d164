import type { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { App } from '@rocket.chat/apps-engine/definition/App';
import type { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';
import { StartupType } from '@rocket.chat/apps-engine/definition/scheduler/IProcessor';

import type { AppServices } from '../app/AppServices';
import type { HostAccess } from '../hostAccess';
import { JOB_IDS, RETIRED_JOB_IDS } from '../ids';
import { BUDGETS, newCall } from '../liveperson/call';
import { SESSION_TIMES } from '../liveperson/session';

/** The recurring keep-alive job's interval, in the scheduler's words, from LivePerson's keep-alive rule. */
const KEEP_ALIVE_INTERVAL = `${SESSION_TIMES.refreshEvery / 60_000} minutes`;

/**
 * Background jobs run through the host's scheduler because only it gives an app persistence outside an
 * agent's action, and it runs a job once per cluster rather than once per Rocket.Chat instance. The
 * processors are plain functions: the subprocess runtime calls them with the app (and its logger for this
 * run) as `this`; the in-process runtime calls them with no `this`, and replaces the app's logger per run.
 */
export function jobProcessors(app: App, services: AppServices): IProcessor[] {
    const hostOf = (self: unknown, read: IRead, http: IHttp, persis: IPersistence): HostAccess => ({
        read,
        http,
        persis,
        logger: appOf(self, app).getLogger(),
    });
    // The host hands a processor its own document id as `jobId`, not this id: nothing here reads it.
    const prewarmProcessor = (id: string): IProcessor => ({
        id,
        processor: async function (this: unknown, _job: IJobContext, read: IRead, _modify: IModify, http: IHttp, persis: IPersistence) {
            await prewarm(services, hostOf(this, read, http, persis));
        },
    });
    return [
        prewarmProcessor(JOB_IDS.prewarm),
        prewarmProcessor(RETIRED_JOB_IDS.prewarm),
        {
            id: JOB_IDS.keepAlive,
            startupSetting: { type: StartupType.RECURRING, interval: KEEP_ALIVE_INTERVAL, skipImmediate: true },
            processor: async function (this: unknown, _job: IJobContext, read: IRead, _modify: IModify, http: IHttp, persis: IPersistence) {
                await keepAlive(services, hostOf(this, read, http, persis));
            },
        },
    ];
}

const appOf = (self: unknown, app: App): App => (self && typeof (self as App).getLogger === 'function' ? (self as App) : app);

/** Domain, login and agent session before any agent clicks, so the first click costs one round trip. */
async function prewarm(services: AppServices, host: HostAccess): Promise<void> {
    const config = await services.config.current(host.read.getEnvironmentReader().getSettings());
    if (!config.livePerson) return;
    const report = await services.directory.warmUp(newCall(host, config.livePerson, BUDGETS.job));
    const steps = report.steps.map((step) => `${step.step} ${step.ok ? 'ok' : (step.failure?.kind ?? 'unexpected')}`).join(', ');
    const line = `LivePerson pre-warm ${report.ok ? 'ready' : 'failed'}: ${steps} [${report.reference}]`;
    if (report.ok) {
        host.logger.info(line);
    } else {
        host.logger.warn(line);
    }
}

async function keepAlive(services: AppServices, host: HostAccess): Promise<void> {
    const config = await services.config.current(host.read.getEnvironmentReader().getSettings());
    if (!config.livePerson) return;
    const call = newCall(host, config.livePerson, BUDGETS.job);
    try {
        const outcome = await services.directory.keepAlive(call);
        host.logger.debug(`LivePerson keep-alive: ${outcome} [${call.reference}]`);
    } catch {
        // The request itself was logged with its kind; the next run tries again.
    }
}
