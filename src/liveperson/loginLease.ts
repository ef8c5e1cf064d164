import type { LivePersonCall } from './LivePersonCall';
import { TIMES } from './sessionPolicy';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Persistence has no compare-and-set, so a short lease is the best an instance can do: one that sees another
 * logging in waits for that login's session (`found`) instead of starting a second one, and takes the lease
 * itself (then `work`) only when the other's lease ends without a session.
 */
export async function withLoginLease<T>(call: LivePersonCall, instanceId: string, found: () => Promise<T | undefined>, work: () => Promise<T>): Promise<T> {
    const waitFor = async (until: number): Promise<T | undefined> => {
        // Keep some budget for our own login, in case the other instance fails.
        while (Date.now() < until && call.deadline.remainingMs() > 1000) {
            await sleep(TIMES.leasePoll);
            const session = await found();
            if (session !== undefined) {
                return session;
            }
        }
        return undefined;
    };
    const lease = await call.store.loadLease();
    if (lease && lease.holder !== instanceId && lease.until > Date.now()) {
        const session = await waitFor(lease.until);
        if (session !== undefined) {
            return session;
        }
    }
    await call.store.saveLease({ holder: instanceId, until: Date.now() + TIMES.loginLease });
    // Two instances may both have found the lease free: the last writer holds it, the other waits for it. The
    // other's write can land just after this one's read-back, so the lease is read back after a short pause.
    await sleep(TIMES.leaseSettle);
    const holder = await call.store.loadLease();
    if (holder && holder.holder !== instanceId) {
        const session = await waitFor(holder.until);
        if (session !== undefined) {
            return session;
        }
    }
    return work();
}
