import { describe, expect, it } from 'vitest';
import { matchesLabels, parseLabelSelector } from './labelSelector.ts';

const matches = (selector: string, labels: Record<string, string>) =>
  matchesLabels(labels, parseLabelSelector(selector) ?? []);

describe('label selectors', () => {
  it('reads equality, set and existence requirements', () => {
    expect(parseLabelSelector('app=web, tier in (front, back),!canary,env!=dev,team')).toEqual([
      { key: 'app', op: 'in', values: ['web'] },
      { key: 'tier', op: 'in', values: ['front', 'back'] },
      { key: 'canary', op: 'absent' },
      { key: 'env', op: 'notin', values: ['dev'] },
      { key: 'team', op: 'exists' },
    ]);
    expect(parseLabelSelector('')).toEqual([]);
  });

  it('refuses what kubectl would refuse', () => {
    expect(parseLabelSelector('app=')).toEqual([{ key: 'app', op: 'in', values: [''] }]);
    expect(parseLabelSelector('app in web')).toBeUndefined();
    expect(parseLabelSelector('=web')).toBeUndefined();
    expect(parseLabelSelector('a=b,,c=d')).toBeUndefined();
    // Keys and values as Kubernetes defines them: one prefix, alphanumeric at both ends.
    expect(parseLabelSelector('example.com/a/b=x')).toBeUndefined();
    expect(parseLabelSelector('app-=web')).toBeUndefined();
    expect(parseLabelSelector('app=web-')).toBeUndefined();
  });

  it('matches as Kubernetes does', () => {
    const labels = { app: 'web', 'app.kubernetes.io/part-of': 'shop', tier: 'front' };
    expect(matches('app=web', labels)).toBe(true);
    expect(matches('app==api', labels)).toBe(false);
    expect(matches('tier in (front,back)', labels)).toBe(true);
    expect(matches('tier notin (front)', labels)).toBe(false);
    expect(matches('env!=prod', labels)).toBe(true);
    expect(matches('env notin (prod)', labels)).toBe(true);
    expect(matches('app.kubernetes.io/part-of', labels)).toBe(true);
    expect(matches('!app', labels)).toBe(false);
    expect(matches('app=web,env=prod', labels)).toBe(false);
  });
});
