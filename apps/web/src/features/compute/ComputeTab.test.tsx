import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  CLUSTER_PAGE,
  auditorSession,
  compute,
  computePageHandlers,
  fargateProfile,
  instance,
  nodegroup,
  nodegroupDetail,
  selfManagedGroup,
  CLUSTER_API,
} from '../../test/computeFixtures.ts';
import { json, problem, stubFetch } from '../../test/fetchStub.ts';
import { clusterDetail, operatorSession } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const tabPanel = () => screen.getByRole('tabpanel');

async function showCompute(session = operatorSession, data = compute()) {
  stubFetch(computePageHandlers(session, data));
  renderApp(`${CLUSTER_PAGE}?tab=compute`);
  await screen.findByRole('heading', { name: /Managed node groups/ });
}

describe('ComputeTab', () => {
  it('is a tab of EKS clusters, not of connected ones', async () => {
    stubFetch(computePageHandlers(operatorSession, compute()));
    const eks = renderApp(CLUSTER_PAGE);
    expect(await screen.findByRole('tab', { name: 'Compute' })).toBeInTheDocument();
    eks.unmount();

    stubFetch({
      ...computePageHandlers(operatorSession, compute()),
      [`GET ${CLUSTER_API}`]: () =>
        json(clusterDetail({ connected: true, status: 'ACTIVE', provider: 'GKE' })),
    });
    renderApp(CLUSTER_PAGE);
    await screen.findByRole('tab', { name: 'Overview' });
    expect(screen.queryByRole('tab', { name: 'Compute' })).not.toBeInTheDocument();
  });

  it('shows each managed node group with status, capacity, versions, size, labels, taints, subnets', async () => {
    await showCompute(
      operatorSession,
      compute({
        nodegroups: [
          nodegroup({
            name: 'spot-workers',
            status: 'UPDATING',
            capacityType: 'SPOT',
            instanceTypes: ['m5.large', 'm5a.large'],
            currentInstances: 3,
            scaling: { minSize: 1, maxSize: 6, desiredSize: 4 },
            labels: { team: 'web', tier: 'front' },
            taints: [{ key: 'spot', value: 'true', effect: 'NO_SCHEDULE' }],
          }),
        ],
      }),
    );
    const table = screen.getByRole('table', { name: 'Managed node groups' });
    const row = within(table).getByRole('link', { name: 'spot-workers' }).closest('tr')!;
    expect(within(table).getByRole('link', { name: 'spot-workers' })).toHaveAttribute(
      'href',
      `${CLUSTER_PAGE}/nodegroups/spot-workers`,
    );
    const badge = within(row).getByText('Updating');
    expect(badge.querySelector('.wh-pulse')).not.toBeNull();
    expect(row).toHaveTextContent('Spot');
    expect(row).toHaveTextContent('m5.large, m5a.large');
    expect(row).toHaveTextContent('AL2023_x86_64_STANDARD');
    expect(row).toHaveTextContent('1.31');
    expect(row).toHaveTextContent('1.31.0-20240514');
    expect(
      within(row).getByRole('img', { name: '3 of 4 desired running (min 1, max 6)' }),
    ).toBeInTheDocument();
    expect(within(row).getByRole('list', { name: 'Labels' })).toHaveTextContent('team=web');
    expect(within(row).getByRole('list', { name: 'Taints' })).toHaveTextContent(
      'spot=true:NoSchedule',
    );
    expect(within(row).getByRole('list', { name: 'Subnets' })).toHaveTextContent(
      'subnet-0aaa1111subnet-0bbb2222',
    );
    expect(row).toHaveTextContent('None');
  });

  it("shows how far each node group's AMI is behind, amber then red with age, and latest in green", async () => {
    const latest = {
      latestReleaseVersion: '1.31.13-20261118',
      latestReleasedAt: '2026-11-20T18:00:00Z',
    };
    await showCompute(
      operatorSession,
      compute({
        nodegroups: [
          nodegroup({
            name: 'fresh',
            releaseVersion: '1.31.13-20261118',
            amiDrift: { status: 'latest', releasesBehind: 0, daysBehind: 0, ...latest },
          }),
          nodegroup({
            name: 'lagging',
            releaseVersion: '1.31.13-20260915',
            amiDrift: { status: 'behind', releasesBehind: 1, daysBehind: 64, ...latest },
          }),
          nodegroup({
            name: 'stale',
            releaseVersion: '1.31.13-20251120',
            amiDrift: { status: 'behind', releasesBehind: 6, daysBehind: 363, ...latest },
          }),
          nodegroup({
            name: 'old-al2',
            amiDrift: {
              status: 'unknown',
              reason: 'AWS publishes no AL2_x86_64 AMI for Kubernetes 1.33 (AL2 ends at 1.32).',
            },
          }),
          nodegroup({ name: 'unread' }),
        ],
      }),
    );
    const table = screen.getByRole('table', { name: 'Managed node groups' });
    expect(within(table).getByRole('columnheader', { name: /AMI/ })).toBeInTheDocument();
    const rowOf = (name: string) => within(table).getByRole('link', { name }).closest('tr')!;

    const fresh = within(rowOf('fresh')).getByText('latest');
    expect(fresh.className).toContain('text-success-fg');
    const lagging = within(rowOf('lagging')).getByText('1 release / 64 days behind');
    expect(lagging).toHaveAttribute(
      'title',
      'Latest release: 1.31.13-20261118 (released 2026-11-20)',
    );
    const stale = within(rowOf('stale')).getByText('6 releases / 363 days behind');
    expect(lagging.className).toContain('text-warning-fg');
    expect(stale.className).toContain('text-danger-fg');
    expect(rowOf('stale')).toHaveTextContent('1.31.13-20251120');
    expect(within(rowOf('old-al2')).getByText('unknown')).toHaveAttribute(
      'title',
      'AWS publishes no AL2_x86_64 AMI for Kubernetes 1.33 (AL2 ends at 1.32).',
    );
    expect(within(rowOf('unread')).getByText('drift not known')).toBeInTheDocument();
  });

  it('keeps the node group sort in the URL, so a link or a reload shows the same order', async () => {
    stubFetch(
      computePageHandlers(
        operatorSession,
        compute({
          nodegroups: [
            nodegroup({ name: 'alpha', version: '1.31' }),
            nodegroup({ name: 'bravo', version: '1.33' }),
            nodegroup({ name: 'charlie', version: '1.32' }),
          ],
        }),
      ),
    );
    const user = userEvent.setup();
    const app = renderApp(`${CLUSTER_PAGE}?tab=compute&nodegroupSort=name&nodegroupDir=desc`);
    const table = await screen.findByRole('table', { name: 'Managed node groups' });
    const names = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[0]!.textContent);
    expect(names()).toEqual(['charlie', 'bravo', 'alpha']);

    await user.click(within(table).getByRole('button', { name: 'Version' }));
    expect(app.location().search).toBe('?tab=compute&nodegroupSort=version');
    expect(names()).toEqual(['alpha', 'charlie', 'bravo']);
    // Back to the default order: the URL is clean again.
    await user.click(within(table).getByRole('button', { name: 'Name' }));
    expect(app.location().search).toBe('?tab=compute');
  });

  it('counts health issues in red and expands them to their messages', async () => {
    await showCompute(
      operatorSession,
      compute({
        nodegroups: [
          nodegroup({
            health: [
              {
                code: 'AsgInstanceLaunchFailures',
                message: 'Could not launch On-Demand Instances. InsufficientInstanceCapacity',
                resourceIds: ['eks-general-0ec5a1b2'],
              },
              {
                code: 'NodeCreationFailure',
                message: 'Instances failed to join.',
                resourceIds: [],
              },
            ],
          }),
        ],
      }),
    );
    const user = userEvent.setup();
    const toggle = screen.getByRole('button', { name: '2 health issues of general' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const issues = screen.getByRole('list', { name: 'Health issues of general' });
    expect(issues).toHaveTextContent('AsgInstanceLaunchFailures');
    expect(issues).toHaveTextContent('InsufficientInstanceCapacity');
    expect(issues).toHaveTextContent('Instances failed to join.');
  });

  it('gives operators the row actions and create buttons', async () => {
    await showCompute(operatorSession, compute({ fargateProfiles: [fargateProfile()] }));
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Create node group' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create Fargate profile' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Actions for general' }));
    expect((await screen.findAllByRole('menuitem')).map((item) => item.textContent)).toEqual([
      'Scale',
      'Edit labels & taints',
      'Update version',
      'Delete',
    ]);
  });

  it('shows auditors no change controls at all', async () => {
    await showCompute(auditorSession, compute({ fargateProfiles: [fargateProfile()] }));
    expect(screen.getByRole('table', { name: 'Managed node groups' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Fargate profiles' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Create/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Actions for/ })).not.toBeInTheDocument();
  });

  it('shows auditors no change controls on the node group page', async () => {
    stubFetch({
      ...computePageHandlers(auditorSession, compute()),
      [`GET ${CLUSTER_API}/nodegroups/general`]: () => json(nodegroupDetail()),
    });
    renderApp(`${CLUSTER_PAGE}/nodegroups/general`);
    await screen.findByRole('table', { name: 'Instances' });
    for (const name of ['Scale', 'Edit labels & taints', 'Update version', 'Delete']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });

  it('marks a uniform self-managed group green', async () => {
    await showCompute(operatorSession, compute({ selfManaged: [selfManagedGroup()] }));
    const card = screen.getByRole('article', { name: 'legacy-workers' });
    expect(within(card).getByText('uniform')).toHaveClass('bg-success-bg');
    expect(card).toHaveTextContent('3 / 1 / 4');
    expect(card).toHaveTextContent('lt-0abc (version 4)');
    expect(
      screen.getByText('How self-managed node groups are updated').closest('details'),
    ).not.toHaveAttribute('open');
  });

  it('lists the self-managed instances whose AMI release is behind the latest', async () => {
    await showCompute(
      operatorSession,
      compute({
        selfManaged: [
          selfManagedGroup({
            amiBehind: [
              {
                instanceId: 'i-03',
                imageId: 'ami-0old',
                release: 'amazon-eks-node-al2023-x86_64-standard-1.31-v20251020',
                latestImageId: 'ami-0new',
                releasesBehind: 7,
                daysBehind: 394,
              },
            ],
          }),
        ],
      }),
    );
    const card = screen.getByRole('article', { name: 'legacy-workers' });
    expect(within(card).getByText('AMI behind')).toHaveClass('bg-danger-bg');
    const list = within(card).getByRole('list', {
      name: 'Instances behind the AMI of legacy-workers',
    });
    expect(list).toHaveTextContent(
      'i-03 — amazon-eks-node-al2023-x86_64-standard-1.31-v20251020: 7 releases / 394 days behind',
    );
  });

  it('marks a mixed group amber, with the traits that differ, their values and the outliers', async () => {
    await showCompute(
      operatorSession,
      compute({
        selfManaged: [
          selfManagedGroup({
            instances: [
              instance({ instanceId: 'i-01' }),
              instance({ instanceId: 'i-02' }),
              instance({ instanceId: 'i-03', imageId: 'ami-0old', instanceType: 'm4.large' }),
            ],
            uniformity: {
              instanceTypes: ['m4.large', 'm5.large'],
              imageIds: ['ami-0new', 'ami-0old'],
              roles: ['arn:aws:iam::111111111111:instance-profile/nodes'],
              uniform: false,
              outliers: [{ instanceId: 'i-03', differs: ['instanceType', 'imageId'] }],
            },
          }),
        ],
      }),
    );
    const card = screen.getByRole('article', { name: 'legacy-workers' });
    expect(within(card).getByText('mixed')).toHaveClass('bg-warning-bg');
    expect(card).toHaveTextContent('Instances differ in instance type, AMI.');
    expect(card).toHaveTextContent('Instance typesm4.largem5.large');
    expect(card).toHaveTextContent('AMIsami-0newami-0old');
    expect(card).not.toHaveTextContent('IAM roles');
    expect(card).toHaveTextContent('1 instance differs from the rest of the group');
    expect(
      within(card).getByRole('list', { name: 'Outlier instances of legacy-workers' }),
    ).toHaveTextContent('i-03 — different instance type, AMI');
    // A mixed group is when the update methods matter: the explanation is open.
    const details = screen
      .getByText('How self-managed node groups are updated')
      .closest('details')!;
    expect(details).toHaveAttribute('open');
    expect(details).toHaveTextContent('instance refresh');
  });

  it('lists Fargate profiles with role, subnets and selectors, and warns about overlaps', async () => {
    await showCompute(
      operatorSession,
      compute({
        fargateProfiles: [
          fargateProfile({ name: 'batch' }),
          fargateProfile({ name: 'jobs', selectors: [{ namespace: 'batch' }] }),
        ],
        fargateOverlaps: [
          { profiles: ['batch', 'jobs'], namespace: 'batch', labels: { tier: 'jobs' } },
        ],
      }),
    );
    const table = screen.getByRole('table', { name: 'Fargate profiles' });
    const row = within(table).getByText('batch', { selector: 'span' }).closest('tr')!;
    expect(row).toHaveTextContent('arn:aws:iam::111111111111:role/eks-fargate-pods');
    expect(row).toHaveTextContent('subnet-0ccc3333');
    expect(
      within(row).getByRole('listitem', { name: 'namespace batch, labels tier=jobs' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Overlapping Fargate profiles' })).toHaveTextContent(
      'Profiles batch and jobs can both match pods in namespace batch with labels tier=jobs; EKS picks one of them at random.',
    );
  });

  it('names the source that failed and still shows the rest', async () => {
    await showCompute(
      operatorSession,
      compute({
        errors: [
          {
            accountId: '111111111111',
            region: 'eu-west-1',
            cluster: 'prod-web',
            code: 'AccessDenied',
            message:
              'Auto Scaling groups: User is not authorized to perform: autoscaling:DescribeAutoScalingGroups',
          },
        ],
      }),
    );
    const alert = screen.getByRole('alert', { name: /could not be read; the rest is shown/ });
    expect(alert).toHaveTextContent('AccessDenied');
    expect(alert).toHaveTextContent(
      'Auto Scaling groups: User is not authorized to perform: autoscaling:DescribeAutoScalingGroups',
    );
    expect(screen.getByRole('table', { name: 'Managed node groups' })).toBeInTheDocument();
    expect(tabPanel()).toBeInTheDocument();
  });

  it('explains a failed load and offers a retry', async () => {
    stubFetch(
      computePageHandlers(operatorSession, () =>
        problem(502, 'Bad gateway', 'EKS did not answer.'),
      ),
    );
    renderApp(`${CLUSTER_PAGE}?tab=compute`);
    const alert = await screen.findByRole('alert', {
      name: "Could not load this cluster's compute",
    });
    expect(alert).toHaveTextContent('EKS did not answer.');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
