import { describe, expect, it } from 'vitest';
import { ObjectStore } from '../objects/objectStore.ts';
import { resourceTypeOfKind } from '../objects/resourceTypes.ts';
import type { KubeObject } from '../objects/types.ts';
import { listPage } from './listing.ts';

const CREATED = '2026-11-27T00:00:00Z';

function pod(name: string, namespace = 'default', phase = 'Running'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' },
    status: { phase },
  };
}

function storeWith(names: string[]): ObjectStore {
  let uid = 0;
  const store = new ObjectStore(() => `uid-${++uid}`);
  for (const name of names) store.create('pods', pod(name), CREATED);
  return store;
}

const pods = { type: resourceTypeOfKind('Pod') };
const names = (items: KubeObject[]) => items.map((item) => item.metadata.name);

/** Every page after the first, following continue tokens from `first`. */
function rest(store: ObjectStore, namespace: string | undefined, first: string | undefined) {
  const items: KubeObject[] = [];
  let next = first;
  while (next) {
    const page = listPage(
      store,
      { ...pods, ...(namespace ? { namespace } : {}) },
      new URLSearchParams({ limit: '2', continue: next }),
    );
    items.push(...page.items);
    next = page.metadata.continue;
  }
  return items;
}

describe('listPage with continue tokens', () => {
  it('serves every page from the first page’s snapshot while pods come and go', () => {
    const store = storeWith(['a', 'b', 'c', 'd', 'e', 'f']);
    const first = listPage(store, pods, new URLSearchParams({ limit: '2' }));
    expect(names(first.items)).toEqual(['a', 'b']);
    expect(first.metadata.remainingItemCount).toBe(4);

    store.remove('pods', 'default', 'd');
    store.create('pods', pod('c2'), CREATED);
    store.create('pods', pod('a2'), CREATED);
    const e = store.get<KubeObject>('pods', 'default', 'e')!;
    store.update('pods', e, (draft) => {
      draft.status = { phase: 'Failed' };
    });

    const later = rest(store, undefined, first.metadata.continue);
    expect(names(later)).toEqual(['c', 'd', 'e', 'f']);
    expect(later.find((item) => item.metadata.name === 'e')?.status).toEqual({
      phase: 'Running',
    });
    // A new list sees the store as it is now.
    const now = listPage(store, pods, new URLSearchParams());
    expect(names(now.items)).toEqual(['a', 'a2', 'b', 'c', 'c2', 'e', 'f']);
  });

  it('keeps a namespaced snapshot to its namespace', () => {
    const store = storeWith(['a', 'b', 'c']);
    store.create('pods', pod('x', 'other'), CREATED);
    const first = listPage(
      store,
      { ...pods, namespace: 'default' },
      new URLSearchParams({ limit: '2' }),
    );
    store.remove('pods', 'other', 'x');
    store.remove('pods', 'default', 'c');
    expect(names(rest(store, 'default', first.metadata.continue))).toEqual(['c']);
  });
});
