import { setTimeout as sleep } from 'node:timers/promises';
import { TooManyRequestsError } from '../../errors.ts';

/** How one upstream watch is run: the hub decides when, from which version, and for whom. */
export interface WatchUpstream<S, E> {
  /**
   * Watches from `resourceVersion` until the server ends the watch (`'ended'`) or answers that the
   * version is too old (`'gone'`, 410); rejects on any other failure. `onChange` gets every change
   * with its version, and bookmarks with a version and no event.
   */
  run(
    spec: S,
    resourceVersion: string,
    onChange: (resourceVersion: string | undefined, event?: E) => void,
    signal: AbortSignal,
  ): Promise<'ended' | 'gone'>;
  /** The version a fresh list has now: where a watch starts when nobody gave one, and after a 410. */
  currentVersion(spec: S): Promise<string>;
}

/** One browser stream's end of a shared watch. */
export interface WatchSink<E> {
  /**
   * One change, with its resourceVersion when the server gave a numeric one: a stream that resumes
   * from it (on any replica) gets exactly the changes after this one.
   */
  event(event: E, resourceVersion?: string): void;
  /** Changes may have been missed (the upstream version expired): the page has to list again. */
  reset(): void;
  /** The upstream watch failed; the sink has been dropped. */
  fail(error: unknown): void;
}

export interface Subscription<S> {
  /** One upstream watch per key, e.g. cluster, kind and namespace. */
  key: string;
  /** What `maxWatchesPerGroup` counts by, e.g. the cluster. */
  group: string;
  spec: S;
  /** The version of the list the subscriber holds: it gets only changes after it. */
  resourceVersion?: string;
}

export interface WatchHubOptions {
  /** Distinct upstream watches per group (a namespace each, say); past it a new one is refused with 429. */
  maxWatchesPerGroup: number;
  /** Recent changes kept per watch, so a page that listed a moment ago misses nothing when it joins. */
  recentChanges?: number;
  /** An upstream watch that ends sooner than this is restarted only after this pause. */
  restartPauseMs?: number;
}

interface Channel<E> {
  group: string;
  sinks: Map<WatchSink<E>, { after?: bigint }>;
  abort: AbortController;
  /** The newest version the upstream watch reported; undefined until it is known. */
  version?: string;
  /** `recent` holds every change after this version (undefined: nothing can be replayed). */
  horizon?: bigint;
  recent: { version: bigint; event: E }[];
}

const numeric = (version: string | undefined): bigint | undefined =>
  version !== undefined && /^\d{1,30}$/.test(version) ? BigInt(version) : undefined;

/**
 * Fans one upstream watch out to every browser stream that follows the same thing: subscribers are
 * counted per key, the upstream watch starts with the first and stops with the last, resumes from
 * its last version when the server ends it, relists on 410 (and tells every subscriber to reset),
 * and hands a failure to every subscriber. So N open pages cost one upstream connection, not N.
 */
