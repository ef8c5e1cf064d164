/**
 * `npm run bench`: the numbers behind the README's performance tables, all on the packaged zip in the real
 * Apps-Engine 1.62 Deno runtime with LivePerson simulated on loopback. Prints tables and whether each goal was
 * met; asserts nothing (timings belong in a benchmark, not in a test that flakes on a busy machine).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { prepareDenoRuntime } from '../test/support/engine/denoRuntime';
import { measureClicks } from './bench/clicks';
import { SHIFT, type ShiftResult } from './bench/shift';
import { ms, percentile, table } from './bench/stats';

/** Each mode in a process of its own (its own engine, subprocess and simulator), one after the other: run side by side on two cores, each slowed the other's clicks. */
async function shift(mode: ShiftResult['mode']): Promise<ShiftResult> {
    const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');
    const { stdout } = await promisify(execFile)(tsx, [path.join(__dirname, 'bench', 'shift.ts'), mode], { maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(stdout.trim().split('\n').pop() ?? '') as ShiftResult;
}

const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');

async function measureShift(): Promise<void> {
    const on = await shift('prefetch');
    const off = await shift('none');
    const share = (result: ShiftResult) => result.zeroRequestClicksWithId / result.firstClicksWithId;
    const perConversation = (result: ShiftResult) => result.requests / result.conversationsWithId;
    const column = (result: ShiftResult) => ({
        zero: `${(100 * share(result)).toFixed(1)}% (${result.zeroRequestClicksWithId} of ${result.firstClicksWithId})`,
        p50: ms(percentile(result.clickMs, 50)),
        p95: ms(percentile(result.clickMs, 95)),
        requests: `${perConversation(result).toFixed(3)} (${result.requests} for ${result.conversationsWithId})`,
        status429: String(result.status429),
        drawn: `${result.drawn} of ${result.firstClicks}`,
    });
    const a = column(on);
    const b = column(off);
    table(
        `A shift: ${SHIFT.conversations} conversations assigned over ${on.assignedOverSeconds.toFixed(0)} s (Poisson, ${SHIFT.arrivalsPerSecond}/s), ${100 * SHIFT.withParticipantId}% of visitors with a LivePerson id, ` +
            `${100 * SHIFT.opened}% of panels opened ${SHIFT.openAfterSeconds[0]}–${SHIFT.openAfterSeconds[1]} s after assignment; LivePerson ${SHIFT.latencyMs} ms per request, 429 above ${SHIFT.requestsPerSecond}/s`,
        [
            {
                measure: 'first clicks with 0 LivePerson requests (visitors with an id)',
                prefetch: a.zero,
                'no prefetch': b.zero,
                goal: '≥ 95%',
                'with prefetch': met(share(on) >= 0.95),
            },
            { measure: 'click to panel p50', prefetch: a.p50, 'no prefetch': b.p50, goal: '', 'with prefetch': '' },
            {
                measure: 'click to panel p95',
                prefetch: a.p95,
                'no prefetch': b.p95,
                // The 5 ms was measured on an in-process host; in the Deno runtime a cached click alone takes 4-6 ms (table above).
                goal: '≤ 10 ms in Deno (issue: ≤ 5 ms)',
                'with prefetch': `${met(percentile(on.clickMs, 95) <= 10)}${percentile(on.clickMs, 95) <= 5 ? '' : ' (5 ms: not met)'}`,
            },
            {
                measure: 'LivePerson requests per conversation with an id (all requests)',
                prefetch: a.requests,
                'no prefetch': b.requests,
                goal: '≤ 1.05',
                'with prefetch': met(perConversation(on) <= 1.05),
            },
            { measure: '429 answers', prefetch: a.status429, 'no prefetch': b.status429, goal: '0', 'with prefetch': met(on.status429 === 0) },
            { measure: 'panels drawn', prefetch: a.drawn, 'no prefetch': b.drawn, goal: 'all', 'with prefetch': met(on.drawn === on.firstClicks) },
        ],
    );
}

async function main() {
    console.log(`LivePerson Visitor Info benchmark (node ${process.version}, ${new Date().toISOString()})`);
    prepareDenoRuntime();
    await measureClicks();
    await measureShift();
    process.exit(0);
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
