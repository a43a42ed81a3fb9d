import { useQuery } from '@tanstack/react-query';
import type { ClusterRef } from '@wheelhouse/contract';
import { clusterUpdatesQueryOptions } from '../../../api/lifecycle.ts';
import type { ChangeNoticeContent, ChangePhase } from '../../../components/ChangeNotice.tsx';
import { IN_PROGRESS, updatePhase } from '../../../components/changePhase.ts';

/**
 * Where the cluster update behind a notice stands, from the cluster's update list (polled fast
 * while one runs). Undefined for notices that follow nothing.
 */
export function useClusterChangePhase(
  clusterRef: ClusterRef,
  notice: ChangeNoticeContent | null,
): ChangePhase | undefined {
  const updateId = notice?.subject?.kind === 'cluster' ? notice.updateId : undefined;
  const updates = useQuery({ ...clusterUpdatesQueryOptions(clusterRef), enabled: !!updateId });
  if (!updateId) return undefined;
  return updates.data ? updatePhase(updates.data.items, updateId) : IN_PROGRESS;
}
