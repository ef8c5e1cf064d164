import { Deadline } from './Deadline';
import type { LivePersonContext } from './LivePersonCall';
import { TIMES } from './sessionPolicy';

/** Work no one waits for (a renewal, a refresh, a logout): its failure is already logged by the request itself. */
export function runInBackground(task: () => Promise<unknown>): void {
    void Promise.resolve()
        .then(task)
        .catch(() => undefined);
}

/** Background work must not inherit an agent's nearly spent budget. */
export const backgroundCall = <T extends LivePersonContext>(call: T): T => ({ ...call, deadline: Deadline.in(TIMES.backgroundBudget) });
