import type { AdminRouter } from '../../http/adminRouter.ts';
import { AdminInputError } from '../../http/adminRouter.ts';
import { queryValues } from '../../http/request.ts';
import { liveMembers } from '../../world/ec2/autoScalingGroups.ts';
import type { Ec2InstanceRecord } from '../../world/ec2/types.ts';
import type { World } from '../../world/world.ts';

/**
 * Admin endpoints for tests and e2e: instances and Auto Scaling groups as
 * plain JSON (no signing, loopback only), and a manual tick.
 */

function one(query: Record<string, string | string[]>, name: string): string | undefined {
  const values = queryValues(query, name);
  if (values.length > 1) throw new AdminInputError(`Give ${name} at most once.`);
  return values[0] || undefined;
}

/** The account-regions a query names (unset = all the world has). */
function statesOf(world: World, query: Record<string, string | string[]>) {
  const accountId = one(query, 'accountId');
  const region = one(query, 'region');
  if (accountId !== undefined && !/^\d{12}$/.test(accountId))
    throw new AdminInputError('accountId must be 12 digits.');
  return world
    .regionStates()
    .filter(
      (state) =>
        (accountId === undefined || state.accountId === accountId) &&
        (region === undefined || state.region === region),
    );
}

export function instanceToJson(instance: Ec2InstanceRecord) {
  return { ...instance, launchTime: instance.launchTime.toISOString() };
}

export function registerComputeAdminRoutes(router: AdminRouter, world: World): void {
  router.add('GET', '/instances', ({ request }) => {
    const cluster = one(request.query, 'cluster');
    const state = one(request.query, 'state');
    const instances = statesOf(world, request.query)
      .flatMap((regionState) => world.ec2.instances(regionState.accountId, regionState.region))
      .filter(
        (instance) =>
          (cluster === undefined || `kubernetes.io/cluster/${cluster}` in instance.tags) &&
          (state === undefined || instance.state === state),
      )
      .sort(
        (a, b) =>
          a.launchTime.getTime() - b.launchTime.getTime() ||
          a.instanceId.localeCompare(b.instanceId),
      );
    return { status: 200, body: instances.map(instanceToJson) };
  });

  router.add('GET', '/autoscaling-groups', ({ request }) => {
    const cluster = one(request.query, 'cluster');
    const groups = statesOf(world, request.query)
      .flatMap((state) => world.autoScaling.groups(state.accountId, state.region))
      .filter((group) => cluster === undefined || `kubernetes.io/cluster/${cluster}` in group.tags)
      .map((group) => ({
        name: group.name,
        arn: group.arn,
        accountId: group.accountId,
        region: group.region,
        minSize: group.minSize,
        maxSize: group.maxSize,
        desiredCapacity: group.desiredCapacity,
        liveInstances: liveMembers(world, group).length,
        instanceIds: group.members.map((member) => member.instanceId),
        launchTemplate: group.launchTemplate,
        refreshing: group.refresh !== undefined,
        deleting: group.deleting,
        tags: group.tags,
      }));
    return { status: 200, body: groups };
  });

  router.add('POST', '/tick', () => {
    world.tick();
    return {
      status: 200,
      body: { now: world.now().toISOString(), elapsedMs: world.clock.elapsedMs() },
    };
  });
}
