import { useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClusterRef } from '@wheelhouse/contract';
import { watchKube, type WatchState } from '../../../api/kubeWatch.ts';
import { applyPodEvents, podFilterMatcher, type PodWatchEvent } from '../../../api/podList.ts';
import type { PodKeyFilters } from '../../../api/queryKeys.ts';
import { podsQueryOptions, podWatchUrl } from '../../../api/workloads.ts';

// Watch events are written to the cache in small batches: one re-sort of 10,000 rows per batch
// rather than per event, still well within the 2 s a change may take to show.
const FLUSH_MS = 150;

/**
 * A live pods list: loaded in pages of 500 (rows show after the first), then followed by the
 * pods watch from the first page's resourceVersion. Events are applied to the query cache in
 * place; a `reset` (the watch fell too far behind) lists again and watches from the new version.
 */
export function usePodList(clusterRef: ClusterRef, filters: PodKeyFilters) {
  const { accountId, region, name } = clusterRef;
  const { namespace = '', node = '', phase = '', labelSelector = '' } = filters;
  const options = useMemo(
    () =>
      podsQueryOptions(
        { accountId, region, name },
        {
          ...(namespace ? { namespace } : {}),
          ...(node ? { node } : {}),
          ...(phase ? { phase } : {}),
          ...(labelSelector ? { labelSelector } : {}),
        },
      ),
    [accountId, region, name, namespace, node, phase, labelSelector],
  );
  const queryClient = useQueryClient();
  const query = useQuery(options);
  const resourceVersion = query.data?.resourceVersion;
  const [watch, setWatch] = useState<WatchState>({ status: 'connecting' });
  // Bumped to reopen the watch when a re-list came back at the same resourceVersion.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!resourceVersion) return;
    const { queryKey } = options;
    const matches = podFilterMatcher({ namespace, node, phase, labelSelector });
    let queue: PodWatchEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const events = queue;
      queue = [];
      queryClient.setQueryData(
        queryKey,
        (state) => state && applyPodEvents(state, events, matches),
      );
    };
    const close = watchKube(podWatchUrl({ accountId, region, name }, namespace, resourceVersion), {
      onState: setWatch,
      onEvent: (event) => {
        if (event.kind === 'pod') {
          queue.push(event);
          timer ??= setTimeout(flush, FLUSH_MS);
        } else if (event.kind === 'reset') {
          if (timer !== undefined) clearTimeout(timer);
          flush();
          void queryClient.refetchQueries({ queryKey, exact: true }).then(() => {
            if (queryClient.getQueryData(queryKey)?.resourceVersion === resourceVersion) {
              setGeneration((count) => count + 1);
            }
          });
        }
      },
    });
    return () => {
      close();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [
    options,
    queryClient,
    accountId,
    region,
    name,
    namespace,
    node,
    phase,
    labelSelector,
    resourceVersion,
    generation,
  ]);

  return { query, watch: resourceVersion ? watch : ({ status: 'connecting' } as WatchState) };
}
