import { describe, expect, it } from 'vitest';
import {
  parseResourcesParams,
  resourcesHref,
  sortOf,
  switchView,
  writeResourcesParams,
} from './resourcesParams.ts';

describe('Resources URL state', () => {
  it('reads view, namespace, filters and sort, ignoring unknown values', () => {
    const params = parseResourcesParams(
      new URLSearchParams(
        'tab=resources&view=pods&ns=shop&q=web&phase=Pending&node=n1&labels=app%3Dweb&sort=restarts&dir=desc',
      ),
    );
    expect(params).toEqual({
      view: 'pods',
      ns: 'shop',
      q: 'web',
      phase: 'Pending',
      node: 'n1',
      labels: 'app=web',
      kind: '',
      reason: '',
      type: '',
      sort: 'restarts',
      desc: true,
    });
    expect(
      parseResourcesParams(new URLSearchParams('view=events&kind=Pod&reason=BackOff&type=Bogus')),
    ).toMatchObject({ view: 'events', kind: 'Pod', reason: 'BackOff', type: '' });
    expect(parseResourcesParams(new URLSearchParams('view=secrets&phase=Sleeping'))).toMatchObject({
      view: 'workloads',
      phase: '',
    });
  });

  it('writes only what is set and keeps the tab', () => {
    const current = new URLSearchParams('tab=resources&view=pods&ns=shop&q=web');
    const next = writeResourcesParams(current, {
      ...parseResourcesParams(current),
      ns: '',
      labels: 'app=web',
    });
    expect(next.toString()).toBe('tab=resources&view=pods&q=web&labels=app%3Dweb');
  });

  it('switching views keeps the namespace only', () => {
    const params = parseResourcesParams(
      new URLSearchParams('view=pods&ns=shop&q=web&node=n1&sort=age'),
    );
    expect(switchView(params, 'services')).toEqual({
      view: 'services',
      ns: 'shop',
      q: '',
      phase: '',
      node: '',
      labels: '',
      kind: '',
      reason: '',
      type: '',
      sort: '',
      desc: false,
    });
    expect(sortOf(switchView(params, 'nodes'), 'name')).toEqual({ id: 'name', desc: false });
  });

  it('links to the pods of a node', () => {
    expect(resourcesHref('/clusters/1/eu-west-1/prod', 'pods', { node: 'ip-10-0-1-5' })).toBe(
      '/clusters/1/eu-west-1/prod?tab=resources&view=pods&node=ip-10-0-1-5',
    );
  });
});
