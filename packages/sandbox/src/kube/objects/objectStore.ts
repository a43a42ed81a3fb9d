import type { KubeObject } from './types.ts';

/** A change as watches deliver it: the stored object after the change (or the last one, for DELETED). */
export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  plural: string;
  object: KubeObject;
  /** The object before a MODIFIED change (watches with selectors need both). */
  previous?: KubeObject;
  resourceVersion: number;
}

export type StoreListener = (event: StoreEvent) => void;

/** A write the API answers with 409 Conflict / AlreadyExists, or 404 NotFound. */
export class StoreConflictError extends Error {
  constructor(
    readonly reason: 'AlreadyExists' | 'Conflict' | 'NotFound',
    message: string,
  ) {
    super(message);
  }
}

export const keyOf = (namespace: string | undefined, name: string) =>
  namespace ? `${namespace}/${name}` : name;

const objectKey = (object: KubeObject) => keyOf(object.metadata.namespace, object.metadata.name);

/** The objects of one resource, indexed by namespace, owner and (for pods) node. */
class Collection {
  readonly byKey = new Map<string, KubeObject>();
  private readonly byNamespace = new Map<string, Set<string>>();
  private readonly byOwner = new Map<string, Set<string>>();
  private readonly byNode = new Map<string, Set<string>>();
  private sortedAll: string[] | undefined;
  private readonly sortedByNamespace = new Map<string, string[]>();

  add(key: string, object: KubeObject): void {
    this.byKey.set(key, object);
    this.index(key, object, 1);
    this.sortedAll = undefined;
    this.sortedByNamespace.delete(object.metadata.namespace ?? '');
  }

  replace(key: string, previous: KubeObject, next: KubeObject): void {
    this.index(key, previous, -1);
    this.byKey.set(key, next);
    this.index(key, next, 1);
  }

  remove(key: string, object: KubeObject): void {
    this.byKey.delete(key);
    this.index(key, object, -1);
    this.sortedAll = undefined;
    this.sortedByNamespace.delete(object.metadata.namespace ?? '');
  }

  private index(key: string, object: KubeObject, delta: 1 | -1): void {
    const touch = (map: Map<string, Set<string>>, value: string | undefined) => {
      if (value === undefined || value === '') return;
      let keys = map.get(value);
      if (delta === 1) {
        if (!keys) map.set(value, (keys = new Set()));
        keys.add(key);
      } else {
        keys?.delete(key);
        if (keys?.size === 0) map.delete(value);
      }
    };
    touch(this.byNamespace, object.metadata.namespace);
    for (const owner of object.metadata.ownerReferences ?? []) touch(this.byOwner, owner.uid);
    touch(this.byNode, (object.spec as { nodeName?: string } | undefined)?.nodeName);
  }

  /** Keys in etcd order (namespace, then name), cached until the set of keys changes. */
  sortedKeys(namespace?: string): string[] {
    if (namespace === undefined) {
      this.sortedAll ??= [...this.byKey.keys()].sort();
      return this.sortedAll;
    }
    let sorted = this.sortedByNamespace.get(namespace);
    if (!sorted) {
      sorted = [...(this.byNamespace.get(namespace) ?? [])].sort();
      this.sortedByNamespace.set(namespace, sorted);
    }
    return sorted;
  }

  ownedBy(uid: string): KubeObject[] {
    return [...(this.byOwner.get(uid) ?? [])].map((key) => this.byKey.get(key)!);
  }

  onNode(node: string): string[] {
    return [...(this.byNode.get(node) ?? [])].sort();
  }

  inNamespace(namespace: string): number {
    return this.byNamespace.get(namespace)?.size ?? 0;
  }
}

const HISTORY = 5_000;

/**
 * The objects of one cluster, with one resourceVersion counter for all of
 * them (as etcd has), the recent changes for watches that resume from a
 * resourceVersion, and listeners (watch streams, the simulation).
 */
export class ObjectStore {
  private revision = 0;
  private readonly collections = new Map<string, Collection>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<StoreListener>();
  private readonly changesByPlural = new Map<string, number>();

  constructor(private readonly newUid: () => string) {}

  get resourceVersion(): number {
    return this.revision;
  }

  private collection(plural: string): Collection {
    let collection = this.collections.get(plural);
    if (!collection) this.collections.set(plural, (collection = new Collection()));
    return collection;
  }

  get<T extends KubeObject>(
    plural: string,
    namespace: string | undefined,
    name: string,
  ): T | undefined {
    return this.collection(plural).byKey.get(keyOf(namespace, name)) as T | undefined;
  }

  all<T extends KubeObject>(plural: string, namespace?: string): T[] {
    const collection = this.collection(plural);
    if (namespace === undefined) return [...collection.byKey.values()] as T[];
    return collection.sortedKeys(namespace).map((key) => collection.byKey.get(key)!) as T[];
  }

