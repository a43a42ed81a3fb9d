import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubEventSource, type FakeEventSource } from '../test/eventSourceStub.ts';
import { parseWatchEvent, watchKube, type WatchState } from './kubeWatch.ts';

describe('watchKube', () => {
  let streams: FakeEventSource[];
  beforeEach(() => {
    vi.useFakeTimers();
    streams = stubEventSource();
  });
  afterEach(() => vi.useRealTimers());

  function watch() {
    const states: WatchState[] = [];
    const events: unknown[] = [];
    const close = watchKube('/api/x/watch?kind=pods', {
      onEvent: (event) => events.push(event),
      onState: (state) => states.push(state),
    });
    return { states, events, close, last: () => states.at(-1) };
  }

  it('goes live on open and hands over each event', () => {
    const w = watch();
    expect(w.last()).toEqual({ status: 'connecting' });
    streams[0]!.open();
    expect(w.last()).toEqual({ status: 'live' });
    streams[0]!.send({ kind: 'node', type: 'ADDED', name: 'n1' });
    expect(w.events).toEqual([{ kind: 'node', type: 'ADDED', name: 'n1' }]);
  });

  it('reconnects after errors with a doubling delay, carrying the server message', () => {
    const w = watch();
    streams[0]!.open();
    streams[0]!.serverError('watch failed: 500');
    expect(streams[0]!.closed).toBe(true);
    expect(w.last()).toEqual({
      status: 'reconnecting',
      retryInMs: 1000,
      message: 'watch failed: 500',
    });
    vi.advanceTimersByTime(999);
    expect(streams).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(streams).toHaveLength(2);
    streams[1]!.drop();
    expect(w.last()).toEqual({ status: 'reconnecting', retryInMs: 2000 });
    vi.advanceTimersByTime(2000);
    expect(streams).toHaveLength(3);
    expect(streams[2]!.url).toBe('/api/x/watch?kind=pods');
  });

  it('reconnects after the last event it received, keeping the rest of the query', () => {
    const states: WatchState[] = [];
    const events: unknown[] = [];
    watchKube('/api/x/watch?kind=pods&namespace=web&resourceVersion=100', {
      onEvent: (event) => events.push(event),
      onState: (state) => states.push(state),
    });
    streams[0]!.open();
    streams[0]!.send({ kind: 'node', type: 'ADDED', name: 'n1' }, '104');
    streams[0]!.send({ kind: 'node', type: 'MODIFIED', name: 'n1' }, '107');
    streams[0]!.drop();
    vi.advanceTimersByTime(1000);
    expect(streams[1]!.params.get('resourceVersion')).toBe('107');
    expect(streams[1]!.params.get('namespace')).toBe('web');
    expect(streams[1]!.params.get('kind')).toBe('pods');
    // A connection that dropped before any event still resumes from the newest one seen.
    streams[1]!.drop();
    vi.advanceTimersByTime(2000);
    expect(streams[2]!.params.get('resourceVersion')).toBe('107');
  });

  it('starts the backoff afresh once events flow again', () => {
    const w = watch();
    streams[0]!.drop();
    vi.advanceTimersByTime(1000);
    streams[1]!.drop();
    vi.advanceTimersByTime(2000);
    streams[2]!.send({ kind: 'node', type: 'MODIFIED', name: 'n1' });
    streams[2]!.drop();
    expect(w.last()).toMatchObject({ retryInMs: 1000 });
  });

  it('stops after a reset (only a new list can follow) and when closed', () => {
    const w = watch();
    streams[0]!.send({ kind: 'reset' });
    expect(streams[0]!.closed).toBe(true);
    expect(w.last()).toEqual({ status: 'resyncing' });
    expect(w.events).toEqual([{ kind: 'reset' }]);
    vi.advanceTimersByTime(60_000);
    expect(streams).toHaveLength(1);

    const other = watch();
    streams[1]!.drop();
    other.close();
    vi.advanceTimersByTime(60_000);
    expect(streams).toHaveLength(2);
  });

  it('ignores data that is not a watch event', () => {
    expect(parseWatchEvent('not json')).toBeUndefined();
    expect(parseWatchEvent('{"kind":"other"}')).toBeUndefined();
    expect(parseWatchEvent('{"kind":"reset"}')).toEqual({ kind: 'reset' });
  });
});
