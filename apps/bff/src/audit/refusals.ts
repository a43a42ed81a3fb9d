import type { AuditLog, AuditStart } from './auditLog.ts';

/** How many refused attempts are written one by one before they are only counted. */
export interface RefusalBudget {
  /** Entries per client address per window. */
  perClient: number;
  /** Entries per window over all addresses, summaries included. */
  total: number;
  windowMs: number;
  /** Addresses tracked at once; the rest share one bucket. */
  maxClients: number;
}

export const DEFAULT_REFUSAL_BUDGET: RefusalBudget = {
  perClient: 10,
  total: 60,
  windowMs: 60_000,
  maxClients: 10_000,
};

interface Bucket {
  since: number;
  written: number;
  suppressed: number;
}

const OVERFLOW = '(other addresses)';

/**
 * Records refused attempts (no or unknown session, a dashboard token, a wrong CSRF token, a sign-in
 * name outside the rule) without letting an unauthenticated flood fill the database: past the
 * budget they are counted, and one summary entry per address and window says how many were not
 * written one by one. The summary is written with the next refused attempt after the window, or by
 * `flush` (at shutdown).
 */
export function createRefusalRecorder(
  audit: AuditLog,
  budget: RefusalBudget = DEFAULT_REFUSAL_BUDGET,
  now: () => number = Date.now,
) {
  const clients = new Map<string, Bucket>();
  let overall: Bucket = { since: now(), written: 0, suppressed: 0 };
  let lastSweep = now();
  // Writes in flight: the budget is decided at once, the rows land when the database takes them, and
  // `flush` waits for every one (so shutdown loses none).
  const inFlight = new Set<Promise<unknown>>();
  const track = (write: Promise<unknown>) => {
    const settled = write.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
    return write;
  };

  const write = (start: AuditStart, reason: string): Promise<unknown> | undefined => {
    if (overall.written >= budget.total) {
      overall.suppressed++;
      return undefined;
    }
    overall.written++;
    return track(audit.record(start, { outcome: 'denied', error: reason }));
  };

  const summarise = (client: string, bucket: Bucket) => {
    if (bucket.suppressed === 0) return;
    // Over the overall budget the address's count joins the overall one rather than getting lost.
    if (overall.written >= budget.total) {
      overall.suppressed += bucket.suppressed;
      return;
    }
    const since = new Date(bucket.since).toISOString();
    void write(
      {
        user: 'anonymous',
        action: 'refused.coalesced',
        ...(client === OVERFLOW ? {} : { clientIp: client }),
      },
      `${bucket.suppressed} more refused attempts from ${client} in the ${budget.windowMs / 1000} s from ${since} were counted, not recorded one by one`,
    );
  };

  /** Writes the summaries of windows that are over, and starts a new overall window. */
  const sweep = (force: boolean) => {
    const at = now();
    for (const [client, bucket] of clients) {
      if (force || at - bucket.since >= budget.windowMs) {
        clients.delete(client);
        summarise(client, bucket);
      }
    }
    if (force || at - overall.since >= budget.windowMs) {
      const previous = overall;
      overall = { since: at, written: 0, suppressed: 0 };
      if (previous.suppressed > 0) {
        void track(
          audit.record(
            { user: 'anonymous', action: 'refused.coalesced' },
            {
              outcome: 'denied',
              error: `${previous.suppressed} more refused attempts from all addresses in the ${budget.windowMs / 1000} s from ${new Date(previous.since).toISOString()} were counted, not recorded one by one`,
            },
          ),
        );
      }
    }
    lastSweep = at;
  };

  return {
    /** Records one refused attempt with its reason, unless its address or everyone is over budget. */
    async record(start: AuditStart, reason: string): Promise<void> {
      // Sweeping at most once a second keeps a flood from paying for a walk over every address.
      if (now() - lastSweep >= 1000) {
        sweep(false);
        // Summaries of the windows just over go in before this attempt's entry.
        await Promise.all(inFlight);
      }
      let client = start.clientIp ?? 'unknown';
      if (!clients.has(client) && clients.size >= budget.maxClients) client = OVERFLOW;
      let bucket = clients.get(client);
      if (!bucket) {
        bucket = { since: now(), written: 0, suppressed: 0 };
        clients.set(client, bucket);
      }
      if (bucket.written >= budget.perClient) {
        bucket.suppressed++;
        return;
      }
      const written = write(start, reason);
      if (!written) return;
      bucket.written++;
      await written;
    },
    /** Writes every pending summary now, and waits for every write in flight. */
    async flush(): Promise<void> {
      sweep(true);
      await Promise.all(inFlight);
    },
  };
}
export type RefusalRecorder = ReturnType<typeof createRefusalRecorder>;
