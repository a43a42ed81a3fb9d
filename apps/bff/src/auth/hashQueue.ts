import { TooManyRequestsError } from '../errors.ts';

/** How much password hashing may happen at once. */
export interface HashQueueOptions {
  /** Hashes computed at once; each holds one of libuv's threads and scrypt's work memory. */
  concurrency: number;
  /** Attempts that may wait for a free slot; beyond that they are refused before any work. */
  queueLength: number;
}

// Until the first hashes are timed, assume one takes about this long (scrypt, on a small VM).
const FIRST_ESTIMATE_MS = 500;

/**
 * Bounds password hashing: at most `concurrency` hashes in flight, `queueLength` waiting, the rest
 * refused at once with 429 and a Retry-After of about the time the queue needs to drain. libuv's
 * thread pool (4 threads) also serves file reads and DNS, so an unbounded sign-in storm would stall
 * static files and API reads, and scrypt's memory per hash would add up without limit.
 */
export function createHashQueue(options: HashQueueOptions) {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  // Sign-ins from browsers their user signed in from before: served first, with a line of their own,
  // so that a storm of strangers cannot keep a known user out.
  const waitingFirst: (() => void)[] = [];
  let averageMs = FIRST_ESTIMATE_MS;

  const release = () => {
    const next = waitingFirst.shift() ?? waiting.shift();
    if (next) next();
    else inFlight--;
  };

  return {
    /** Runs `work` when a slot is free; throws TooManyRequestsError when its line is full. */
    async run<T>(work: () => Promise<T>, attempt: { first?: boolean } = {}): Promise<T> {
      const line = attempt.first ? waitingFirst : waiting;
      if (inFlight >= options.concurrency) {
        if (line.length >= options.queueLength) {
          const ahead = waitingFirst.length + (attempt.first ? 0 : waiting.length);
          const drainMs = ((ahead + inFlight) / options.concurrency) * averageMs;
          const seconds = Math.max(1, Math.ceil(drainMs / 1000));
          throw new TooManyRequestsError(
            `Too many sign-ins are being checked right now; try again in ${seconds} seconds.`,
            seconds,
          );
        }
        // The slot is handed over by release(), so inFlight stays counted for this attempt.
        await new Promise<void>((resolve) => line.push(resolve));
      } else {
        inFlight++;
      }
      const started = performance.now();
      try {
        return await work();
      } finally {
        averageMs = 0.8 * averageMs + 0.2 * (performance.now() - started);
        release();
      }
    },
    /** Hashes in flight and attempts waiting. */
    get load(): { inFlight: number; waiting: number } {
      return { inFlight, waiting: waiting.length + waitingFirst.length };
    },
  };
}
/** The password hashing queue sign-ins go through. */
export type HashQueue = ReturnType<typeof createHashQueue>;
