import { describe, expect, it } from 'vitest';
import { matchesLabels } from './labelSelector.ts';
import { SearchQuery, searchTermsOf } from './search.ts';

describe('searchTermsOf', () => {
  it('reads words as pieces of names, lower-cased', () => {
    expect(searchTermsOf('  Checkout ')).toEqual({ mode: 'name', text: 'checkout' });
  });

  it('reads selectors as the API server would, rewritten in its own syntax', () => {
    expect(searchTermsOf('app == web, tier in (a, b),!canary')).toMatchObject({
      mode: 'label',
      selector: 'app=web,tier in (a,b),!canary',
    });
    expect(searchTermsOf('app.kubernetes.io/name')).toMatchObject({
      mode: 'label',
      selector: 'app.kubernetes.io/name',
    });
    expect(searchTermsOf('label:team')).toMatchObject({ mode: 'label', selector: 'team' });
  });

  it('refuses what looks like a selector but is not one', () => {
    expect(searchTermsOf('app=a b')).toBeUndefined();
    expect(searchTermsOf('tier in (a,b')).toBeUndefined();
  });
});

describe('matchesLabels on search terms', () => {
  it('follows Kubernetes: != and notin match labels that are absent', () => {
    const terms = searchTermsOf('env!=prod,team');
    if (terms?.mode !== 'label') throw new Error('not a selector');
    expect(matchesLabels({ team: 'a' }, terms.requirements)).toBe(true);
    expect(matchesLabels({ team: 'a', env: 'prod' }, terms.requirements)).toBe(false);
    expect(matchesLabels({ env: 'dev' }, terms.requirements)).toBe(false);
  });
});

describe('SearchQuery', () => {
  it('names the field that is wrong', () => {
    const bad = SearchQuery.safeParse({ q: 'x', kinds: 'pod,secret' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['kinds']);
    expect(SearchQuery.parse({ q: 'web' }).kinds).toEqual([
      'cluster',
      'nodegroup',
      'namespace',
      'workload',
      'pod',
    ]);
  });
});
