import type { ClusterRef } from '@wheelhouse/contract';

/** The address of a cluster (what the BFF routes take) from anything that carries it. */
export const refOf = (cluster: ClusterRef): ClusterRef => ({
  accountId: cluster.accountId,
  region: cluster.region,
  name: cluster.name,
});
