import type { AppServices } from '../app/AppServices';
import type { HostAccess } from '../hostAccess';
import { BUDGETS, newCall } from '../liveperson/call';
import { refOf, type ParticipantRef } from '../liveperson/model';
import { identityOf } from '../profile/lookup';
import type { Viewer } from '../ui/formatting';
import { targetOfTypedId } from '../visitor/entityIds';
import type { ParticipantSource, Trust } from '../visitor/participantChoice';
import { readHostVisitor } from '../visitor/readHostVisitor';
import { statusMessage, type ProfileProbe } from './statusReport';

/**
 * The admin's explicit request: the settings as they are now (not the cached ones), a live connection test
 * and, given an id, that profile fetched as the panel would: a Rocket.Chat visitor id (with the trust route the
 * panel would take), else a LivePerson id as typed.
 */
export async function runStatus(services: AppServices, host: Required<HostAccess>, viewer: Viewer, target: string | undefined) {
    const config = await services.config.read(host.read.getEnvironmentReader().getSettings());
    if (!config.livePerson) return statusMessage({ config, viewer, restraint: services.directory.restraint });
    const call = newCall(host, config.livePerson, BUDGETS.status);
    const probe = target ? await probeOf(services, host, config, target) : undefined;
    const { report, lookup } = await services.directory.connectionTest(call, probe?.ref);
    return statusMessage({ config, viewer, report, restraint: services.directory.restraint, probe: probe && { ...probe, lookup } });
}

async function probeOf(
    services: AppServices,
    host: Required<HostAccess>,
    config: Parameters<typeof identityOf>[2],
    target: string,
): Promise<Omit<ProfileProbe, 'lookup'> & { ref?: ParticipantRef }> {
    const found = await readHostVisitor(host.read, target);
    if (found) {
        const choice = await identityOf(services.appId, host.read.getPersistenceReader(), config, found.visitor);
        const route: { source?: ParticipantSource; trust?: Trust } =
            choice.kind === 'found' ? { source: choice.source, trust: choice.trust } : choice.kind === 'invalid' ? { source: choice.source } : {};
        return { target, visitor: true, ...route, ...(choice.kind === 'found' ? { ref: choice.ref } : {}) };
    }
    const typed = targetOfTypedId(target, config.livePerson?.sourceMode ?? 'auto');
    return { target, visitor: false, ...(typed ? { ref: refOf(typed) } : {}) };
}
