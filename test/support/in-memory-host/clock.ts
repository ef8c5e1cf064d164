/** A clock the test moves by hand: pass `clock.now` as the host's `now` to age triggerIds and bring jobs due. */
export interface ManualClock {
  now: () => number;
  advance: (ms: number) => number;
  set: (time: number) => number;
}

export function manualClock(start: number = Date.UTC(2025, 0, 1)): ManualClock {
  let time = start;
  return {
    now: () => time,
    advance: (ms) => (time += ms),
    set: (next) => (time = next),
  };
}
