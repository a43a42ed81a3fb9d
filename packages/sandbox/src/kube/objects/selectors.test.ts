import { describe, expect, it } from 'vitest';
import {
  SelectorError,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors.ts';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'frontend', 'app.kubernetes.io/name': 'shop' };
  const matches = (selector: string) => matchesLabels(parseLabelSelector(selector), labels);

  it('match =, ==, !=, in, notin, exists and !exists, all required at once', () => {
    expect(matches('app=web')).toBe(true);
    expect(matches('app==web,tier=frontend')).toBe(true);
    expect(matches('app!=web')).toBe(false);
    expect(matches('app!=api')).toBe(true);
    expect(matches('tier in (frontend, backend)')).toBe(true);
    expect(matches('tier notin (frontend)')).toBe(false);
    expect(matches('missing notin (x)')).toBe(true);
    expect(matches('app.kubernetes.io/name')).toBe(true);
    expect(matches('!app.kubernetes.io/name')).toBe(false);
    expect(matches('!missing,app in (web),tier')).toBe(true);
    expect(matches('app=web,missing')).toBe(false);
  });

  it('refuses keys that are not label keys', () => {
    expect(() => parseLabelSelector('bad key=1')).toThrow(SelectorError);
  });
});

describe('field selectors', () => {
  it('parse =, == and != and refuse fields the kind does not support', () => {
    const supported = (field: string) => field === 'status.phase';
    expect(parseFieldSelector('status.phase!=Running', supported)).toEqual([
      { field: 'status.phase', value: 'Running', negate: true },
    ]);
    expect(() => parseFieldSelector('spec.color=blue', supported)).toThrow(
      'field label not supported: spec.color',
    );
  });
});
