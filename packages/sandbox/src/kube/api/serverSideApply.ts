import { apiVersionOf } from '../objects/resourceTypes.ts';
import type { KubeObject } from '../objects/types.ts';
import { kubeTime } from '../objects/meta.ts';
import type { KubeCluster } from '../sim/kubeCluster.ts';
import {
  fieldName,
  leafPaths,
  overlaps,
  ownershipOf,
  removeAt,
  setAt,
  toManagedFields,
  valueAt,
  type FieldPath,
  type Ownership,
} from './fieldOwnership.ts';
import { flag, readYamlBody, type KubeExchange } from './httpExchange.ts';
import type { ResourceRequest } from './resourcePath.ts';
import { KubeStatusError, kubeErrors } from './status.ts';
import { asObject, create, writeChanged } from './writes.ts';

/**
 * Server-side apply (PATCH, Content-Type application/apply-patch+yaml): the
 * manager's applied configuration is merged into the live object; a field
 * whose value would change while another manager owns it is a conflict (409)
 * unless ?force=true takes it over; fields the manager applied before and
 * leaves out now are removed when no one else holds them.
 */

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const key = (path: FieldPath) => JSON.stringify(path);

interface Conflict {
  owner: Ownership;
  path: FieldPath;
}

/** kube-apiserver's wording: `Apply failed with 1 conflict: conflict with "m" using apps/v1: .spec.replicas`. */
function conflictError(conflicts: Conflict[]): KubeStatusError {
  const byOwner = new Map<string, Conflict[]>();
  for (const conflict of conflicts) {
    const name = `"${conflict.owner.manager}" using ${conflict.owner.apiVersion}`;
    byOwner.set(name, [...(byOwner.get(name) ?? []), conflict]);
  }
  const parts = [...byOwner].map(([owner, list]) =>
    list.length === 1
      ? `conflict with ${owner}: ${fieldName(list[0]!.path)}`
      : `conflicts with ${owner}:\n${list.map((c) => `- ${fieldName(c.path)}`).join('\n')}`,
  );
  const count = `${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}`;
  return new KubeStatusError(409, 'Conflict', `Apply failed with ${count}: ${parts.join('\n')}`, {
    causes: conflicts.map((conflict) => ({
      reason: 'FieldManagerConflict',
      message: `conflict with "${conflict.owner.manager}" using ${conflict.owner.apiVersion}`,
      field: fieldName(conflict.path),
    })),
  });
}

export async function serveApply(
  kube: KubeCluster,
  exchange: KubeExchange,
  request: ResourceRequest,
): Promise<void> {
  const manager = exchange.query.get('fieldManager');
  if (!manager) {
    throw kubeErrors.invalid(
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    );
  }
  const force = flag(exchange.query, 'force');
  const applied = asObject(await readYamlBody(exchange));
  const { type } = request;
  if (!applied.apiVersion || !applied.kind) {
    throw kubeErrors.badRequest(
      "error decoding YAML: Object 'Kind' is missing or 'apiVersion' is missing",
    );
  }
  if (applied.kind !== type.kind || applied.apiVersion !== apiVersionOf(type)) {
    throw kubeErrors.badRequest(
      `the API version in the data (${applied.apiVersion}) does not match the expected API version (${apiVersionOf(type)})`,
    );
  }
  applied.metadata = { ...applied.metadata, name: applied.metadata?.name ?? request.name! };
  const appliedPaths = leafPaths(applied);
  const current = kube.store.get<KubeObject>(type.plural, request.namespace, request.name!);
  const record = (time: string): Ownership => ({
    manager,
    operation: 'Apply',
    apiVersion: apiVersionOf(type),
    time,
    paths: appliedPaths,
  });
  if (!current) {
    if (applied.metadata.name !== request.name)
      throw kubeErrors.badRequest('the name of the object does not match the name on the URL');
    return create(kube, exchange, request, applied, (_object, time) =>
      toManagedFields([record(time)]),
    );
  }

  const owners = ownershipOf(current);
  const isMine = (owner: Ownership) => owner.manager === manager && owner.operation === 'Apply';
  const mine = owners.find(isMine);
  const others = owners.filter((owner) => !isMine(owner));
  const conflicts: Conflict[] = [];
  for (const path of appliedPaths) {
    if (same(valueAt(current, path), valueAt(applied, path))) continue;
    for (const owner of others)
      if (owner.paths.some((held) => overlaps(held, path))) conflicts.push({ owner, path });
  }
  if (conflicts.length > 0 && !force) throw conflictError(conflicts);

  const next = structuredClone(current) as unknown as Record<string, unknown>;
  const appliedKeys = new Set(appliedPaths.map(key));
  for (const dropped of mine?.paths ?? []) {
    if (appliedKeys.has(key(dropped))) continue;
    if (others.some((owner) => owner.paths.some((held) => overlaps(held, dropped)))) continue;
    removeAt(next, dropped);
  }
  for (const path of appliedPaths) setAt(next, path, valueAt(applied, path));
  // Forced: the fields change hands; unchanged values stay shared with their other owners.
  for (const { owner, path } of conflicts)
    owner.paths = owner.paths.filter((held) => !overlaps(held, path));
  const time = kubeTime(kube.context.now());
  const object = next as unknown as KubeObject;
  object.metadata.resourceVersion = applied.metadata.resourceVersion ?? '';
  writeChanged(
    kube,
    request,
    current,
    object,
    exchange,
    toManagedFields([...others, record(time)]),
  );
}
