import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import type { ClusterDetail, ClusterRef, NodeMetrics, PodMetrics } from '@wheelhouse/contract';
import { METRICS_POLL_MS, useNodeMetrics, usePodMetrics } from '../../api/metrics.ts';
import { useNamespaces } from '../../api/workloads.ts';
import { DataTable, type SortState } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { Section } from '../../components/Section.tsx';
import { formatCpu, formatMemory, percentOf } from '../resources/index.ts';
import {
  groupNodes,
  lineOf,
  windowLabel,
  windowMs,
  WINDOWS,
  type MetricsWindowValue,
  type NodeGroupMetrics,
} from './metricsSummary.ts';
import { UsageChart } from './UsageChart.tsx';

const podId = (pod: Pick<PodMetrics, 'namespace' | 'name'>) => `${pod.namespace}/${pod.name}`;
const latest = (pod: PodMetrics) => pod.series.at(-1);

/** `?window=` (5m, 15m, 1h), `?namespace=` and `?pod=namespace/name`: bookmarkable like every tab. */
function useMetricsParams() {
  const [params, setParams] = useSearchParams();
  const requested = params.get('window');
  const window: MetricsWindowValue = WINDOWS.some((w) => w.value === requested)
    ? (requested as MetricsWindowValue)
    : '15m';
  const set = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  return {
    window,
    namespace: params.get('namespace') ?? '',
    pod: params.get('pod') ?? '',
    setWindow: (value: string) => set('window', value === '15m' ? undefined : value),
    setNamespace: (value: string) => {
      set('namespace', value || undefined);
    },
    setPod: (value: string | undefined) => set('pod', value),
  };
}

function Freshness({ sampledAt, failing }: { sampledAt: number | undefined; failing: boolean }) {
  const every = `every ${METRICS_POLL_MS / 1000} s`;
  return (
    <p role="status" aria-label="Live updates" className="text-xs text-fg-muted">
      {failing ? `Refresh failed · retrying ${every}` : `Live · ${every}`}
      {sampledAt !== undefined && ` · read ${new Date(sampledAt).toLocaleTimeString()}`}
    </p>
  );
}

function NodeGroupCard({ group, window }: { group: NodeGroupMetrics; window: string }) {
  const subject = `node group ${group.name}, ${windowLabel(window)}`;
  return (
    <article aria-label={`Node group ${group.name}`} className="card flex flex-col gap-2 p-3">
      <h3 className="font-medium">
        {group.name}{' '}
        <span className="font-normal text-fg-muted">
          ({group.nodes.length} {group.nodes.length === 1 ? 'node' : 'nodes'})
        </span>
      </h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <UsageChart
          subject={subject}
          resource="cpuMillicores"
          line={lineOf(group.series, 'cpuMillicores')}
          bound={group.allocatable.cpuMillicores}
          boundLabel="allocatable"
          windowMs={windowMs(window)}
        />
        <UsageChart
          subject={subject}
          resource="memoryBytes"
          line={lineOf(group.series, 'memoryBytes')}
          bound={group.allocatable.memoryBytes}
          boundLabel="allocatable"
          windowMs={windowMs(window)}
        />
      </div>
    </article>
  );
}

function NodeCard({ node, window }: { node: NodeMetrics; window: string }) {
  const subject = `node ${node.name}, ${windowLabel(window)}`;
  return (
    <article aria-label={`Node ${node.name}`} className="card flex flex-col gap-1 p-2">
      <h4 className="truncate font-mono text-xs" title={node.name}>
        {node.name}
      </h4>
      <UsageChart
        compact
        subject={subject}
        resource="cpuMillicores"
        line={lineOf(node.series, 'cpuMillicores')}
        bound={node.allocatable.cpuMillicores}
        boundLabel="allocatable"
        windowMs={windowMs(window)}
      />
      <UsageChart
        compact
        subject={subject}
        resource="memoryBytes"
        line={lineOf(node.series, 'memoryBytes')}
        bound={node.allocatable.memoryBytes}
        boundLabel="allocatable"
        windowMs={windowMs(window)}
      />
    </article>
  );
}

