import type { ClusterDetail } from '@wheelhouse/contract';

/** EKS's health issues of the cluster, or a line saying there are none. */
export function ClusterHealthIssues({ cluster }: { cluster: ClusterDetail }) {
  if (cluster.health.length === 0) {
    return <p className="text-fg-muted">No health issues reported by EKS.</p>;
  }
  return (
    <ul className="flex flex-col gap-2" aria-label="Health issues">
      {cluster.health.map((issue, index) => (
        <li
          key={`${issue.code}-${index}`}
          className="rounded-md border border-danger-line bg-danger-bg px-3 py-2"
        >
          <p className="font-semibold text-danger-fg">
            <code>{issue.code}</code>
          </p>
          <p className="text-fg">{issue.message}</p>
          {issue.resourceIds.length > 0 && (
            <p className="mt-1 font-mono text-xs text-fg-muted">{issue.resourceIds.join(', ')}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
