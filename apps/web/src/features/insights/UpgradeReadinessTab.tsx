import type {
  ClusterDetail,
  ClusterInsight,
  InsightDeprecation,
  UpgradeReadiness,
} from '@wheelhouse/contract';
import { useClusterInsights } from '../../api/insights.ts';
import { Chip } from '../../components/Chip.tsx';
import { formatDate, formatDateTime } from '../../components/dateFormat.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { Section } from '../../components/Section.tsx';
import { SourceErrorsBanner } from '../../components/SourceErrorsBanner.tsx';
import { InsightStatusChip, ReadinessChip, STATUS_ORDER } from './insightDisplay.tsx';

function DeprecationTable({ deprecations }: { deprecations: InsightDeprecation[] }) {
  return (
    <table aria-label="Deprecated APIs" className="w-full text-left text-sm">
      <thead className="text-fg-muted">
        <tr>
          <th className="py-1">Deprecated API</th>
          <th>Replaced with</th>
          <th>Stops serving in</th>
          <th>Clients (last 30 days)</th>
        </tr>
      </thead>
      <tbody>
        {deprecations.map((entry) => (
          <tr key={entry.usage} className="border-t border-line align-top">
            <th scope="row" className="py-2 font-mono text-xs font-normal break-all">
              {entry.usage}
            </th>
            <td className="py-2 font-mono text-xs break-all">{entry.replacedWith ?? '—'}</td>
            <td className="py-2">{entry.stopServingVersion ?? '—'}</td>
            <td className="py-2">
              {entry.clients.length === 0 ? (
                <span className="text-fg-muted">no calls</span>
              ) : (
                <ul className="flex flex-col gap-1">
                  {entry.clients.map((client) => (
                    <li key={client.userAgent} className="text-xs">
                      <span className="font-mono break-all">{client.userAgent}</span>
                      <span className="text-fg-muted">
                        {' '}
                        · {client.requestsLast30Days} requests
                        {client.lastRequestTime
                          ? ` · last ${formatDateTime(client.lastRequestTime)}`
                          : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function InsightItem({ insight }: { insight: ClusterInsight }) {
  const resources = insight.resources ?? [];
  return (
    <li className="rounded-md border border-line">
      <details className="group" open={insight.status === 'ERROR' || insight.status === 'WARNING'}>
        <summary className="flex cursor-pointer list-none flex-wrap items-center gap-2 p-3">
          {/* The flex summary loses the browser's marker: this one turns as the details open. */}
          <span
            aria-hidden="true"
            className="text-fg-muted transition-transform group-open:rotate-90"
          >
            ▸
          </span>
          <InsightStatusChip status={insight.status} />
          <span className="font-medium">{insight.name}</span>
          <span className="text-xs text-fg-muted">
            {insight.category === 'MISCONFIGURATION' ? 'Configuration' : 'Upgrade'}
            {insight.kubernetesVersion ? ` · Kubernetes ${insight.kubernetesVersion}` : ''}
          </span>
        </summary>
        <div className="flex flex-col gap-2 border-t border-line p-3 text-sm">
          {insight.reason && <p>{insight.reason}</p>}
          {insight.description && <p className="text-fg-muted">{insight.description}</p>}
          {insight.recommendation && (
            <p>
              <span className="font-medium">Recommendation: </span>
              {insight.recommendation}
            </p>
          )}
          {insight.deprecations && insight.deprecations.length > 0 && (
            <DeprecationTable deprecations={insight.deprecations} />
          )}
          {resources.length > 0 && (
            <div>
              <h4 className="font-medium">Affected resources</h4>
              <ul className="flex flex-col gap-1">
                {resources.map((resource) => {
                  const id = resource.kubernetesResourceUri ?? resource.arn ?? '';
                  return (
                    <li key={id} className="flex flex-wrap items-baseline gap-2 text-xs">
                      <InsightStatusChip status={resource.status} />
                      <span className="font-mono break-all">{id}</span>
                      {resource.reason && resource.reason !== insight.reason && (
                        <span className="text-fg-muted">{resource.reason}</span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
          {insight.lastRefreshTime && (
            <p className="text-xs text-fg-muted">
              EKS checked {formatDateTime(insight.lastRefreshTime)}
            </p>
          )}
        </div>
      </details>
    </li>
  );
}

function ReadinessSummary({ readiness }: { readiness: UpgradeReadiness }) {
  const target = readiness.nextVersion;
  return (
    <Section title={target ? `Upgrade to Kubernetes ${target}` : 'Upgrade'}>
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <ReadinessChip canUpgrade={readiness.canUpgrade} blockers={readiness.blockers} />
          <span>
            {readiness.currentVersion ?? '?'} → {target ?? 'no newer version'}
          </span>
        </div>
        {readiness.blockers.length > 0 && (
          <ul aria-label="Blockers" className="flex flex-col gap-2">
            {readiness.blockers.map((blocker) => (
              <li key={blocker.source + blocker.title} className="text-sm">
                <span className="font-medium text-danger-fg">{blocker.title}</span>
                <span className="text-fg-muted"> — {blocker.detail}</span>
              </li>
            ))}
          </ul>
        )}
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-fg-muted">Support</dt>
          <dd>{readiness.supportStatus?.replace('_', ' ').toLowerCase() ?? 'unknown'}</dd>
          <dt className="text-fg-muted">End of standard support</dt>
          <dd>
            {readiness.endOfStandardSupport ? formatDate(readiness.endOfStandardSupport) : '—'}
          </dd>
          <dt className="text-fg-muted">End of extended support</dt>
          <dd>
            {readiness.endOfExtendedSupport ? formatDate(readiness.endOfExtendedSupport) : '—'}
          </dd>
        </dl>
      </div>
    </Section>
  );
}

function SkewTable({ readiness }: { readiness: UpgradeReadiness }) {
  return (
    <Section title="Node group version skew" count={readiness.nodegroupSkew.length}>
      {readiness.nodegroupSkew.length === 0 ? (
        <p className="text-fg-muted">No managed node groups.</p>
      ) : (
        <table aria-label="Node group version skew" className="w-full text-left text-sm">
          <thead className="text-fg-muted">
            <tr>
              <th className="py-1">Node group</th>
              <th>Kubelet version</th>
              <th>Behind {readiness.nextVersion ?? 'the control plane'}</th>
              <th>Skew</th>
            </tr>
          </thead>
          <tbody>
            {readiness.nodegroupSkew.map((skew) => (
              <tr key={skew.nodegroup} className="border-t border-line">
                <th scope="row" className="py-2 font-medium">
                  {skew.nodegroup}
                </th>
                <td className="py-2">{skew.version}</td>
                <td className="py-2 tabular-nums">{skew.behind}</td>
                <td className="py-2">
                  {skew.tooFar ? (
                    <Chip tone="danger">too far behind</Chip>
                  ) : (
                    <Chip tone="success">supported</Chip>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function AddonTable({ readiness }: { readiness: UpgradeReadiness }) {
  const next = readiness.nextVersion;
  return (
    <Section
      title={next ? `Add-on compatibility with ${next}` : 'Add-on compatibility'}
      count={readiness.addonCompatibility.length}
    >
      {readiness.addonCompatibility.length === 0 ? (
        <p className="text-fg-muted">
          {next ? 'No EKS add-ons installed.' : 'No newer version to check against.'}
        </p>
      ) : (
        <table aria-label="Add-on compatibility" className="w-full text-left text-sm">
          <thead className="text-fg-muted">
            <tr>
              <th className="py-1">Add-on</th>
              <th>Installed</th>
              <th>On {next}</th>
              <th>Builds for {next}</th>
            </tr>
          </thead>
          <tbody>
            {readiness.addonCompatibility.map((addon) => (
              <tr key={addon.name} className="border-t border-line align-top">
                <th scope="row" className="py-2 font-medium">
                  {addon.name}
                </th>
                <td className="py-2 font-mono text-xs">{addon.installedVersion}</td>
                <td className="py-2">
                  {!addon.compatible ? (
                    <Chip tone="danger">incompatible</Chip>
                  ) : addon.updateAfterUpgrade ? (
                    <Chip
                      tone="info"
                      title="kube-proxy may trail the control plane; update it after"
                    >
                      update after upgrade
                    </Chip>
                  ) : (
                    <Chip tone="success">compatible</Chip>
                  )}
                </td>
                <td className="py-2 font-mono text-xs">
                  {addon.defaultVersion ?? addon.compatibleVersions[0] ?? 'none'}
                  {addon.compatibleVersions.length > 1 &&
                    ` (+${addon.compatibleVersions.length - 1})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** A cluster's Upgrade readiness tab: can it move to the next version, EKS's insights, skew, add-ons. */
export function UpgradeReadinessTab({ cluster }: { cluster: ClusterDetail }) {
  const insights = useClusterInsights({
    accountId: cluster.accountId,
    region: cluster.region,
    name: cluster.name,
  });
  const data = insights.data;
  if (insights.isPending) return <TableSkeleton label="Reading upgrade insights…" />;
  if (!data)
    return (
      <ErrorBanner
        title="Could not read this cluster's insights"
        onRetry={() => void insights.refetch()}
        retrying={insights.isFetching}
      >
        <ProblemDetails error={insights.error} />
      </ErrorBanner>
    );
  const rank = (status: string) => {
    const index = (STATUS_ORDER as readonly string[]).indexOf(status);
    return index < 0 ? STATUS_ORDER.length : index;
  };
  const items = [...data.items].sort(
    (a, b) => rank(a.status) - rank(b.status) || a.name.localeCompare(b.name),
  );
  return (
    <div className="flex flex-col gap-4">
      <SourceErrorsBanner errors={data.errors} sources={undefined} />
      <ReadinessSummary readiness={data.readiness} />
      <Section title="Insights" count={items.length} plain>
        {items.length === 0 ? (
          <p className="text-fg-muted">EKS reports no insights for this cluster.</p>
        ) : (
          <ul aria-label="Insights" className="flex flex-col gap-2">
            {items.map((insight) => (
              <InsightItem key={insight.id} insight={insight} />
            ))}
          </ul>
        )}
      </Section>
      <SkewTable readiness={data.readiness} />
      <AddonTable readiness={data.readiness} />
    </div>
  );
}
