import { describe, expect, it } from 'vitest';
import type { EventGroup } from '@wheelhouse/contract';
import type { KubeEventObject } from './kubeTypes.ts';
import { groupEvents, objectYaml, selectorQuery } from './objectDetail.ts';

const event = (reason: string, message: string, first: string, last: string, count = 1) =>
  ({
    metadata: { name: `${reason}.${first}`, uid: `${reason}${first}` },
    involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'shop' },
    type: 'Warning',
    reason,
    message,
    count,
    firstTimestamp: first,
    lastTimestamp: last,
    source: { component: 'kubelet' },
  }) as KubeEventObject;

describe('groupEvents', () => {
  it('sums counts, spans first to last seen and keeps distinct messages newest first', () => {
    const groups = groupEvents<EventGroup>(
      [
        event('BackOff', 'Back-off restarting', '2026-12-04T10:00:00Z', '2026-12-04T10:05:00Z', 7),
        event('Failed', 'Error: ErrImagePull', '2026-12-04T09:00:00Z', '2026-12-04T09:01:00Z'),
        event('BackOff', 'Back-off again', '2026-12-04T08:00:00Z', '2026-12-04T10:09:00Z', 3),
      ],
      (e) => `${e.type}|${e.reason}`,
      () => ({}),
    );
    expect(groups.map((g) => g.reason)).toEqual(['BackOff', 'Failed']);
    expect(groups[0]).toMatchObject({
      count: 10,
      firstSeen: '2026-12-04T08:00:00Z',
      lastSeen: '2026-12-04T10:09:00Z',
      message: 'Back-off again',
      messages: ['Back-off again', 'Back-off restarting'],
      source: 'kubelet',
    });
  });
});

describe('selectorQuery', () => {
  it('writes matchLabels and matchExpressions as the API server reads them', () => {
    expect(
      selectorQuery({
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['a', 'b'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('app=web,tier in (a,b),!canary');
    expect(selectorQuery({})).toBeUndefined();
  });
});

describe('objectYaml', () => {
  it('folds managedFields away from the YAML', () => {
    const folded = objectYaml({
      kind: 'Pod',
      metadata: { name: 'p', uid: 'u', managedFields: [{ manager: 'kubectl' }] },
    });
    expect(folded.yaml).not.toContain('managedFields');
    expect(folded.managedFieldsCount).toBe(1);
    expect(folded.managedFieldsYaml).toContain('manager: kubectl');
  });
});
