import type { CredentialStore } from '../auth/credentialStore.ts';
import type { ClusterRecord } from '../world/eks/types.ts';
import type { World } from '../world/world.ts';
import { KubeDirectory, type KubeDirectoryOptions } from './kubeDirectory.ts';

/** Which world's clusters have Kubernetes (EKS wire shapes ask it for API endpoints). */
const directories = new WeakMap<World, KubeDirectory>();

/** Gives the world's clusters a Kubernetes API and simulation, ticked with the world. */
export function installKubernetes(
  world: World,
  credentials: CredentialStore,
  options: KubeDirectoryOptions,
): { directory: KubeDirectory; uninstall: () => void } {
  const directory = new KubeDirectory(world, credentials, options);
  directories.set(world, directory);
  const stopTicking = world.scheduler.onTick(() => directory.tick());
  return {
    directory,
    uninstall: () => {
      stopTicking();
      directories.delete(world);
    },
  };
}

/**
 * The cluster's Kubernetes API endpoint for DescribeCluster: starts its
 * server when the cluster serves; undefined when Kubernetes is off.
 */
export async function kubeEndpointOf(
  world: World,
  cluster: ClusterRecord,
): Promise<string | undefined> {
  // A server that cannot start (the cluster went away meanwhile) leaves the placeholder endpoint.
  return directories
    .get(world)
    ?.endpointOf(cluster)
    .catch(() => undefined);
}

/** The endpoint only if the server already runs (a deleting cluster keeps showing it). */
export function runningKubeEndpointOf(world: World, cluster: ClusterRecord): string | undefined {
  return directories.get(world)?.runningEndpointOf(cluster);
}
