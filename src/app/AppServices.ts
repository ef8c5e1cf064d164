import type { PrewarmScheduler } from '../lifecycle/PrewarmScheduler';
import type { Prefetcher } from '../lifecycle/Prefetcher';
import type { Directory } from '../liveperson/Directory';
import type { ConfigCache } from '../settings/ConfigCache';

/** What lives as long as the app: its id, LivePerson (sessions, caches), its settings between calls, and the background work. */
export interface AppServices {
    appId: string;
    directory: Directory;
    config: ConfigCache;
    prewarm: PrewarmScheduler;
    prefetch: Prefetcher;
}
