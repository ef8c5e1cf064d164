import { BoundedMap, cut } from '../../src/bounded';
import { Breaker } from '../../src/liveperson/Breaker';
import { fail, failureOf, type LivePersonFailure } from '../../src/liveperson/failures';

const call = { reference: 'lp-test' };
const failure =
    (kind: LivePersonFailure['kind'], extra: Partial<LivePersonFailure> = {}) =>
    () =>
        Promise.reject(new Error('never')).catch(() => fail({ kind, step: 'participantInfo', message: kind, reference: 'lp-x', ...extra }));
const ok = () => Promise.resolve('answer');

async function outcome(breaker: Breaker, lane: string, work: () => Promise<unknown>) {
    try {
        await breaker.run(lane, call, 'participantInfo', work);
        return 'sent: ok';
    } catch (error) {
        const found = failureOf(error);
        return found?.kind === 'paused' ? `paused (${found.cause}, ${found.retryAfterSeconds} s)` : `sent: ${found?.kind}`;
    }
}

describe('the circuit breaker and the 429 pause', () => {
    beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-06-01T10:00:00Z') }));
    afterEach(() => jest.useRealTimers());

    it('three outages in a row open the circuit for 30 s; then one probe goes out, and its success closes it', async () => {
        const breaker = new Breaker();
        for (let i = 0; i < 3; i++) expect(await outcome(breaker, 'chat', failure('unavailable'))).toBe('sent: unavailable');
        expect(await outcome(breaker, 'chat', ok)).toBe('paused (unavailable, 30 s)');
        jest.advanceTimersByTime(30_000);
        expect(await outcome(breaker, 'chat', ok)).toBe('sent: ok');
        expect(await outcome(breaker, 'chat', ok)).toBe('sent: ok');
    });

    it('a failed probe opens the circuit again at once', async () => {
        const breaker = new Breaker();
        for (let i = 0; i < 3; i++) await outcome(breaker, 'chat', failure('timeout'));
        jest.advanceTimersByTime(30_000);
        expect(await outcome(breaker, 'chat', failure('timeout'))).toBe('sent: timeout');
        expect(await outcome(breaker, 'chat', ok)).toBe('paused (unavailable, 30 s)');
    });

    it('any answer from LivePerson (a 404, a refusal) resets the count of outages', async () => {
        const breaker = new Breaker();
        await outcome(breaker, 'chat', failure('unavailable'));
        await outcome(breaker, 'chat', failure('unavailable'));
        await outcome(breaker, 'chat', failure('notFound'));
        await outcome(breaker, 'chat', failure('unavailable'));
        expect(await outcome(breaker, 'chat', ok)).toBe('sent: ok');
    });

    it('a request that was never sent teaches nothing', async () => {
        const breaker = new Breaker();
        for (let i = 0; i < 5; i++) await outcome(breaker, 'chat', failure('timeout', { notSent: true }));
        expect(await outcome(breaker, 'chat', ok)).toBe('sent: ok');
    });

    it('a 429 pauses its own product for the time LivePerson asked, and leaves the other alone', async () => {
        const breaker = new Breaker();
        expect(await outcome(breaker, 'messaging', failure('rateLimited', { retryAfterSeconds: 20 }))).toBe('sent: rateLimited');
        expect(await outcome(breaker, 'messaging', ok)).toBe('paused (rateLimited, 20 s)');
        expect(await outcome(breaker, 'chat', ok)).toBe('sent: ok');
        expect(breaker.waiting).toEqual({ cause: 'rateLimited', seconds: 20 });
        jest.advanceTimersByTime(20_000);
        expect(await outcome(breaker, 'messaging', ok)).toBe('sent: ok');
        expect(breaker.waiting).toBeUndefined();
    });

    it('an earlier request answered after a 429 does not end the pause', async () => {
        const breaker = new Breaker();
        let answerLate!: () => void;
        const late = breaker.run('chat', call, 'participantInfo', () => new Promise<void>((resolve) => (answerLate = resolve)));
        await outcome(breaker, 'chat', failure('rateLimited', { retryAfterSeconds: 60 }));
        answerLate();
        await late;
        expect(await outcome(breaker, 'chat', ok)).toBe('paused (rateLimited, 60 s)');
    });
});

describe('the one bounded map and the one truncation', () => {
    it('keeps the most recently used entries', () => {
        const map = new BoundedMap<string, number>(2);
        map.set('a', 1);
        map.set('b', 2);
        map.get('a');
        map.set('c', 3);
        expect([map.peek('a'), map.peek('b'), map.peek('c'), map.size]).toEqual([1, undefined, 3, 2]);
    });

    it.each([
        ['short text is kept', 'Jane', 10, 'Jane'],
        ['long text ends in an ellipsis within the length', 'abcdefghij', 5, 'abcd…'],
        ['an emoji is never split in half', '😀😀😀😀😀😀', 3, '😀😀…'],
        ['a string of exactly the length is kept', '😀😀😀', 3, '😀😀😀'],
    ])('%s', (_name, value, length, expected) => {
        expect(cut(value, length)).toBe(expected);
        expect(Array.from(cut(value, length)).length).toBeLessThanOrEqual(length);
    });
});
