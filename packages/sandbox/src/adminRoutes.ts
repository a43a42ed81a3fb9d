import type { FaultInjector } from './faults/faultController.ts';
import { AdminInputError, type AdminRouter } from './http/adminRouter.ts';
import type { ServiceRegistry } from './services/service.ts';
import type { Trail } from './trail/trail.ts';
import type { World } from './world/world.ts';

/** The public face of an account: what clients need to sign as it or assume its roles. */
export interface SandboxAccount {
  id: string;
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  consoleRoleArn: string;
  readOnlyRoleArn: string;
}

export interface AdminDeps {
  world: World;
  faults: FaultInjector;
  trail: Trail;
  registry: ServiceRegistry;
  accounts: SandboxAccount[];
}

/** The built-in admin endpoints: health, faults, trail, accounts. */
export function registerAdminRoutes(router: AdminRouter, deps: AdminDeps): void {
  const { world, faults, trail, registry, accounts } = deps;

  router.add('GET', '/health', () => {
    const clusters = world.regionStates().reduce((sum, state) => sum + state.clusters.size, 0);
    return {
      status: 200,
      body: {
        status: 'ok',
        now: world.now().toISOString(),
        speed: world.clock.speed,
        services: registry.names(),
        accounts: world.accounts.length,
        regions: world.regions,
        clusters,
      },
    };
  });

  const guarded = (change: () => void) => {
    try {
      change();
    } catch (error) {
      throw new AdminInputError((error as Error).message);
    }
    return { status: 200, body: faults.list() };
  };
  router.add('GET', '/faults', () => ({ status: 200, body: faults.list() }));
  router.add('PUT', '/faults', (request) => {
    const rules = request.json();
    if (!Array.isArray(rules))
      throw new AdminInputError('PUT /_sandbox/faults takes a JSON array of fault rules.');
    // faults.set checks each rule and names the bad one.
    return guarded(() => faults.set(rules as never));
  });
  router.add('POST', '/faults', (request) => guarded(() => faults.add(request.json() as never)));
  router.add('DELETE', '/faults', () => guarded(() => faults.clear()));

  router.add('GET', '/trail', () => ({ status: 200, body: trail.list() }));
  router.add('GET', '/accounts', () => ({ status: 200, body: accounts }));
}
