import { describeAddonVersions } from '../../world/eks/addonCatalogue.ts';
import { describeAddonConfiguration } from '../../world/eks/addonConfigurationSchemas.ts';
import {
  createAddon,
  deleteAddon,
  findAddon,
  listAddonNames,
  updateAddon,
} from '../../world/eks/addons.ts';
import { findEksCluster } from '../../world/eks/clusters.ts';
import { paginate } from '../../world/pagination.ts';
import { eksErrors } from '../../world/eks/eksErrors.ts';
import { defined, type QueryInput } from './eksInput.ts';
import type { EksCall, EksRoute } from './eksRoute.ts';
import { addonInfoToWire, addonToWire, updateToWire } from './wireShapes.ts';

/** EKS add-ons: the catalogue (DescribeAddonVersions) and a cluster's installed add-ons. */

function addonResource({ state, path, body }: EksCall): string {
  const cluster = state.clusters.get(path.name!);
  const name = path.addonName ?? body.optionalString('addonName') ?? '*';
  const existing = cluster?.kind === 'eks' ? cluster.addons.get(name) : undefined;
  return (
    existing?.arn ?? `arn:aws:eks:${state.region}:${state.accountId}:addon/${path.name}/${name}/*`
  );
}

/** A query member the model marks required; EKS refuses its absence as a bad parameter. */
function requiredQuery(query: QueryInput, name: string): string {
  const value = query.string(name);
  if (value === undefined || value === '')
    throw eksErrors.invalidParameter(`${name} is a required parameter`);
  return value;
}

export const addonRoutes: EksRoute[] = [
  {
    method: 'GET',
    path: '/clusters/{name}/addons',
    operation: 'ListAddons',
    async run({ state, path, query }) {
      const page = listAddonNames(findEksCluster(state, path.name!), {
        ...defined({
          maxResults: query.integer('maxResults'),
          nextToken: query.string('nextToken'),
        }),
      });
      return { addons: page.items, ...defined({ nextToken: page.nextToken }) };
    },
  },
  {
    method: 'GET',
    path: '/clusters/{name}/addons/{addonName}',
    operation: 'DescribeAddon',
    run: async ({ state, path }) => ({
      addon: addonToWire(findAddon(findEksCluster(state, path.name!), path.addonName!)),
    }),
    resource: addonResource,
  },
  {
    method: 'POST',
    path: '/clusters/{name}/addons',
    operation: 'CreateAddon',
    async run({ world, state, path, body }) {
      const addon = createAddon(world, state, path.name!, {
        addonName: body.string('addonName'),
        ...defined({
          addonVersion: body.optionalString('addonVersion'),
          serviceAccountRoleArn: body.optionalString('serviceAccountRoleArn'),
          resolveConflicts: body.optionalString('resolveConflicts'),
          configurationValues: body.optionalString('configurationValues'),
          tags: body.optionalStringMap('tags'),
        }),
      });
      return { addon: addonToWire(addon) };
    },
    resource: addonResource,
    idempotent: true,
  },
  {
    method: 'POST',
    path: '/clusters/{name}/addons/{addonName}/update',
    operation: 'UpdateAddon',
    async run({ world, state, path, body }) {
      const update = updateAddon(world, state, path.name!, path.addonName!, {
        ...defined({
          addonVersion: body.optionalString('addonVersion'),
          serviceAccountRoleArn: body.optionalString('serviceAccountRoleArn'),
          resolveConflicts: body.optionalString('resolveConflicts'),
          configurationValues: body.optionalString('configurationValues'),
        }),
      });
      return { update: updateToWire(update) };
    },
    resource: addonResource,
    idempotent: true,
  },
  {
    method: 'DELETE',
    path: '/clusters/{name}/addons/{addonName}',
    operation: 'DeleteAddon',
    run: async ({ world, state, path }) => ({
      addon: addonToWire(deleteAddon(world, state, path.name!, path.addonName!)),
    }),
    resource: addonResource,
  },
  {
    method: 'GET',
    path: '/addons/supported-versions',
    operation: 'DescribeAddonVersions',
    async run({ query }) {
      const kubernetesVersion = query.string('kubernetesVersion');
      const entries = describeAddonVersions({
        ...defined({
          kubernetesVersion,
          addonName: query.string('addonName'),
          types: query.list('types'),
          publishers: query.list('publishers'),
          owners: query.list('owners'),
        }),
      });
      const page = paginate(entries, (entry) => entry.addonName, {
        ...defined({
          maxResults: query.integer('maxResults'),
          nextToken: query.string('nextToken'),
        }),
      });
      return {
        addons: page.items.map((entry) => addonInfoToWire(entry, kubernetesVersion)),
        ...defined({ nextToken: page.nextToken }),
      };
    },
    resource: () => '*',
  },
  {
    method: 'GET',
    path: '/addons/configuration-schemas',
    operation: 'DescribeAddonConfiguration',
    async run({ query }) {
      const configuration = describeAddonConfiguration(
        requiredQuery(query, 'addonName'),
        requiredQuery(query, 'addonVersion'),
      );
      return {
        addonName: configuration.addonName,
        addonVersion: configuration.addonVersion,
        // EKS sends the schema as a JSON string, not as a nested structure.
        configurationSchema: JSON.stringify(configuration.schema),
        podIdentityConfiguration: configuration.podIdentityConfiguration,
      };
    },
    resource: () => '*',
  },
];
