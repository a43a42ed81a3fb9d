import { describe, expect, it } from 'vitest';
import { waitFor } from '@wheelhouse/sandbox';
import { createWatchHub, type WatchSink, type WatchUpstream } from './watchHub.ts';

/** One upstream watch the test drives: what it was started from, and the hands to feed or end it. */
interface RunningWatch {
  from: string;
  change(version: string, event?: string): void;
  end(outcome: 'ended' | 'gone'): void;
  fail(error: Error): void;
  signal: AbortSignal;
}

/** A scripted API server: each run() is one watch the test feeds by hand. */
function scriptedUpstream(versionNow = () => '500') {
  const runs: RunningWatch[] = [];
  const upstream: WatchUpstream<string, string> = {
    run: (_spec, from, onChange, signal) =>
      new Promise((resolve, reject) => {
        signal.addEventListener('abort', () => resolve('ended'), { once: true });
        runs.push({ from, change: onChange, end: resolve, fail: reject, signal });
      }),
    currentVersion: async () => versionNow(),
  };
  return { upstream, runs };
}

function recordingSink() {
  const seen: string[] = [];
  const failures: string[] = [];
  const sink: WatchSink<string> = {
    event: (event) => seen.push(event),
    reset: () => seen.push('reset'),
    fail: (error) => failures.push((error as Error).message),
  };
  return { sink, seen, failures };
}

const pods = (resourceVersion?: string) => ({
  key: 'c|pods|',
  group: 'c',
  spec: 'pods',
  ...(resourceVersion ? { resourceVersion } : {}),
});

describe('the watch hub', () => {
  it('runs one upstream watch for every subscriber of a key and stops it with the last one', async () => {
    const { upstream, runs } = scriptedUpstream();
    const hub = createWatchHub(upstream, { maxWatchesPerGroup: 4 });
    const a = recordingSink();
    const b = recordingSink();
    const leaveA = hub.subscribe(pods('100'), a.sink);
    const leaveB = hub.subscribe(pods('100'), b.sink);
    await waitFor(() => runs.length === 1);
    expect(runs[0]!.from).toBe('100');
    runs[0]!.change('101', 'pod-1 added');
    expect(a.seen).toEqual(['pod-1 added']);
    expect(b.seen).toEqual(['pod-1 added']);
    expect(hub.stats()).toEqual({ upstreamWatches: 1, subscribers: 2 });
    leaveA();
    expect(runs[0]!.signal.aborted).toBe(false);
    leaveB();
    expect(runs[0]!.signal.aborted).toBe(true);
    expect(hub.stats()).toEqual({ upstreamWatches: 0, subscribers: 0 });
  });

  it('gives a late subscriber the changes after its list, and a reset when its list is older than the watch', async () => {
    const { upstream, runs } = scriptedUpstream();
    const hub = createWatchHub(upstream, { maxWatchesPerGroup: 4 });
    hub.subscribe(pods('100'), recordingSink().sink);
    await waitFor(() => runs.length === 1);
    runs[0]!.change('101', 'first');
    runs[0]!.change('102', 'second');
    const late = recordingSink();
    hub.subscribe(pods('101'), late.sink);
    expect(late.seen).toEqual(['second']);
    runs[0]!.change('103', 'third');
    expect(late.seen).toEqual(['second', 'third']);
    const stale = recordingSink();
    hub.subscribe(pods('90'), stale.sink);
    expect(stale.seen).toEqual(['reset']);
  });

  it('resumes from the last version it saw (bookmarks included) when the server ends the watch', async () => {
    const { upstream, runs } = scriptedUpstream();
    const hub = createWatchHub(upstream, { maxWatchesPerGroup: 4, restartPauseMs: 0 });
    const a = recordingSink();
    hub.subscribe(pods('100'), a.sink);
    await waitFor(() => runs.length === 1);
    runs[0]!.change('105', 'pod-1 added');
    runs[0]!.change('110');
    runs[0]!.end('ended');
    await waitFor(() => runs.length === 2);
    expect(runs[1]!.from).toBe('110');
    runs[1]!.change('111', 'pod-2 added');
    expect(a.seen).toEqual(['pod-1 added', 'pod-2 added']);
  });

  it('relists on 410, resets every subscriber and follows on from the fresh version', async () => {
    const { upstream, runs } = scriptedUpstream(() => '900');
    const hub = createWatchHub(upstream, { maxWatchesPerGroup: 4 });
    const a = recordingSink();
    const b = recordingSink();
    hub.subscribe(pods('100'), a.sink);
    hub.subscribe(pods('100'), b.sink);
    await waitFor(() => runs.length === 1);
    runs[0]!.end('gone');
    await waitFor(() => runs.length === 2);
    expect(runs[1]!.from).toBe('900');
    expect(a.seen).toEqual(['reset']);
    expect(b.seen).toEqual(['reset']);
    runs[1]!.change('901', 'after relist');
    expect(a.seen).toEqual(['reset', 'after relist']);
  });

  it('starts from the current version when the first subscriber holds no list', async () => {
    const { upstream, runs } = scriptedUpstream(() => '700');
    const hub = createWatchHub(upstream, { maxWatchesPerGroup: 4 });
    hub.subscribe(pods(), recordingSink().sink);
    await waitFor(() => runs.length === 1);
    expect(runs[0]!.from).toBe('700');
  });

  it('hands an upstream failure to every subscriber and starts afresh for the next one', async () => {
    const { upstream, runs } = scriptedUpstream();
    const hub = createWatchHub(upstream, { maxWatchesPerGroup: 4 });
    const a = recordingSink();
    const b = recordingSink();
    hub.subscribe(pods('100'), a.sink);
    hub.subscribe(pods('100'), b.sink);
    await waitFor(() => runs.length === 1);
    runs[0]!.fail(new Error('Kubernetes answered 403 Forbidden'));
    await waitFor(() => a.failures.length === 1);
    expect(a.failures).toEqual(['Kubernetes answered 403 Forbidden']);
    expect(b.failures).toEqual(['Kubernetes answered 403 Forbidden']);
    expect(hub.stats().upstreamWatches).toBe(0);
    hub.subscribe(pods('100'), recordingSink().sink);
    await waitFor(() => runs.length === 2);
  });

  it('refuses one distinct upstream watch too many in a group with 429, but lets more join existing ones', () => {
    const { upstream } = scriptedUpstream();
    const hub = createWatchHub(upstream, { maxWatchesPerGroup: 2 });
    hub.subscribe({ key: 'c|pods|a', group: 'c', spec: 'a' }, recordingSink().sink);
    hub.subscribe({ key: 'c|pods|b', group: 'c', spec: 'b' }, recordingSink().sink);
    expect(() =>
      hub.subscribe({ key: 'c|pods|x', group: 'c', spec: 'x' }, recordingSink().sink),
    ).toThrow(expect.objectContaining({ status: 429 }));
    hub.subscribe({ key: 'c|pods|a', group: 'c', spec: 'a' }, recordingSink().sink);
    hub.subscribe({ key: 'other|pods|x', group: 'other', spec: 'x' }, recordingSink().sink);
    expect(hub.stats()).toEqual({ upstreamWatches: 3, subscribers: 4 });
    hub.close();
  });
});
