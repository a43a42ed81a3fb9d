import type { Instance, Uniformity } from '@wheelhouse/contract';

type Trait = 'instanceType' | 'imageId' | 'role';
const TRAITS: Trait[] = ['instanceType', 'imageId', 'role'];

const traitOf = (instance: Instance, trait: Trait): string | undefined =>
  trait === 'role' ? instance.iamInstanceProfile : instance[trait];

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/**
 * Every instance of a node group should share instance type, AMI and IAM role; a half-done in-place
 * AMI update, for one, leaves a mix. Outliers are the instances that differ from the most common value.
 */
export function uniformityOf(instances: Instance[]): Uniformity {
  const live = instances.filter((instance) => instance.state !== 'terminated');
  const distinct = (trait: Trait) =>
    [...new Set(live.map((i) => traitOf(i, trait)).filter((v): v is string => !!v))].sort();
  const majority = Object.fromEntries(
    TRAITS.map((trait) => [
      trait,
      mostCommon(live.map((i) => traitOf(i, trait)).filter((v): v is string => !!v)),
    ]),
  ) as Record<Trait, string | undefined>;
  const outliers = live
    .map((instance) => ({
      instanceId: instance.instanceId,
      differs: TRAITS.filter((trait) => {
        const value = traitOf(instance, trait);
        return value !== undefined && value !== majority[trait];
      }),
    }))
    .filter((outlier) => outlier.differs.length > 0);
  const [instanceTypes, imageIds, roles] = [
    distinct('instanceType'),
    distinct('imageId'),
    distinct('role'),
  ];
  return {
    instanceTypes,
    imageIds,
    roles,
    uniform: instanceTypes.length <= 1 && imageIds.length <= 1 && roles.length <= 1,
    outliers,
  };
}
