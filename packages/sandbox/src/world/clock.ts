import { performance } from 'node:perf_hooks';

/**
 * Two notions of time: `now()` is the calendar date the world shows (createdAt,
 * support dates, expiries) and `elapsedMs()` is simulated time that drives
 * transitions. Simulated time runs `speed` times faster than real time, so a
 * 60 s cluster creation takes 1.2 s at speed 50 while dates stay sensible.
 */
export interface WorldClock {
  now(): Date;
  /** Simulated milliseconds since the world started. */
  elapsedMs(): number;
  readonly speed: number;
}

/** The clock of a running sandbox: real time scaled by `speed`, dates from `now`. */
export function realClock(speed: number, now: () => Date = () => new Date()): WorldClock {
  if (!(speed > 0)) throw new Error(`speed must be a positive number, got ${speed}`);
  const start = performance.now();
  return {
    now,
    elapsedMs: () => (performance.now() - start) * speed,
    speed,
  };
}

/** A clock that only moves when told to: for unit tests of transitions. */
export interface ManualClock extends WorldClock {
  /** Moves simulated time and the calendar date forward together. */
  advance(ms: number): void;
}

export function manualClock(start: Date = new Date('2026-11-26T12:00:00Z')): ManualClock {
  let elapsed = 0;
  return {
    now: () => new Date(start.getTime() + elapsed),
    elapsedMs: () => elapsed,
    speed: 1,
    advance(ms) {
      elapsed += ms;
    },
  };
}
