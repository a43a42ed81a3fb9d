import { describe, expect, it } from 'vitest';
import { TooManyRequestsError } from '../errors.ts';
import { createHashQueue } from './hashQueue.ts';

/** Work that finishes only when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('hash queue', () => {
  it('runs at most `concurrency` at once, queues `queueLength`, refuses the rest with a wait', async () => {
    const queue = createHashQueue({ concurrency: 2, queueLength: 3 });
    const gates = Array.from({ length: 8 }, gate);
    let running = 0;
    let mostRunning = 0;
    const results = gates.map((g, index) =>
      queue
        .run(async () => {
          running++;
          mostRunning = Math.max(mostRunning, running);
          await g.opened;
          running--;
          return index;
        })
        .then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        ),
    );
    await Promise.resolve();
    expect(queue.load).toEqual({ inFlight: 2, waiting: 3 });
    for (const g of gates) g.open();
    const settled = await Promise.all(results);

    expect(settled.slice(0, 5)).toEqual([0, 1, 2, 3, 4].map((value) => ({ value })));
    for (const refused of settled.slice(5)) {
      const error = (refused as { error: unknown }).error;
      expect(error).toBeInstanceOf(TooManyRequestsError);
      const seconds = (error as TooManyRequestsError).retryAfterSeconds!;
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect((error as Error).message).toContain(`try again in ${seconds} seconds`);
    }
    expect(mostRunning).toBe(2);
    expect(queue.load).toEqual({ inFlight: 0, waiting: 0 });
  });

  it('hands a slot on when work fails', async () => {
    const queue = createHashQueue({ concurrency: 1, queueLength: 1 });
    const failing = queue.run(() => Promise.reject(new Error('scrypt failed')));
    const next = queue.run(() => Promise.resolve('next'));
    await expect(failing).rejects.toThrow('scrypt failed');
    await expect(next).resolves.toBe('next');
    expect(queue.load).toEqual({ inFlight: 0, waiting: 0 });
  });

  it('serves sign-ins from known browsers first, in a line of their own', async () => {
    const queue = createHashQueue({ concurrency: 1, queueLength: 2 });
    const order: string[] = [];
    const running = gate();
    const job = (name: string, first = false) =>
      queue
        .run(
          async () => {
            order.push(name);
            if (name === 'running') await running.opened;
          },
          { first },
        )
        .then(
          () => 'done',
          () => 'refused',
        );
    const results = [
      job('running'),
      job('stranger-1'),
      job('stranger-2'),
      job('stranger-3'),
      job('known-1', true),
      job('known-2', true),
      job('known-3', true),
    ];
    running.open();
    expect(await Promise.all(results)).toEqual([
      'done',
      'done',
      'done',
      'refused',
      'done',
      'done',
      'refused',
    ]);
    expect(order).toEqual(['running', 'known-1', 'known-2', 'stranger-1', 'stranger-2']);
  });
});
