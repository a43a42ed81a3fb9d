import { useQuery } from '@tanstack/react-query';
import type { ClusterCompute, ClusterRef } from '@wheelhouse/contract';
import { computeQueryOptions, nodegroupQueryOptions } from '../../api/compute.ts';
import type {
  ChangeNoticeContent,
  ChangePhase,
  ChangeSubject,
} from '../../components/ChangeNotice.tsx';
import { IN_PROGRESS, resourcePhase, updatePhase } from '../../components/changePhase.ts';

function phaseFromCompute(
  compute: ClusterCompute,
  subject: Exclude<ChangeSubject, { kind: 'cluster' }>,
) {
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
  const subject = notice?.subject?.kind === 'cluster' ? undefined : notice?.subject;
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
    return nodegroup.data ? updatePhase(nodegroup.data.updates, notice.updateId!) : IN_PROGRESS;
  }
  return compute.data ? phaseFromCompute(compute.data, subject) : IN_PROGRESS;
}
