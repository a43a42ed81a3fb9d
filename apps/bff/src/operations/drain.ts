import type { RequestHandler, Response } from 'express';
import { sendProblem } from '../http/problem.ts';
import { sseStreamsOpen } from '../observability/metrics.ts';

/** How long a browser waits before reconnecting a stream the console closed on shutdown. */
export const SHUTDOWN_RETRY_MS = 2_000;

/** What the drain finished with: `timedOut` when changes were still running at the deadline. */
export interface DrainResult {
  timedOut: boolean;
  unfinished: number;
}

/**
 * Graceful shutdown's bookkeeping: the changes in flight (mutating requests), the open event streams,
 * and whether the console is draining. Once draining, new changes are refused with 503 (another
 * replica takes them), reads are still answered, every answer closes its connection, and readiness
 * fails so the load balancer stops sending traffic.
 */
export function createDrain() {
  let draining = false;
  const inFlight = new Set<Response>();
  const streams = new Set<Response>();
  let settled: (() => void) | undefined;

  const finished = (res: Response) => {
    if (inFlight.delete(res) && inFlight.size === 0) settled?.();
  };

  return {
    get draining() {
      return draining;
    },
    /** Counts in-flight changes; refuses new ones while draining. */
    middleware: ((req, res, next) => {
      if (draining) res.setHeader('Connection', 'close');
      if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
      if (draining) {
        res.setHeader('Retry-After', '1');
        return sendProblem(res, {
          type: 'about:blank',
          title: 'Shutting down',
          status: 503,
          detail: 'This console is shutting down; send the change again.',
        });
      }
      inFlight.add(res);
      res.on('finish', () => finished(res));
      res.on('close', () => finished(res));
      next();
    }) satisfies RequestHandler,
    /** Registers an event stream (SSE) so that shutdown can close it with a retry hint. */
    trackStream(res: Response): void {
      streams.add(res);
      sseStreamsOpen.inc();
      res.on('close', () => {
        if (streams.delete(res)) sseStreamsOpen.dec();
      });
    },
    /** Changes running now. */
    inFlight: () => inFlight.size,
    /**
     * Starts draining: closes event streams with a retry hint, then waits for the changes in flight,
     * at most `graceMs`.
     */
    async drain(graceMs: number): Promise<DrainResult> {
      draining = true;
      for (const res of streams) {
        if (!res.writableEnded) {
          // `retry` tells EventSource when to reconnect (to a replica that is up).
          res.write(`retry: ${SHUTDOWN_RETRY_MS}\nevent: shutdown\ndata: {}\n\n`);
          res.end();
        }
      }
      if (inFlight.size > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, graceMs);
          settled = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      return { timedOut: inFlight.size > 0, unfinished: inFlight.size };
    },
  };
}
export type Drain = ReturnType<typeof createDrain>;
