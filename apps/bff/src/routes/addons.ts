import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { AddonChanges } from '../services/addons/addonChanges.ts';
import type { AddonConfigurations } from '../services/addons/addonConfiguration.ts';
import type { AddonsService } from '../services/addons/addonsService.ts';

export function addonRoutes(deps: {
  addons: AddonsService;
  changes: AddonChanges;
  configurations: AddonConfigurations;
}): RouteDef[] {
  const { addons, changes, configurations } = deps;
  return [
    serve(e.fleetAddons, () => addons.fleet()),
    serve(e.clusterAddons, ({ params }) => addons.cluster(params)),
    serve(e.addonConfiguration, ({ params: { addon, ...ref }, query }) =>
      configurations.configuration(ref, addon, query.version),
    ),
    serve(e.createAddon, ({ params, body, change }) => changes.createAddon(params, body, change())),
    serve(e.updateAddon, ({ params: { addon, ...ref }, body, change }) =>
      changes.updateAddon(ref, addon, body, change()),
    ),
    serve(e.deleteAddon, ({ params: { addon, ...ref }, body, change }) =>
      changes.deleteAddon(ref, addon, body, change()),
    ),
  ];
}