function NodesSection({ clusterRef, window }: { clusterRef: ClusterRef; window: string }) {
  const metrics = useNodeMetrics(clusterRef, window);
  const groups = useMemo(() => groupNodes(metrics.data?.nodes ?? []), [metrics.data]);
  if (metrics.isPending) return <LoadingState label="Reading node metrics…" />;
  if (!metrics.data) {
    return (
      <ErrorBanner
        title="Could not read this cluster's node metrics"
        onRetry={() => void metrics.refetch()}
        retrying={metrics.isFetching}
      >
        <ProblemDetails error={metrics.error} />
      </ErrorBanner>
    );
  }
  const data = metrics.data;
  if (!data.available) {
    return (
      <EmptyState title="No metrics from this cluster">
        {data.reason ?? 'The cluster serves no resource metrics.'}
      </EmptyState>
    );
  }
  return (
    <>
      <Freshness sampledAt={data.sampledAt} failing={metrics.isRefetchError} />
      <Section title="Node groups" count={groups.length} plain>
        <div className="grid gap-3 lg:grid-cols-2">
          {groups.map((group) => (
            <NodeGroupCard key={group.name} group={group} window={window} />
          ))}
        </div>
      </Section>
      <Section title="Nodes" count={data.nodes.length} plain>
        <div className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-2">
          {data.nodes.map((node) => (
            <NodeCard key={node.name} node={node} window={window} />
          ))}
        </div>
      </Section>
    </>
  );
}

/** "120m / 250m (48%)": the pod's current use against its request. */
function againstRequest(
  current: number | undefined,
  request: number,
  format: (n: number) => string,
) {
  if (current === undefined) return '—';
  return request > 0
    ? `${format(current)} / ${format(request)} (${percentOf(current, request)}%)`
    : `${format(current)} (no request)`;
}

function PodChart({
  pod,
  window,
  onClose,
}: {
  pod: PodMetrics;
  window: string;
  onClose: () => void;
}) {
  const subject = `pod ${podId(pod)}, ${windowLabel(window)}`;
  const limits = [
    pod.limits.cpuMillicores !== undefined && `CPU limit ${formatCpu(pod.limits.cpuMillicores)}`,
    pod.limits.memoryBytes !== undefined && `memory limit ${formatMemory(pod.limits.memoryBytes)}`,
  ].filter(Boolean);
  return (
    <article aria-label={`Pod ${podId(pod)}`} className="card flex flex-col gap-2 p-3">
      <div className="flex items-center gap-2">
        <h3 className="font-mono text-sm">{podId(pod)}</h3>
        <span className="text-xs text-fg-muted">
          {pod.node ? `on ${pod.node}` : 'not on a node'}
          {limits.length > 0 ? ` · ${limits.join(', ')}` : ' · no limits'}
        </span>
        <button type="button" className="ml-auto" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <UsageChart
          subject={subject}
          resource="cpuMillicores"
          line={lineOf(pod.series, 'cpuMillicores')}
          bound={pod.requests.cpuMillicores}
          boundLabel="requested"
          windowMs={windowMs(window)}
        />
        <UsageChart
          subject={subject}
          resource="memoryBytes"
          line={lineOf(pod.series, 'memoryBytes')}
          bound={pod.requests.memoryBytes}
          boundLabel="requested"
          windowMs={windowMs(window)}
        />
      </div>
    </article>
  );
}

