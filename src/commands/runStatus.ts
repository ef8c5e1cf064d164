import type { Accessors } from '../app/Accessors';
import type { AppServices } from '../app/AppServices';
import { livePersonContext } from '../app/calls';
import { TIMES } from '../liveperson/sessionPolicy';
import { parseAppConfig, readRawSettings } from '../settings/readAppConfig';
import type { Reader } from '../ui/formatting';
import { statusMessage } from './statusReport';

/** The admin's explicit request: the settings as they are now (not the cached ones), and a live connection test. */
export async function runStatus(services: AppServices, accessors: Accessors, reader: Reader) {
    const { raw, readNumber } = await readRawSettings(accessors.read.getEnvironmentReader().getSettings());
    const config = parseAppConfig(raw, readNumber);
    const context = livePersonContext(accessors, TIMES.statusBudget);
    const test = config.livePerson ? await services.directory.connectionTest({ ...context, settings: config.livePerson }) : undefined;
    return statusMessage(raw, config, test, await context.store.loadReport(), reader);
}
