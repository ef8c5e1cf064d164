/**
 * Moves the clock the app reads (Date.now) without touching timers: HTTP timeouts and the simulator's
 * latency keep real time, while sessions, caches and the circuit breaker see the time pass.
 */
export function shiftableClock() {
    const realNow = Date.now;
    let offset = 0;
    Date.now = () => realNow() + offset;
    return {
        advance(ms: number) {
            offset += ms;
        },
        restore() {
            Date.now = realNow;
        },
    };
}
