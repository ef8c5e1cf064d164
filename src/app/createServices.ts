import { PrewarmScheduler } from '../lifecycle/PrewarmScheduler';
import { Prefetcher } from '../lifecycle/Prefetcher';
import { LivePersonDirectory } from '../liveperson/LivePersonDirectory';
import { ConfigCache } from '../settings/ConfigCache';
import type { AppServices } from './AppServices';

export function createServices(appId: string): AppServices {
    const services: AppServices = {
        appId,
        directory: new LivePersonDirectory(),
        config: new ConfigCache(),
        prewarm: new PrewarmScheduler(),
        prefetch: new Prefetcher(() => services),
    };
    return services;
}