  count(plural: string, namespace?: string): number {
    const collection = this.collection(plural);
    return namespace === undefined ? collection.byKey.size : collection.inNamespace(namespace);
  }

  sortedKeys(plural: string, namespace?: string): string[] {
    return this.collection(plural).sortedKeys(namespace);
  }

  byKey<T extends KubeObject>(plural: string, key: string): T | undefined {
    return this.collection(plural).byKey.get(key) as T | undefined;
  }

  /** Objects whose ownerReferences name `uid`. */
  ownedBy<T extends KubeObject>(plural: string, uid: string): T[] {
    return this.collection(plural).ownedBy(uid) as T[];
  }

  /** Pod keys bound to a node (spec.nodeName), sorted. */
  keysOnNode(plural: string, node: string): string[] {
    return this.collection(plural).onNode(node);
  }

  create<T extends KubeObject>(plural: string, object: T, createdAt: string): T {
    const key = objectKey(object);
    const collection = this.collection(plural);
    if (collection.byKey.has(key)) {
      throw new StoreConflictError(
        'AlreadyExists',
        `${plural} "${object.metadata.name}" already exists`,
      );
    }
    const stored = {
      ...object,
      metadata: {
        ...object.metadata,
        uid: object.metadata.uid || this.newUid(),
        creationTimestamp: object.metadata.creationTimestamp || createdAt,
        resourceVersion: String(++this.revision),
      },
    } as T;
    collection.add(key, stored);
    this.emit({ type: 'ADDED', plural, object: stored, resourceVersion: this.revision });
    return stored;
  }

  /** Writes a new version of an existing object; with `expectVersion`, refuses a stale one (409). */
  replace<T extends KubeObject>(plural: string, object: T, expectVersion?: string): T {
    const key = objectKey(object);
    const collection = this.collection(plural);
    const previous = collection.byKey.get(key);
    if (!previous)
      throw new StoreConflictError('NotFound', `${plural} "${object.metadata.name}" not found`);
    if (expectVersion !== undefined && expectVersion !== previous.metadata.resourceVersion) {
      throw new StoreConflictError(
        'Conflict',
        `Operation cannot be fulfilled on ${plural} "${object.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
    const stored = {
      ...object,
      metadata: {
        ...object.metadata,
        uid: previous.metadata.uid,
        creationTimestamp: previous.metadata.creationTimestamp,
        resourceVersion: String(++this.revision),
      },
    } as T;
    collection.replace(key, previous, stored);
    this.emit({
      type: 'MODIFIED',
      plural,
      object: stored,
      previous,
      resourceVersion: this.revision,
    });
    return stored;
  }

  /**
   * Applies `change` to a copy of the object and writes it only when something
   * changed, so a controller that reconciles every tick makes no empty events.
   */
  update<T extends KubeObject>(plural: string, current: T, change: (draft: T) => void): T {
    const draft = structuredClone(current);
    change(draft);
    draft.metadata.resourceVersion = current.metadata.resourceVersion;
    if (JSON.stringify(draft) === JSON.stringify(current)) return current;
    return this.replace(plural, draft);
  }

  remove(plural: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const key = keyOf(namespace, name);
    const collection = this.collection(plural);
    const previous = collection.byKey.get(key);
    if (!previous) return undefined;
    collection.remove(key, previous);
    const last = {
      ...previous,
      metadata: { ...previous.metadata, resourceVersion: String(++this.revision) },
    };
    this.emit({ type: 'DELETED', plural, object: last, resourceVersion: this.revision });
    return last;
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Changes after `resourceVersion` (oldest first), or undefined when they are
   * no longer all held (the watch answers 410 Gone, the client lists again).
   */
  changesSince(resourceVersion: number): StoreEvent[] | undefined {
    if (resourceVersion >= this.revision) return [];
    const oldest = this.history[0]?.resourceVersion ?? this.revision + 1;
    if (resourceVersion < oldest - 1) return undefined;
    let low = 0;
    let high = this.history.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.history[middle]!.resourceVersion <= resourceVersion) low = middle + 1;
      else high = middle;
    }
    return this.history.slice(low);
  }

  /** Counts changes to one resource: lets a controller notice "some node changed" cheaply. */
  changeCount(plural: string): number {
    return this.changesByPlural.get(plural) ?? 0;
  }

  private emit(event: StoreEvent): void {
    this.changesByPlural.set(event.plural, (this.changesByPlural.get(event.plural) ?? 0) + 1);
    this.history.push(event);
    // Trimmed in chunks, so a burst of writes does not shift the array on every one.
    if (this.history.length > HISTORY + 256) this.history.splice(0, this.history.length - HISTORY);
    for (const listener of this.listeners) listener(event);
  }
}
