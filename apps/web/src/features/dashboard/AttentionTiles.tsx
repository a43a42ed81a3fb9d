import type { FleetDashboard } from '@wheelhouse/contract';
import { nodegroupPagePath } from '../../api/compute.ts';
import { Chip } from '../../components/Chip.tsx';
import { RelativeTime } from '../../components/RelativeTime.tsx';
import { StatusBadge, updateTypeLabel } from '../../components/StatusBadge.tsx';
import { ActivationCountdown } from '../connected/index.ts';
import { TileLink } from './dashboardMode.tsx';
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

const row = 'flex flex-wrap items-center gap-x-3 gap-y-0.5';

/**
 * Clusters whose version needs attention, coloured and worded as the clusters list does: amber
 * for extended support or standard support ending within 90 days, red when unsupported or
 * extended support ends within 90 days.
 */
export function SupportTile({ dashboard }: Dashboard) {
  const items = dashboard.versionSupport;
  const now = Date.parse(dashboard.generatedAt);
  const red = items.some((entry) => supportTone(entry, now) === 'danger');
  const versions = flaggedVersions(items);
  const link =
    items.length > 0
      ? { to: clustersLink({ version: versions }), label: `Clusters on ${versions.join(', ')}` }
      : undefined;
  return (
    <Tile
      title="Version support"
      count={items.length}
      countTone={items.length === 0 ? 'success' : red ? 'danger' : 'warning'}
      link={link}
    >
      {items.length === 0 ? (
        <AllClear>Every cluster has standard support for 90 more days or longer.</AllClear>
      ) : (
        <AttentionList
          label="Clusters by version support"
          items={items}
          itemKey={(entry) => `${entry.accountId}/${entry.region}/${entry.name}`}
          more={link}
          renderItem={(entry) => {
            const { deadline, days } = supportText(entry, now);
            const tone = supportTone(entry, now);
            return (
              <span className="flex flex-col gap-0.5">
                <span className="flex items-center gap-x-3">
                  <TileLink to={clusterLink({ ...entry })} className="truncate font-medium">
                    {entry.name}
                  </TileLink>
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
              </span>
            );
          }}
        />
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
        <AttentionList
          label="Node groups needing attention"
          items={items}
          itemKey={(ng) => `${ng.accountId}/${ng.region}/${ng.cluster}/${ng.name}`}
          renderItem={(ng) => (
            <span className={row}>
              <TileLink
                to={nodegroupPagePath(
                  { accountId: ng.accountId, region: ng.region, name: ng.cluster },
                  ng.name,
                )}
                className="font-medium"
              >
                {ng.cluster} / {ng.name}
              </TileLink>
              <StatusBadge status={ng.status} />
              {ng.issues > 0 && (
                <span className="text-danger-fg">
                  {ng.issues} {ng.issues === 1 ? 'issue' : 'issues'}
                </span>
              )}
              <span className="ml-auto">{where(ng)}</span>
            </span>
          )}
        />
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
        <AttentionList
          label="Pods not running or ready, by cluster"
          items={items}
          itemKey={(entry) => `${entry.accountId}/${entry.region}/${entry.cluster}`}
          renderItem={(entry) => (
            <span className={row}>
              <TileLink
                to={clusterLink({
                  accountId: entry.accountId,
                  region: entry.region,
                  name: entry.cluster,
                })}
                className="font-medium"
              >
                {entry.cluster}
              </TileLink>
              {where(entry)}
              <span className="ml-auto tabular-nums">
                <span className="font-semibold text-danger-fg">{entry.notReady}</span>
                <span className="text-fg-muted"> of {entry.total} pods</span>
              </span>
            </span>
          )}
        />
      )}
    </Tile>
  );
}

/** EKS updates (cluster or node group) still running. */
export function UpdatesTile({ dashboard }: Dashboard) {
  const items = dashboard.updatesInProgress;
  const link = { to: clustersLink({ status: ['UPDATING'] }), label: 'Clusters updating' };
  return (
    <Tile
      title="Updates in progress"
      count={items.length}
      countTone={items.length === 0 ? 'success' : 'info'}
      link={link}
    >
      {items.length === 0 ? (
        <AllClear>No updates running.</AllClear>
      ) : (
        <AttentionList
          label="Updates in progress"
          items={items}
          itemKey={(update) => update.id}
          more={link}
          renderItem={(update) => {
            const ref = {
              accountId: update.accountId,
              region: update.region,
              name: update.cluster,
            };
            return (
              <span className={row}>
                <TileLink
                  to={
                    update.nodegroup
                      ? nodegroupPagePath(ref, update.nodegroup)
                      : clusterLink(ref, 'updates')
                  }
                  className="font-medium"
                >
                  {update.nodegroup ? `${update.cluster} / ${update.nodegroup}` : update.cluster}
                </TileLink>
                <span>{updateTypeLabel(update.type)}</span>
                <span className="ml-auto text-fg-muted">
                  started <RelativeTime iso={update.createdAt} />
                </span>
              </span>
            );
          }}
        />
      )}
    </Tile>
  );
}

/** Connected clusters still waiting for their agent, with the time left on their activation. */
export function ConnectedPendingTile({ dashboard }: Dashboard) {
  const items = dashboard.connectedPending;
  const link = { to: CONNECTED_PENDING_LINK, label: 'Pending connected clusters' };
  return (
    <Tile
      title="Connected clusters pending"
      count={items.length}
      countTone={items.length === 0 ? 'success' : 'pending'}
      link={link}
    >
      {items.length === 0 ? (
        <AllClear>No registration is waiting for its agent.</AllClear>
      ) : (
        <AttentionList
          label="Connected clusters pending"
          items={items}
          itemKey={(item) => `${item.accountId}/${item.region}/${item.name}`}
          more={link}
          renderItem={(item) => (
            <span className={row}>
              <TileLink to={clusterLink(item)} className="font-medium">
                {item.name}
              </TileLink>
              {where(item)}
              <span className="ml-auto">
                {item.activationExpiry ? (
                  <ActivationCountdown expiry={item.activationExpiry} />
                ) : (
                  <span className="text-fg-muted">no expiry given</span>
                )}
              </span>
            </span>
          )}
        />
      )}
    </Tile>
  );
}