function PodsSection({
  clusterRef,
  window,
  namespace,
  selected,
  onNamespace,
  onSelect,
}: {
  clusterRef: ClusterRef;
  window: string;
  namespace: string;
  selected: string;
  onNamespace: (namespace: string) => void;
  onSelect: (pod: string | undefined) => void;
}) {
  const metrics = usePodMetrics(clusterRef, namespace, window);
  const namespaces = useNamespaces(clusterRef);
  const [sort, setSort] = useState<SortState>({ id: 'cpu', desc: true });
  const columns = useMemo<ColumnDef<PodMetrics>[]>(
    () => [
      {
        id: 'name',
        header: 'Pod',
        size: 280,
        cell: ({ row }) => (
          <button
            type="button"
            className="truncate text-left font-mono text-xs text-link"
            aria-pressed={podId(row.original) === selected}
            onClick={() =>
              onSelect(podId(row.original) === selected ? undefined : podId(row.original))
            }
          >
            {row.original.name}
          </button>
        ),
      },
      {
        id: 'namespace',
        header: 'Namespace',
        size: 140,
        cell: ({ row }) => row.original.namespace,
      },
      {
        id: 'cpu',
        header: 'CPU / request',
        size: 200,
        cell: ({ row }) => (
          <span className="tabular-nums">
            {againstRequest(
              latest(row.original)?.cpuMillicores,
              row.original.requests.cpuMillicores,
              formatCpu,
            )}
          </span>
        ),
      },
      {
        id: 'memory',
        header: 'Memory / request',
        size: 220,
        cell: ({ row }) => (
          <span className="tabular-nums">
            {againstRequest(
              latest(row.original)?.memoryBytes,
              row.original.requests.memoryBytes,
              formatMemory,
            )}
          </span>
        ),
      },
      { id: 'node', header: 'Node', size: 220, cell: ({ row }) => row.original.node ?? '—' },
    ],
    [selected, onSelect],
  );
  const sortValue = useMemo(
    () => (pod: PodMetrics, column: string) => {
      if (column === 'cpu') return latest(pod)?.cpuMillicores ?? -1;
      if (column === 'memory') return latest(pod)?.memoryBytes ?? -1;
      if (column === 'namespace') return pod.namespace;
      if (column === 'node') return pod.node ?? '';
      return pod.name;
    },
    [],
  );
  const pods = metrics.data?.pods ?? [];
  const chosen = pods.find((pod) => podId(pod) === selected);
  return (
    <Section
      title="Pods"
      count={metrics.data?.available ? pods.length : undefined}
      plain
      actions={
        <label className="flex items-center gap-2 text-sm">
          Namespace
          <select value={namespace} onChange={(event) => onNamespace(event.target.value)}>
            <option value="">All namespaces</option>
            {(namespaces.data?.items ?? []).map((ns) => (
              <option key={ns.name} value={ns.name}>
                {ns.name}
              </option>
            ))}
            {namespace && !namespaces.data?.items.some((ns) => ns.name === namespace) && (
              <option value={namespace}>{namespace}</option>
            )}
          </select>
        </label>
      }
    >
      {metrics.isPending ? (
        <LoadingState label="Reading pod metrics…" />
      ) : !metrics.data ? (
        <ErrorBanner
          title="Could not read this cluster's pod metrics"
          onRetry={() => void metrics.refetch()}
          retrying={metrics.isFetching}
        >
          <ProblemDetails error={metrics.error} />
        </ErrorBanner>
      ) : !metrics.data.available ? (
        <p className="text-sm text-fg-muted">{metrics.data.reason}</p>
      ) : (
        <>
          {chosen && <PodChart pod={chosen} window={window} onClose={() => onSelect(undefined)} />}
          {metrics.data.truncated && (
            <p className="text-xs text-fg-muted">
              The console keeps the history of a limited number of pods per cluster; some pods show
              only their current reading.
            </p>
          )}
          <DataTable
            label="Pod metrics"
            data={pods}
            columns={columns}
            getRowId={podId}
            sort={sort}
            onSortChange={setSort}
            sortValue={sortValue}
            rowHeight={40}
          />
        </>
      )}
    </Section>
  );
}

/** A cluster's Metrics tab: CPU and memory per node group, node and pod, refreshed live. */
export function MetricsTab({ cluster }: { cluster: ClusterDetail }) {
  const clusterRef = { accountId: cluster.accountId, region: cluster.region, name: cluster.name };
  const params = useMetricsParams();
  return (
    <div className="flex flex-col gap-4">
      <label className="flex items-center gap-2 self-start text-sm">
        Window
        <select value={params.window} onChange={(event) => params.setWindow(event.target.value)}>
          {WINDOWS.map((w) => (
            <option key={w.value} value={w.value}>
              {w.label}
            </option>
          ))}
        </select>
      </label>
      <NodesSection clusterRef={clusterRef} window={params.window} />
      <PodsSection
        clusterRef={clusterRef}
        window={params.window}
        namespace={params.namespace}
        selected={params.pod}
        onNamespace={(namespace) => {
          params.setNamespace(namespace);
        }}
        onSelect={params.setPod}
      />
    </div>
  );
}
