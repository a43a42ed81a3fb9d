import type { KubeObject, ManagedFieldsEntry } from '../objects/types.ts';

/**
 * Field ownership as server-side apply keeps it in metadata.managedFields:
 * which manager set which fields. Lists count as one field each (kube-apiserver
 * tracks list items by merge key; the sandbox treats every list as atomic).
 */

export type FieldPath = string[];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Metadata the server owns: no manager ever holds these. */
const SERVER_METADATA = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'managedFields',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generateName',
]);

/** The leaf fields an object sets (its status and identity aside). */
export function leafPaths(object: unknown): FieldPath[] {
  const paths: FieldPath[] = [];
  const walk = (value: unknown, path: FieldPath) => {
    if (isObject(value) && Object.keys(value).length > 0) {
      for (const [key, child] of Object.entries(value)) {
        if (path.length === 0 && (key === 'apiVersion' || key === 'kind' || key === 'status'))
          continue;
        if (path.length === 1 && path[0] === 'metadata' && SERVER_METADATA.has(key)) continue;
        walk(child, [...path, key]);
      }
    } else if (path.length > 0) paths.push(path);
  };
  walk(object, []);
  return paths;
}

export function valueAt(object: unknown, path: FieldPath): unknown {
  let current = object;
  for (const key of path) current = isObject(current) ? current[key] : undefined;
  return current;
}

export function setAt(object: Record<string, unknown>, path: FieldPath, value: unknown): void {
  let current = object;
  for (const key of path.slice(0, -1)) {
    if (!isObject(current[key])) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[path.at(-1)!] = structuredClone(value);
}

export function removeAt(object: Record<string, unknown>, path: FieldPath): void {
  const parents: Array<Record<string, unknown>> = [];
  let current: unknown = object;
  for (const key of path.slice(0, -1)) {
    if (!isObject(current)) return;
    parents.push(current);
    current = current[key];
  }
  if (!isObject(current)) return;
  delete current[path.at(-1)!];
  // A map emptied by the removal goes too, as it would had the manager never set it.
  for (let depth = path.length - 2; depth >= 0; depth--) {
    const parent = parents[depth]!;
    const child = parent[path[depth]!];
    if (isObject(child) && Object.keys(child).length === 0) delete parent[path[depth]!];
    else break;
  }
}

/** fieldsV1 form: {"f:spec": {"f:replicas": {}}}. */
export function toFieldsV1(paths: FieldPath[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const path of paths) {
    let node = root;
    for (const key of path) {
      node[`f:${key}`] ??= {};
      node = node[`f:${key}`] as Record<string, unknown>;
    }
  }
  return root;
}

export function fromFieldsV1(fields: Record<string, unknown>): FieldPath[] {
  const paths: FieldPath[] = [];
  const walk = (node: Record<string, unknown>, path: FieldPath) => {
    const keys = Object.keys(node).filter((key) => key.startsWith('f:'));
    if (keys.length === 0 && path.length > 0) paths.push(path);
    for (const key of keys) walk(node[key] as Record<string, unknown>, [...path, key.slice(2)]);
  };
  walk(fields, []);
  return paths;
}

const key = (path: FieldPath) => JSON.stringify(path);

/** Whether two fields overlap: the same, or one inside the other. */
export function overlaps(a: FieldPath, b: FieldPath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `.spec.replicas`, as kube-apiserver names a field in a conflict. */
export function fieldName(path: FieldPath): string {
  return path
    .map((part) => (/^[A-Za-z_][\w-]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`))
    .join('');
}

export interface Ownership {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  paths: FieldPath[];
}

export function ownershipOf(object: KubeObject): Ownership[] {
  return (object.metadata.managedFields ?? []).map((entry) => ({
    manager: entry.manager,
    operation: entry.operation,
    apiVersion: entry.apiVersion,
    time: entry.time,
    paths: fromFieldsV1(entry.fieldsV1),
  }));
}

export function toManagedFields(owners: Ownership[]): ManagedFieldsEntry[] {
  return owners
    .filter((owner) => owner.paths.length > 0)
    .map((owner) => ({
      manager: owner.manager,
      operation: owner.operation,
      apiVersion: owner.apiVersion,
      time: owner.time,
      fieldsType: 'FieldsV1',
      fieldsV1: toFieldsV1(owner.paths),
    }));
}

/**
 * Gives `manager` (an Update: create, replace or patch) the fields it changed,
 * taking them from whoever held them, as kube-apiserver does for non-apply writes.
 */
export function recordUpdate(
  previous: KubeObject | undefined,
  next: KubeObject,
  manager: string,
  time: string,
): KubeObject['metadata']['managedFields'] {
  const before = new Map(
    (previous ? leafPaths(previous) : []).map((path) => [key(path), valueAt(previous, path)]),
  );
  const after = leafPaths(next);
  const changed = after.filter(
    (path) => JSON.stringify(before.get(key(path))) !== JSON.stringify(valueAt(next, path)),
  );
  const owners = previous ? ownershipOf(previous) : [];
  const present = new Set(after.map(key));
  for (const owner of owners)
    owner.paths = owner.paths.filter(
      (path) => present.has(key(path)) && !changed.some((change) => overlaps(change, path)),
    );
  let mine = owners.find((owner) => owner.manager === manager && owner.operation === 'Update');
  if (!mine) {
    mine = { manager, operation: 'Update', apiVersion: next.apiVersion, time, paths: [] };
    owners.push(mine);
  }
  mine.time = time;
  mine.paths = [
    ...mine.paths,
    ...changed.filter((path) => !mine.paths.some((held) => key(held) === key(path))),
  ];
  return toManagedFields(owners);
}
