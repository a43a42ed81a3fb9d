import { describe, expect, it } from 'vitest';
import type { PodSummary } from '@wheelhouse/contract';
import { pod } from '../test/workloadFixtures.ts';
import {
  EMPTY_POD_LIST,
  appendPodPage,
  applyPodEvents,
  podFilterMatcher,
  type PodWatchEvent,
} from './podList.ts';

const names = (items: PodSummary[]) => items.map((p) => p.name);
const event = (type: PodWatchEvent['type'], object: PodSummary): PodWatchEvent => ({
  kind: 'pod',
  type,
  object,
});
const all = () => true;

describe('pods list state', () => {
  it('appends pages, keeps the first resourceVersion and completes on the last page', () => {
    const first = appendPodPage(EMPTY_POD_LIST, {
      items: [pod({ name: 'a' }), pod({ name: 'b' })],
      continue: 'next',
      resourceVersion: '10',
    });
    expect(first).toMatchObject({ resourceVersion: '10', complete: false });
    const last = appendPodPage(first, { items: [pod({ name: 'c' })], resourceVersion: '10' });
    expect(names(last.items)).toEqual(['a', 'b', 'c']);
    expect(last.complete).toBe(true);
  });

  it('updates a row in place, appends a new pod and removes a deleted one', () => {
    const state = appendPodPage(EMPTY_POD_LIST, {
      items: [pod({ name: 'a', phase: 'Pending' }), pod({ name: 'b' })],
    });
    const next = applyPodEvents(
      state,
      [
        event('MODIFIED', pod({ name: 'a', phase: 'Running' })),
        event('ADDED', pod({ name: 'c' })),
        event('DELETED', pod({ name: 'b' })),
      ],
      all,
    );
    expect(names(next.items)).toEqual(['a', 'c']);
    expect(next.items[0]?.phase).toBe('Running');
    // Rows nobody changed keep their identity (no re-render of cells that did not change).
    const untouched = applyPodEvents(next, [event('MODIFIED', pod({ name: 'c' }))], all);
    expect(untouched.items[0]).toBe(next.items[0]);
  });

  it('does not let an older page bring back what the watch changed or removed while loading', () => {
    const first = appendPodPage(EMPTY_POD_LIST, {
      items: [pod({ name: 'a' })],
      continue: 'next',
      resourceVersion: '10',
    });
    const watched = applyPodEvents(
      first,
      [
        event('MODIFIED', pod({ name: 'x', phase: 'Failed', reason: 'Error' })),
        event('DELETED', pod({ name: 'y' })),
      ],
      all,
    );
    const last = appendPodPage(watched, {
      items: [pod({ name: 'x', phase: 'Running' }), pod({ name: 'y' }), pod({ name: 'z' })],
    });
    expect(names(last.items)).toEqual(['a', 'x', 'z']);
    expect(last.items.find((p) => p.name === 'x')?.phase).toBe('Failed');
    expect(last.removed.size).toBe(0);
  });

  it('drops a pod that stops matching the filters, like a deleted one', () => {
    const pending = podFilterMatcher({ phase: 'Pending' });
    const state = appendPodPage(EMPTY_POD_LIST, { items: [pod({ name: 'a', phase: 'Pending' })] });
    const next = applyPodEvents(
      state,
      [event('MODIFIED', pod({ name: 'a', phase: 'Running' }))],
      pending,
    );
    expect(next.items).toEqual([]);
  });
});

describe('podFilterMatcher', () => {
  it('applies namespace, node, phase and label selector as the server does', () => {
    const matches = podFilterMatcher({
      namespace: 'shop',
      node: 'n1',
      phase: 'Running',
      labelSelector: 'app=web,tier!=batch',
    });
    const base = { namespace: 'shop', node: 'n1', phase: 'Running', labels: { app: 'web' } };
    expect(matches(pod(base))).toBe(true);
    expect(matches(pod({ ...base, namespace: 'other' }))).toBe(false);
    expect(matches(pod({ ...base, node: 'n2' }))).toBe(false);
    expect(matches(pod({ ...base, phase: 'Pending' }))).toBe(false);
    expect(matches(pod({ ...base, labels: { app: 'web', tier: 'batch' } }))).toBe(false);
    expect(podFilterMatcher({})(pod({ labels: {} }))).toBe(true);
  });
});
