import { describe, expect, it } from 'vitest';
import {
  compute,
  fargateProfile,
  nodegroup,
  nodegroupDetail,
  update,
} from '../test/computeFixtures.ts';
import {
  COMPUTE_BUSY_POLL_MS,
  COMPUTE_IDLE_POLL_MS,
  computeIsChanging,
  computeQueryOptions,
  fargateMatchSearch,
  nodegroupIsChanging,
  nodegroupPagePath,
} from './compute.ts';
import { createQueryClient } from './queryClient.ts';

const ref = { accountId: '111111111111', region: 'eu-west-1', name: 'prod-web' };

describe('compute polling', () => {
  it('counts a cluster as changing while a node group or Fargate profile is', () => {
    expect(computeIsChanging(compute())).toBe(false);
    expect(computeIsChanging(compute({ nodegroups: [nodegroup({ status: 'UPDATING' })] }))).toBe(
      true,
    );
    expect(
      computeIsChanging(compute({ fargateProfiles: [fargateProfile({ status: 'DELETING' })] })),
    ).toBe(true);
    expect(computeIsChanging(compute({ nodegroups: [nodegroup({ status: 'DEGRADED' })] }))).toBe(
      false,
    );
  });

  it('counts a node group as changing while an update is in progress, even when ACTIVE', () => {
    expect(nodegroupIsChanging(nodegroupDetail())).toBe(false);
    expect(
      nodegroupIsChanging(nodegroupDetail({ updates: [update({ status: 'InProgress' })] })),
    ).toBe(true);
    expect(
      nodegroupIsChanging(nodegroupDetail({ nodegroup: nodegroup({ status: 'CREATING' }) })),
    ).toBe(true);
  });

  it('polls fast while something changes and slowly otherwise', () => {
    const queryClient = createQueryClient();
    const options = computeQueryOptions(ref);
    const interval = options.refetchInterval as (query: unknown) => number;
    queryClient.setQueryData(options.queryKey, compute());
    const idle = queryClient.getQueryCache().find({ queryKey: options.queryKey })!;
    expect(interval(idle)).toBe(COMPUTE_IDLE_POLL_MS);
    queryClient.setQueryData(
      options.queryKey,
      compute({ nodegroups: [nodegroup({ status: 'CREATING' })] }),
    );
    expect(interval(idle)).toBe(COMPUTE_BUSY_POLL_MS);
  });
});

describe('compute paths', () => {
  it('escapes names and repeats label= for each label', () => {
    expect(nodegroupPagePath(ref, 'ng 1')).toBe(
      '/clusters/111111111111/eu-west-1/prod-web/nodegroups/ng%201',
    );
    expect(fargateMatchSearch('batch', { tier: 'jobs', app: 'etl' })).toBe(
      'namespace=batch&label=tier%3Djobs&label=app%3Detl',
    );
  });
});
