import { describe, expect, it } from 'vitest';
import { selectorMatches } from './nodegroupDisruption.ts';

describe('selectorMatches', () => {
  const labels = { app: 'web', tier: 'front' };

  it('reads matchLabels and every matchExpressions operator as Kubernetes does', () => {
    expect(selectorMatches({ matchLabels: { app: 'web' } }, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { app: 'api' } }, labels)).toBe(false);
    expect(
      selectorMatches(
        { matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] },
        labels,
      ),
    ).toBe(true);
    expect(
      selectorMatches(
        { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] },
        labels,
      ),
    ).toBe(false);
    expect(
      selectorMatches({ matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist' }] }, labels),
    ).toBe(true);
    expect(
      selectorMatches({ matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }, labels),
    ).toBe(false);
  });

  it('lets an empty policy/v1 selector select every pod', () => {
    expect(selectorMatches({}, labels)).toBe(true);
    expect(selectorMatches(undefined, {})).toBe(true);
  });
});
