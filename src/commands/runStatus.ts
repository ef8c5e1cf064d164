import type { AppRuntime } from '../AppRuntime';
import type { Translate } from '../i18n/translator';
import { applySettings } from '../liveperson/applySettings';
import { createCallContext } from '../liveperson/createCallContext';
import type { Accessors } from '../handlers/Accessors';
import { parseAppConfig, readRawSettings } from '../settings/readAppConfig';
import { statusReport } from './statusReport';

/** The connection test is an admin's explicit request: it may take longer than an agent's click. */
const STATUS_BUDGET_MS = 15_000;

export async function runStatus(runtime: AppRuntime, accessors: Accessors, t: Translate): Promise<string> {
    const raw = await readRawSettings(accessors.read.getEnvironmentReader().getSettings());
    const config = parseAppConfig(raw);
    const ctx = createCallContext({ http: accessors.http, read: accessors.read, persistence: accessors.persis }, runtime.logger, STATUS_BUDGET_MS);
    const test = applySettings(runtime.client, config, ctx) ? await runtime.client.connectionTest(ctx) : undefined;
    const lastWarmUp = await ctx.sessionStore?.loadWarmUpReport().catch(() => undefined);
    return statusReport(raw, config, test, lastWarmUp, t);
}
