import { Link } from 'react-router';
import type { FleetDashboard } from '@wheelhouse/contract';
import { nodegroupPagePath } from '../../api/compute.ts';
import { Chip } from '../../components/Chip.tsx';
import { RelativeTime } from '../../components/RelativeTime.tsx';
import { StatusBadge, updateTypeLabel } from '../../components/StatusBadge.tsx';
import { ActivationCountdown } from '../connected/ActivationCountdown.tsx';
import { AllClear, AttentionList, Tile } from './Tile.tsx';
import {
  CONNECTED_PENDING_LINK,
  clusterLink,
  clustersLink,
  flaggedVersions,
  supportText,
  supportTone,
} from './dashboardView.ts';

type Dashboard = { dashboard: FleetDashboard };

const where = (item: { accountId: string; region: string }) => (
  <span className="text-xs text-fg-muted">
    {item.accountId} · {item.region}
  </span>
);

/** Clusters past standard support (red) or whose standard support ends within 90 days (amber). */
export function SupportTile({ dashboard }: Dashboard) {
  const items = dashboard.versionSupport;
  const red = items.some((entry) => supportTone(entry) === 'danger');
  const versions = flaggedVersions(items);
  return (
    <Tile
      title="Version support"
      count={items.length}
      countTone={items.length === 0 ? 'success' : red ? 'danger' : 'warning'}
      link={
        items.length > 0
          ? {
              to: clustersLink({ version: versions }),
              label: `Clusters on ${versions.join(', ')}`,
            }
          : undefined
      }
    >
      {items.length === 0 ? (
        <AllClear>Every cluster has standard support for 90 more days or longer.</AllClear>
      ) : (
        <AttentionList label="Clusters by version support">
          {items.map((entry) => {
            const { deadline, days } = supportText(entry);
            const tone = supportTone(entry);
            return (
              <li
                key={`${entry.accountId}/${entry.region}/${entry.name}`}
                className="flex flex-col gap-0.5 py-1.5"
              >
                <span className="flex items-center gap-x-3">
                  <Link to={clusterLink({ ...entry })} className="truncate font-medium">
                    {entry.name}
                  </Link>
                  <Chip tone={tone}>{entry.version}</Chip>
                  {days && (
                    <span
                      className={`ml-auto font-semibold whitespace-nowrap tabular-nums ${tone === 'danger' ? 'text-danger-fg' : 'text-warning-fg'}`}
                    >
                      {days}
                    </span>
                  )}
                </span>
                <span className="text-sm text-fg-muted">{deadline}</span>
              </li>
            );
          })}
        </AttentionList>
      )}
    </Tile>
  );
}

/** Managed node groups that are degraded, failed or changing, with EKS's issue count. */
export function NodegroupsTile({ dashboard }: Dashboard) {
  const items = dashboard.nodegroups;
  const broken = items.some((ng) => ng.status !== 'UPDATING' && ng.status !== 'CREATING');
  return (
    <Tile
      title="Node groups degraded or updating"
      count={items.length}
      countTone={items.length === 0 ? 'success' : broken ? 'danger' : 'info'}
    >
      {items.length === 0 ? (
        <AllClear>Every managed node group is active.</AllClear>
      ) : (
        <AttentionList label="Node groups needing attention">
          {items.map((ng) => (
            <li
              key={`${ng.accountId}/${ng.region}/${ng.cluster}/${ng.name}`}
              className="flex flex-wrap items-center gap-x-3 gap-y-0.5 py-1.5"
            >
              <Link
                to={nodegroupPagePath(
                  { accountId: ng.accountId, region: ng.region, name: ng.cluster },
                  ng.name,
                )}
                className="font-medium"
              >
                {ng.cluster} / {ng.name}
              </Link>
              <StatusBadge status={ng.status} />
              {ng.issues > 0 && (
                <span className="text-danger-fg">
                  {ng.issues} {ng.issues === 1 ? 'issue' : 'issues'}
                </span>
              )}
              <span className="ml-auto">{where(ng)}</span>
            </li>
          ))}
        </AttentionList>
      )}
    </Tile>
  );
}

