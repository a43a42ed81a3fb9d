import type { Update } from '@wheelhouse/contract';
import type { ChangePhase } from './ChangeNotice.tsx';

// How far a followed change got, from what EKS reports of it.

export const IN_PROGRESS: ChangePhase = { state: 'in-progress' };
const DONE: ChangePhase = { state: 'done' };

/** Issues EKS reports on a resource, as one sentence for a failed notice. */
const reasonOf = (issues: { code: string; message: string }[]) =>
  issues.map((issue) => `${issue.code}: ${issue.message}`).join(' ') || undefined;

const failed = (reason: string | undefined): ChangePhase =>
  reason ? { state: 'failed', reason } : { state: 'failed' };

/** A resource's status against what the change waits for: ACTIVE once created, absent once deleted. */
export function resourcePhase(
  found: { status: string; health: { code: string; message: string }[] } | undefined,
  until: 'settled' | 'gone',
): ChangePhase {
  if (until === 'gone') {
    if (!found) return DONE;
    return found.status === 'DELETE_FAILED' ? failed(reasonOf(found.health)) : IN_PROGRESS;
  }
  if (!found || found.status === 'CREATING' || found.status === 'UPDATING') return IN_PROGRESS;
  if (found.status === 'ACTIVE') return DONE;
  return failed(reasonOf(found.health) ?? `Status ${found.status}.`);
}

/** An EKS update's status: it ends Successful, Failed or Cancelled. */
export function updatePhase(updates: Update[], updateId: string): ChangePhase {
  const update = updates.find((u) => u.id === updateId);
  if (!update || update.status === 'InProgress') return IN_PROGRESS;
  if (update.status === 'Successful') return DONE;
  return failed(reasonOf(update.errors) ?? `EKS says ${update.status}.`);
}
