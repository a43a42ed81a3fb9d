import { useQuery } from '@tanstack/react-query';
import type { ClusterCompute, ClusterRef, NodegroupDetail } from '@wheelhouse/contract';
import { computeQueryOptions, nodegroupQueryOptions } from '../../api/compute.ts';
import type { ChangeNoticeContent, ChangePhase } from '../../components/ChangeNotice.tsx';

const IN_PROGRESS: ChangePhase = { state: 'in-progress' };
const DONE: ChangePhase = { state: 'done' };

/** Issues EKS reports on a resource, as one sentence for a failed notice. */
const reasonOf = (issues: { code: string; message: string }[]) =>
  issues.map((issue) => `${issue.code}: ${issue.message}`).join(' ') || undefined;

const failed = (reason: string | undefined): ChangePhase =>
  reason ? { state: 'failed', reason } : { state: 'failed' };

/** A resource's status against what the change waits for: ACTIVE once created, absent once deleted. */
function resourcePhase(
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
function updatePhase(detail: NodegroupDetail, updateId: string): ChangePhase {
  const update = detail.updates.find((u) => u.id === updateId);
  if (!update || update.status === 'InProgress') return IN_PROGRESS;
  if (update.status === 'Successful') return DONE;
  return failed(reasonOf(update.errors) ?? `EKS says ${update.status}.`);
}

function phaseFromCompute(compute: ClusterCompute, notice: ChangeNoticeContent) {
  const subject = notice.subject!;
  const found =
    subject.kind === 'nodegroup'
      ? compute.nodegroups.find((ng) => ng.name === subject.name)
      : compute.fargateProfiles.find((profile) => profile.name === subject.name);
  // A resource missing from a partial answer may only be unreadable, not gone.
  if (!found && compute.errors.length > 0) return IN_PROGRESS;
  return resourcePhase(found, subject.until);
}

/**
 * Where the change behind a compute notice stands, read from the queries the page already polls
 * (they poll fast while something changes). Undefined while there is nothing to follow.
 */
export function useChangePhase(
  clusterRef: ClusterRef,
  notice: ChangeNoticeContent | null,
): ChangePhase | undefined {
  const subject = notice?.subject;
  const followsUpdate = subject?.kind === 'nodegroup' && notice?.updateId !== undefined;
  const compute = useQuery({
    ...computeQueryOptions(clusterRef),
    enabled: subject !== undefined && !followsUpdate,
  });
  const nodegroup = useQuery({
    ...nodegroupQueryOptions(clusterRef, subject?.name ?? ''),
    enabled: followsUpdate,
  });
  if (!notice || !subject) return undefined;
  if (followsUpdate) {
    return nodegroup.data ? updatePhase(nodegroup.data, notice.updateId!) : IN_PROGRESS;
  }
  return compute.data ? phaseFromCompute(compute.data, notice) : IN_PROGRESS;
}
