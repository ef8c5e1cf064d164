import { CircuitBreaker } from '../../src/liveperson/CircuitBreaker';
import { fail, failureOf, LivePersonError, type LivePersonFailureKind } from '../../src/liveperson/failures';
import { SingleFlight } from '../../src/liveperson/singleFlight';
import { TtlLruCache } from '../../src/liveperson/TtlLruCache';

const call = { correlationId: 'lp-test0001' };
const failing =
    (kind: LivePersonFailureKind, extra: { retryAfterSeconds?: number; notSent?: boolean } = {}) =>
    () =>
        Promise.reject(new LivePersonError({ kind, step: 'participantInfo', message: kind, correlationId: 'lp-x', ...extra }));
const answering = () => Promise.resolve('answer');

/** What the breaker did with a call: let it through (and how it ended) or refuse it, saying for how long. */
async function attempt(breaker: CircuitBreaker, work: () => Promise<string>): Promise<string> {
    try {
        return await breaker.run(call, 'participantInfo', work);
    } catch (error) {
        const failure = failureOf(error);
        return failure?.notSent ? `refused ${failure.kind} ${failure.retryAfterSeconds} s` : `failed ${failure?.kind}`;
    }
}

describe('the circuit breaker', () => {
    beforeEach(() => {
        jest.useFakeTimers({ now: 1_000_000 });
    });
    afterEach(() => jest.useRealTimers());

    it('opens after three outages in a row and says when it will try again', async () => {
        const breaker = new CircuitBreaker();
        expect(await attempt(breaker, failing('unavailable'))).toBe('failed unavailable');
        expect(await attempt(breaker, failing('timeout'))).toBe('failed timeout');
        expect(await attempt(breaker, failing('unavailable'))).toBe('failed unavailable');
        expect(await attempt(breaker, answering)).toBe('refused unavailable 30 s');
        jest.advanceTimersByTime(12_000);
        expect(await attempt(breaker, answering)).toBe('refused unavailable 18 s');
        expect(breaker.isOpen).toBe(true);
    });

    it('lets one probe through after the cool-down; its success closes it', async () => {
        const breaker = new CircuitBreaker();
        for (let i = 0; i < 3; i++) await attempt(breaker, failing('unavailable'));
        jest.advanceTimersByTime(30_001);
        let finishProbe: (value: string) => void = () => undefined;
        const probe = attempt(breaker, () => new Promise<string>((resolve) => (finishProbe = resolve)));
        // A second caller while the probe runs is told to wait a moment.
        expect(await attempt(breaker, answering)).toBe('refused unavailable 1 s');
        finishProbe('answer');
        expect(await probe).toBe('answer');
        expect(await attempt(breaker, answering)).toBe('answer');
    });

    it('a failed probe reopens it for another cool-down', async () => {
        const breaker = new CircuitBreaker();
        for (let i = 0; i < 3; i++) await attempt(breaker, failing('unavailable'));
        jest.advanceTimersByTime(30_001);
        expect(await attempt(breaker, failing('timeout'))).toBe('failed timeout');
        expect(await attempt(breaker, answering)).toBe('refused unavailable 30 s');
    });

    it('answers that are not outages (a 404, a 401) reset the count', async () => {
        const breaker = new CircuitBreaker();
        await attempt(breaker, failing('unavailable'));
        await attempt(breaker, failing('unavailable'));
        await attempt(breaker, failing('notFound'));
        await attempt(breaker, failing('unavailable'));
        expect(await attempt(breaker, answering)).toBe('answer');
    });

    it('a call that never reached LivePerson (no time left) teaches it nothing', async () => {
        const breaker = new CircuitBreaker();
        for (let i = 0; i < 2; i++) await attempt(breaker, failing('unavailable'));
        await attempt(breaker, failing('timeout', { notSent: true }));
        expect(await attempt(breaker, failing('unavailable'))).toBe('failed unavailable');
        expect(await attempt(breaker, answering)).toBe('refused unavailable 30 s');
    });

    it('a 429 pauses every call for its Retry-After, at once', async () => {
        const breaker = new CircuitBreaker();
        expect(await attempt(breaker, failing('rateLimited', { retryAfterSeconds: 7 }))).toBe('failed rateLimited');
        expect(await attempt(breaker, answering)).toBe('refused rateLimited 7 s');
        jest.advanceTimersByTime(7_001);
        expect(await attempt(breaker, answering)).toBe('answer');
    });

    it('a Retry-After of a year is held to 15 minutes', async () => {
        const breaker = new CircuitBreaker();
        await attempt(breaker, failing('rateLimited', { retryAfterSeconds: 31_536_000 }));
        expect(await attempt(breaker, answering)).toBe('refused rateLimited 900 s');
    });

    /** A call held until `finish` is called, as a request LivePerson has not answered yet. */
    const held = () => {
        let finish: (result: () => Promise<string>) => void = () => undefined;
        const work = () => new Promise<() => Promise<string>>((resolve) => (finish = resolve)).then((result) => result());
        return { work, finish: (result: () => Promise<string>) => finish(result) };
    };

    it('an answer to a request sent before a 429 does not end the pause', async () => {
        const breaker = new CircuitBreaker();
        const earlier = held();
        const pending = attempt(breaker, earlier.work);
        expect(await attempt(breaker, failing('rateLimited', { retryAfterSeconds: 20 }))).toBe('failed rateLimited');
        earlier.finish(answering);
        expect(await pending).toBe('answer');
        expect(await attempt(breaker, answering)).toBe('refused rateLimited 20 s');
    });

    it('an outage or a request never sent, ending during a pause, neither shortens nor clears it', async () => {
        const breaker = new CircuitBreaker();
        const outage = held();
        const unsent = held();
        const pendingOutage = attempt(breaker, outage.work);
        const pendingUnsent = attempt(breaker, unsent.work);
        await attempt(breaker, failing('rateLimited', { retryAfterSeconds: 60 }));
        outage.finish(failing('unavailable'));
        unsent.finish(failing('timeout', { notSent: true }));
        await Promise.all([pendingOutage, pendingUnsent]);
        expect(await attempt(breaker, answering)).toBe('refused rateLimited 60 s');
        expect(breaker.isOpen).toBe(true);
    });

    it('an error that is no LivePerson failure passes through and changes nothing', async () => {
        const breaker = new CircuitBreaker();
        await expect(breaker.run(call, 'participantInfo', () => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
        expect(await attempt(breaker, answering)).toBe('answer');
        expect(() => fail({ kind: 'auth', step: 'login', message: 'm', correlationId: 'c' })).toThrow(LivePersonError);
    });
});

describe('the bounded cache', () => {
    beforeEach(() => jest.useFakeTimers({ now: 0 }));
    afterEach(() => jest.useRealTimers());

    it('forgets the least recently used entry beyond its size', () => {
        const cache = new TtlLruCache<string, number>(2);
        cache.set('a', 1, 1000);
        cache.set('b', 2, 1000);
        cache.get('a');
        cache.set('c', 3, 1000);
        expect(cache.get('b')).toBeUndefined();
        expect(cache.get('a')?.value).toBe(1);
        expect(cache.get('c')?.value).toBe(3);
        expect(cache.size).toBe(2);
    });

    it('expires entries after their time to live and reports their age; the last known stays for peek', () => {
        const cache = new TtlLruCache<string, number>(10);
        cache.set('a', 1, 1000);
        jest.advanceTimersByTime(400);
        expect(cache.get('a')).toEqual({ value: 1, ageMs: 400 });
        jest.advanceTimersByTime(600);
        expect(cache.get('a')).toBeUndefined();
        expect(cache.peek('a', 5000)).toEqual({ value: 1, ageMs: 1000 });
        cache.delete('a');
        expect(cache.peek('a', 5000)).toBeUndefined();
    });

    it('the last known value is forgotten once older than peek accepts', () => {
        const cache = new TtlLruCache<string, number>(10);
        cache.set('a', 1, 1000);
        jest.advanceTimersByTime(5001);
        expect(cache.peek('a', 5000)).toBeUndefined();
        expect(cache.size).toBe(0);
    });

    it('a zero time to live is never an answer, only the last known value', () => {
        const cache = new TtlLruCache<string, number>(10);
        cache.set('a', 1, 0);
        expect(cache.get('a')).toBeUndefined();
        expect(cache.peek('a', 5000)?.value).toBe(1);
    });
});

describe('single flight', () => {
    it('callers asking while the work runs share it; afterwards a new call runs again', async () => {
        const flight = new SingleFlight<string, number>();
        let runs = 0;
        const work = () => new Promise<number>((resolve) => setTimeout(() => resolve(++runs), 5));
        const [first, second] = await Promise.all([flight.run('k', work), flight.run('k', work)]);
        expect([first, second]).toEqual([1, 1]);
        expect(await flight.run('k', work)).toBe(2);
    });

    it('a key forgotten and started again is not cut short when the old run ends', async () => {
        const flight = new SingleFlight<string, string>();
        let finishOld: (value: string) => void = () => undefined;
        const old = flight.run('k', () => new Promise<string>((resolve) => (finishOld = resolve)));
        flight.forget();
        let finishNew: (value: string) => void = () => undefined;
        const fresh = flight.run('k', () => new Promise<string>((resolve) => (finishNew = resolve)));
        finishOld('old');
        await old;
        expect(flight.isRunning('k')).toBe(true);
        expect(flight.run('k', () => Promise.resolve('third'))).toBe(fresh);
        finishNew('new');
        expect(await fresh).toBe('new');
    });
});
