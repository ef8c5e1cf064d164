import { CircuitBreaker } from '../../src/liveperson/CircuitBreaker';
import { TtlLruCache } from '../../src/liveperson/TtlLruCache';
import { retryAfterSeconds } from '../../src/liveperson/livePersonHttp';

describe('the circuit breaker', () => {
    let now = 0;
    const breaker = () => new CircuitBreaker({ threshold: 3, coolDownMs: 30_000, clock: () => now });
    beforeEach(() => {
        now = 1_000_000;
    });

    it('opens after three outages in a row and says when it will try again', () => {
        const subject = breaker();
        for (let i = 0; i < 3; i++) {
            expect(subject.check()).toEqual({ open: false });
            subject.record({ ok: false, kind: i === 1 ? 'timeout' : 'unavailable' });
        }
        expect(subject.check()).toEqual({ open: true, kind: 'unavailable', retryAfterSeconds: 30 });
        now += 12_000;
        expect(subject.check()).toEqual({ open: true, kind: 'unavailable', retryAfterSeconds: 18 });
    });

    it('lets one probe through after the cool-down; success closes it', () => {
        const subject = breaker();
        for (let i = 0; i < 3; i++) subject.record({ ok: false, kind: 'unavailable' });
        now += 30_001;
        expect(subject.check()).toEqual({ open: false });
        expect(subject.check().open).toBe(true); // a second caller while the probe runs
        subject.record({ ok: true });
        expect(subject.check()).toEqual({ open: false });
        expect(subject.check()).toEqual({ open: false });
    });

    it('a failed probe reopens it for another cool-down', () => {
        const subject = breaker();
        for (let i = 0; i < 3; i++) subject.record({ ok: false, kind: 'unavailable' });
        now += 30_001;
        subject.check();
        subject.record({ ok: false, kind: 'timeout' });
        expect(subject.check()).toEqual({ open: true, kind: 'unavailable', retryAfterSeconds: 30 });
    });

    it('answers that are not outages (404, 401) reset the count', () => {
        const subject = breaker();
        subject.record({ ok: false, kind: 'unavailable' });
        subject.record({ ok: false, kind: 'unavailable' });
        subject.record({ ok: false, kind: 'notFound' });
        subject.record({ ok: false, kind: 'unavailable' });
        expect(subject.check()).toEqual({ open: false });
    });

    it('a 429 pauses calls for its Retry-After at once', () => {
        const subject = breaker();
        subject.record({ ok: false, kind: 'rateLimited', retryAfterSeconds: 7 });
        expect(subject.check()).toEqual({ open: true, kind: 'rateLimited', retryAfterSeconds: 7 });
        now += 7_001;
        expect(subject.check()).toEqual({ open: false });
    });
});

describe('Retry-After', () => {
    it('reads seconds, an HTTP date, or falls back to LivePerson’s minimums', () => {
        expect(retryAfterSeconds('12', 'participantInfo')).toBe(12);
        expect(retryAfterSeconds(new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(), 'participantInfo', Date.UTC(2030, 0, 1))).toBe(30);
        expect(retryAfterSeconds(undefined, 'participantInfo')).toBe(1);
        expect(retryAfterSeconds(undefined, 'login')).toBe(5);
        expect(retryAfterSeconds('soon', 'login')).toBe(5);
    });
});

describe('the bounded cache', () => {
    it('forgets the least recently used entry beyond its size', () => {
        const cache = new TtlLruCache<string, number>(2, () => 0);
        cache.set('a', 1, 1000);
        cache.set('b', 2, 1000);
        cache.get('a');
        cache.set('c', 3, 1000);
        expect(cache.get('b')).toBeUndefined();
        expect(cache.get('a')?.value).toBe(1);
        expect(cache.get('c')?.value).toBe(3);
        expect(cache.size).toBe(2);
    });

    it('expires entries after their time to live and reports their age', () => {
        let now = 0;
        const cache = new TtlLruCache<string, number>(10, () => now);
        cache.set('a', 1, 1000);
        now = 400;
        expect(cache.get('a')).toEqual({ value: 1, ageMs: 400 });
        now = 1000;
        expect(cache.get('a')).toBeUndefined();
    });

    it('a zero time to live stores nothing', () => {
        const cache = new TtlLruCache<string, number>(10);
        cache.set('a', 1, 0);
        expect(cache.size).toBe(0);
    });
});