/** Pods that are not Running and Ready, by cluster (clusters with none are left out). */
export function PodsTile({ dashboard }: Dashboard) {
  const items = dashboard.pods
    .filter((entry) => entry.notReady > 0)
    .sort((a, b) => b.notReady - a.notReady);
  const notReady = items.reduce((sum, entry) => sum + entry.notReady, 0);
  return (
    <Tile
      title="Pods not running or ready"
      count={dashboard.pods.length === 0 ? undefined : notReady}
      countTone={notReady === 0 ? 'success' : 'danger'}
    >
      {dashboard.pods.length === 0 ? (
        // Nothing read is not the same as all well: no green here.
        <p className="text-fg-muted">No pod counts could be read from the clusters.</p>
      ) : items.length === 0 ? (
        <AllClear>Every pod is running and ready.</AllClear>
      ) : (
        <AttentionList label="Pods not running or ready, by cluster">
          {items.map((entry) => (
            <li
              key={`${entry.accountId}/${entry.region}/${entry.cluster}`}
              className="flex flex-wrap items-center gap-x-3 gap-y-0.5 py-1.5"
            >
              <Link
                to={clusterLink({
                  accountId: entry.accountId,
                  region: entry.region,
                  name: entry.cluster,
                })}
                className="font-medium"
              >
                {entry.cluster}
              </Link>
              {where(entry)}
              <span className="ml-auto tabular-nums">
                <span className="font-semibold text-danger-fg">{entry.notReady}</span>
                <span className="text-fg-muted"> of {entry.total} pods</span>
              </span>
            </li>
          ))}
        </AttentionList>
      )}
    </Tile>
  );
}

/** EKS updates (cluster or node group) still running. */
export function UpdatesTile({ dashboard }: Dashboard) {
  const items = dashboard.updatesInProgress;
  return (
    <Tile
      title="Updates in progress"
      count={items.length}
      countTone={items.length === 0 ? 'success' : 'info'}
      link={{ to: clustersLink({ status: ['UPDATING'] }), label: 'Clusters updating' }}
    >
      {items.length === 0 ? (
        <AllClear>No updates running.</AllClear>
      ) : (
        <AttentionList label="Updates in progress">
          {items.map((update) => {
            const ref = {
              accountId: update.accountId,
              region: update.region,
              name: update.cluster,
            };
            return (
              <li key={update.id} className="flex flex-wrap items-center gap-x-3 gap-y-0.5 py-1.5">
                <Link
                  to={
                    update.nodegroup
                      ? nodegroupPagePath(ref, update.nodegroup)
                      : clusterLink(ref, 'updates')
                  }
                  className="font-medium"
                >
                  {update.nodegroup ? `${update.cluster} / ${update.nodegroup}` : update.cluster}
                </Link>
                <span>{updateTypeLabel(update.type)}</span>
                <span className="ml-auto text-fg-muted">
                  started <RelativeTime iso={update.createdAt} />
                </span>
              </li>
            );
          })}
        </AttentionList>
      )}
    </Tile>
  );
}

/** Connected clusters still waiting for their agent, with the time left on their activation. */
export function ConnectedPendingTile({ dashboard }: Dashboard) {
  const items = dashboard.connectedPending;
  return (
    <Tile
      title="Connected clusters pending"
      count={items.length}
      countTone={items.length === 0 ? 'success' : 'pending'}
      link={{ to: CONNECTED_PENDING_LINK, label: 'Pending connected clusters' }}
    >
      {items.length === 0 ? (
        <AllClear>No registration is waiting for its agent.</AllClear>
      ) : (
        <AttentionList label="Connected clusters pending">
          {items.map((item) => (
            <li
              key={`${item.accountId}/${item.region}/${item.name}`}
              className="flex flex-wrap items-center gap-x-3 gap-y-0.5 py-1.5"
            >
              <Link to={clusterLink(item)} className="font-medium">
                {item.name}
              </Link>
              {where(item)}
              <span className="ml-auto">
                {item.activationExpiry ? (
                  <ActivationCountdown expiry={item.activationExpiry} />
                ) : (
                  <span className="text-fg-muted">no expiry given</span>
                )}
              </span>
            </li>
          ))}
        </AttentionList>
      )}
    </Tile>
  );
}
