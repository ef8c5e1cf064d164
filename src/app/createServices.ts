import { PrewarmScheduler } from '../lifecycle/PrewarmScheduler';
import { Prefetcher } from '../lifecycle/Prefetcher';
import { Directory } from '../liveperson/Directory';
import { ConfigCache } from '../settings/ConfigCache';
import type { AppServices } from './AppServices';

export function createServices(appId: string): AppServices {
    const directory = new Directory();
    const config = new ConfigCache();
    return { appId, directory, config, prewarm: new PrewarmScheduler(), prefetch: new Prefetcher({ appId, directory, config }) };
}
