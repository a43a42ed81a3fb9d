import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ClusterRef } from '@wheelhouse/contract';
import { watchKube, type WatchState } from '../../../api/kubeWatch.ts';
import { queryKeys } from '../../../api/queryKeys.ts';
import { nodeWatchUrl } from '../../../api/workloads.ts';

// Nodes change in bursts (a node group scaling adds several): the first event of a burst schedules
// one refetch, and the ones within this window ride along.
const DEBOUNCE_MS = 750;

/**
 * Follows the cluster's node watch and refetches the nodes view shortly after a node is added,
 * changed or removed (the event names the node; the view's figures need a fresh read).
 */
export function useNodeWatch(clusterRef: ClusterRef): WatchState {
  const { accountId, region, name } = clusterRef;
  const queryClient = useQueryClient();
  const [state, setState] = useState<WatchState>({ status: 'connecting' });
  // Bumped to reopen the watch after a `reset` (which ends the stream).
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const ref = { accountId, region, name };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refetch = () => {
      timer = undefined;
      void queryClient.invalidateQueries({ queryKey: queryKeys.k8s.nodes(ref) });
    };
    const close = watchKube(nodeWatchUrl(ref), {
      onState: setState,
      onEvent: (event) => {
        if (event.kind === 'node') timer ??= setTimeout(refetch, DEBOUNCE_MS);
        if (event.kind === 'reset') {
          refetch();
          setGeneration((count) => count + 1);
        }
      },
    });
    return () => {
      close();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [accountId, region, name, queryClient, generation]);
  return state;
}
