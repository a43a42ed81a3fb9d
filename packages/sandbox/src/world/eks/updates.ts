import { randomUUID } from 'node:crypto';
import type { World } from '../world.ts';
import { paginate, type Page, type PageRequest } from '../pagination.ts';
import { eksErrors } from './eksErrors.ts';
import type { UpdateRecord } from './types.ts';

/** Anything that keeps an update history: clusters and node groups. */
export interface Updatable {
  updates: UpdateRecord[];
}

/**
 * Records an InProgress update and schedules its end: after `durationMs` of
 * simulated time `complete` applies the change and the update turns Successful.
 */
export function startUpdate(
  world: World,
  target: Updatable,
  type: string,
  params: UpdateRecord['params'],
  durationMs: number,
  complete: () => void,
): UpdateRecord {
  const update = openUpdate(world, target, type, params);
  world.scheduler.after(durationMs, () => {
    if (update.status !== 'InProgress') return;
    complete();
    update.status = 'Successful';
  });
  return update;
}

/** Records an InProgress update whose end the caller decides (node group updates end when instances converge). */
export function openUpdate(
  world: World,
  target: Updatable,
  type: string,
  params: UpdateRecord['params'],
): UpdateRecord {
  const update: UpdateRecord = {
    id: randomUUID(),
    type,
    status: 'InProgress',
    params,
    createdAt: world.now(),
    errors: [],
  };
  target.updates.push(update);
  return update;
}

export function findUpdate(target: Updatable, clusterName: string, updateId: string): UpdateRecord {
  const update = target.updates.find((candidate) => candidate.id === updateId);
  if (!update) throw eksErrors.updateNotFound(clusterName, updateId);
  return update;
}

/** ListUpdates: ids, newest first as EKS lists them. */
export function listUpdateIds(target: Updatable, request: PageRequest): Page<string> {
  // Keyed by creation time then id: stable while new updates arrive.
  const key = (update: UpdateRecord) =>
    `${String(update.createdAt.getTime()).padStart(15, '0')}|${update.id}`;
  const page = paginate(target.updates, key, request, { order: 'desc' });
  return page.nextToken
    ? { items: page.items.map((update) => update.id), nextToken: page.nextToken }
    : { items: page.items.map((update) => update.id) };
}