export function createWatchHub<S, E>(upstream: WatchUpstream<S, E>, options: WatchHubOptions) {
  const channels = new Map<string, Channel<E>>();
  const keep = options.recentChanges ?? 1_000;
  const pauseMs = options.restartPauseMs ?? 1_000;

  function deliver(channel: Channel<E>, version: bigint | undefined, event: E): void {
    for (const [sink, state] of [...channel.sinks]) {
      if (state.after !== undefined && version !== undefined) {
        if (version <= state.after) continue;
        // Versions only grow, so once one change passed the subscriber's list, all later ones do.
        state.after = undefined;
      }
      sink.event(event, version?.toString());
    }
  }

  function onChange(channel: Channel<E>, version: string | undefined, event?: E): void {
    if (version !== undefined) channel.version = version;
    if (event === undefined) return;
    const n = numeric(version);
    if (n !== undefined) {
      channel.recent.push({ version: n, event });
      if (channel.recent.length > keep) channel.horizon = channel.recent.shift()!.version;
    } else {
      channel.horizon = undefined;
    }
    deliver(channel, n, event);
  }

  /** Subscribers whose list is older than where the watch starts would miss changes: reset them. */
  function startAt(channel: Channel<E>, version: string): void {
    channel.version = version;
    channel.horizon = numeric(version);
    channel.recent = [];
    for (const [sink, state] of [...channel.sinks]) {
      if (
        state.after !== undefined &&
        channel.horizon !== undefined &&
        state.after < channel.horizon
      ) {
        state.after = undefined;
        sink.reset();
      }
    }
  }

  function close(key: string, channel: Channel<E>): void {
    if (channels.get(key) === channel) channels.delete(key);
    channel.abort.abort();
  }

  async function pump(key: string, channel: Channel<E>, spec: S): Promise<void> {
    const { signal } = channel.abort;
    try {
      if (channel.version === undefined) startAt(channel, await upstream.currentVersion(spec));
      while (!signal.aborted) {
        const startedAt = Date.now();
        const outcome = await upstream.run(
          spec,
          channel.version!,
          (version, event) => onChange(channel, version, event),
          signal,
        );
        if (signal.aborted) return;
        if (outcome === 'gone') {
          for (const [sink, state] of [...channel.sinks]) {
            state.after = undefined;
            sink.reset();
          }
          startAt(channel, await upstream.currentVersion(spec));
        } else if (Date.now() - startedAt < pauseMs) {
          // A server that ends watches at once must not be asked again in a tight loop.
          await sleep(pauseMs, undefined, { signal });
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      close(key, channel);
      for (const sink of channel.sinks.keys()) sink.fail(error);
      channel.sinks.clear();
    }
  }

  /** Throws 429 when joining would start one upstream watch too many in the group. */
  function admit(subscription: Pick<Subscription<S>, 'key' | 'group'>): void {
    if (channels.has(subscription.key)) return;
    const inGroup = [...channels.values()].filter((c) => c.group === subscription.group);
    if (inGroup.length >= options.maxWatchesPerGroup) {
      throw new TooManyRequestsError(
        `This cluster already has ${options.maxWatchesPerGroup} different watches open (one per kind and namespace); follow all namespaces or close some views and try again.`,
      );
    }
  }

  return {
    admit,
    /** Joins (or starts) the upstream watch for `subscription.key`; returns the function that leaves it. */
    subscribe<T extends S>(subscription: Subscription<T>, sink: WatchSink<E>): () => void {
      let channel = channels.get(subscription.key);
      const from = numeric(subscription.resourceVersion);
      if (!channel) {
        admit(subscription);
        channel = {
          group: subscription.group,
          sinks: new Map([[sink, from !== undefined ? { after: from } : {}]]),
          abort: new AbortController(),
          recent: [],
        };
        channels.set(subscription.key, channel);
        if (subscription.resourceVersion !== undefined) {
          channel.version = subscription.resourceVersion;
          channel.horizon = from;
        }
        void pump(subscription.key, channel, subscription.spec);
      } else if (from === undefined) {
        channel.sinks.set(sink, {});
      } else if (channel.version === undefined) {
        // Still asking where to start: startAt() resets this subscriber if its list is older.
        channel.sinks.set(sink, { after: from });
      } else if (channel.horizon !== undefined && from >= channel.horizon) {
        for (const change of channel.recent) {
          if (change.version > from) sink.event(change.event, change.version.toString());
        }
        channel.sinks.set(sink, { after: from });
      } else {
        // Older than anything this watch still holds: only a fresh list can follow.
        channel.sinks.set(sink, {});
        sink.reset();
      }
      const joined = channel;
      return () => {
        joined.sinks.delete(sink);
        if (joined.sinks.size === 0) close(subscription.key, joined);
      };
    },
    /** Open upstream watches and the browser streams they serve. */
    stats(): { upstreamWatches: number; subscribers: number } {
      let subscribers = 0;
      for (const channel of channels.values()) subscribers += channel.sinks.size;
      return { upstreamWatches: channels.size, subscribers };
    },
    /** Stops every upstream watch (the console is shutting down). */
    close(): void {
      for (const [key, channel] of [...channels]) close(key, channel);
    },
  };
}
export type WatchHub<S, E> = ReturnType<typeof createWatchHub<S, E>>;
