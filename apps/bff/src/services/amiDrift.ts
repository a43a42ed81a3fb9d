import type { Nodegroup as EksNodegroup } from '@aws-sdk/client-eks';
import type { AmiDrift, Instance, InstanceAmiBehind } from '@wheelhouse/contract';
import type { AccountRegion, AwsGateway } from '../upstream/awsGateway.ts';
import type { PublicParameter } from '../upstream/ssmGateway.ts';

/**
 * AMI drift: how far node images lag the newest release AWS publishes for their family, read from
 * SSM's public parameters. EKS-optimized AMIs live under
 * /aws/service/eks/optimized-ami/<v>/<os>/... (recommended/release_version, and one
 * <image name>/image_id per release); Bottlerocket under /aws/service/bottlerocket/aws-k8s-<v>/<arch>
 * (latest/image_version, and <version>/{image_version,image_id} per release).
 */

const DAY_MS = 86_400_000;
/** EKS publishes no AL2 AMI for Kubernetes 1.33 and later. */
const LAST_AL2_MINOR = 32;

/** Where an AMI type's releases of one Kubernetes version are published. */
export interface AmiFamily {
  root: string;
  kind: 'eks' | 'bottlerocket';
}

const minorOf = (version: string) => Number(/^1\.(\d+)/.exec(version)?.[1] ?? Number.NaN);

const AL2023: Record<string, string> = {
  AL2023_x86_64_STANDARD: 'x86_64/standard',
  AL2023_ARM_64_STANDARD: 'arm64/standard',
  AL2023_x86_64_NVIDIA: 'x86_64/nvidia',
  AL2023_ARM_64_NVIDIA: 'arm64/nvidia',
  AL2023_x86_64_NEURON: 'x86_64/neuron',
};
const AL2: Record<string, string> = {
  AL2_x86_64: 'amazon-linux-2',
  AL2_ARM_64: 'amazon-linux-2-arm64',
  AL2_x86_64_GPU: 'amazon-linux-2-gpu',
};
const BOTTLEROCKET: Record<string, string> = {
  BOTTLEROCKET_x86_64: '/x86_64',
  BOTTLEROCKET_ARM_64: '/arm64',
  BOTTLEROCKET_x86_64_NVIDIA: '-nvidia/x86_64',
  BOTTLEROCKET_ARM_64_NVIDIA: '-nvidia/arm64',
};

/** The family of an AMI type and Kubernetes version, or why there is none to compare with. */
export function amiFamily(amiType: string, version: string): AmiFamily | { reason: string } {
  const eks = (tail: string): AmiFamily => ({
    root: `/aws/service/eks/optimized-ami/${version}/${tail}`,
    kind: 'eks',
  });
  if (AL2023[amiType]) return eks(`amazon-linux-2023/${AL2023[amiType]}`);
  if (AL2[amiType]) {
    if (!(minorOf(version) <= LAST_AL2_MINOR))
      return {
        reason: `AWS publishes no ${amiType} AMI for Kubernetes ${version} (AL2 ends at 1.32).`,
      };
    return eks(AL2[amiType]);
  }
  if (BOTTLEROCKET[amiType])
    return {
      root: `/aws/service/bottlerocket/aws-k8s-${version}${BOTTLEROCKET[amiType]}`,
      kind: 'bottlerocket',
    };
  return { reason: `${amiType} images are not among the releases AWS publishes in SSM.` };
}

/** One published release of a family. */
export interface AmiRelease {
  /** What identifies it: the build date (EKS-optimized, "20251120") or the image version (Bottlerocket). */
  key: string;
  /** SSM's folder of the release (the image name, or the Bottlerocket version). */
  name: string;
  imageId?: string;
  publishedAt: Date;
}

/** A family's releases (oldest first) and the newest one, as SSM lists them. */
export interface ReleaseCatalogue {
  releases: AmiRelease[];
  latest: AmiRelease;
  latestReleaseVersion: string;
}

const buildOf = (text: string) => /(\d{8})$/.exec(text)?.[1];

/** Reads a family's parameters; undefined when the family has no release (nothing published). */
export function releaseCatalogue(
  family: AmiFamily,
  parameters: PublicParameter[],
): ReleaseCatalogue | undefined {
  const pointer = family.kind === 'eks' ? 'recommended' : 'latest';
  const versionLeaf = family.kind === 'eks' ? 'release_version' : 'image_version';
  const byFolder = new Map<string, { imageId?: string; version?: string; publishedAt?: Date }>();
  for (const parameter of parameters) {
    if (!parameter.name.startsWith(`${family.root}/`)) continue;
    const [folder, leaf, ...rest] = parameter.name.slice(family.root.length + 1).split('/');
    if (!folder || !leaf || rest.length > 0) continue;
    const entry = byFolder.get(folder) ?? {};
    if (leaf === 'image_id') entry.imageId = parameter.value;
    if (leaf === versionLeaf) entry.version = parameter.value;
    if (parameter.lastModified && (leaf === 'image_id' || leaf === versionLeaf))
      entry.publishedAt = parameter.lastModified;
    byFolder.set(folder, entry);
  }
  const latestVersion = byFolder.get(pointer)?.version;
  if (!latestVersion) return undefined;
  const releases: AmiRelease[] = [];
  for (const [folder, entry] of byFolder) {
    if (folder === pointer || !entry.publishedAt) continue;
    const key = family.kind === 'eks' ? buildOf(folder) : entry.version;
    if (!key) continue;
    releases.push({
      key,
      name: folder,
      ...(entry.imageId ? { imageId: entry.imageId } : {}),
      publishedAt: entry.publishedAt,
    });
  }
  releases.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  const latestKey = family.kind === 'eks' ? buildOf(latestVersion) : latestVersion;
  const latest = releases.find((release) => release.key === latestKey);
  if (!latest) return undefined;
  return { releases, latest, latestReleaseVersion: latestVersion };
}

/** How far `release` is behind the catalogue's newest release. */
function behind(catalogue: ReleaseCatalogue, release: AmiRelease) {
  return {
    releasesBehind: catalogue.releases.filter(
      (other) => other.publishedAt.getTime() > release.publishedAt.getTime(),
    ).length,
    daysBehind: Math.max(
      0,
      Math.floor((catalogue.latest.publishedAt.getTime() - release.publishedAt.getTime()) / DAY_MS),
    ),
  };
}

/** A managed node group's drift against its family's catalogue. */
export function nodegroupDrift(
  nodegroup: Pick<EksNodegroup, 'amiType' | 'releaseVersion' | 'version'>,
  family: AmiFamily | { reason: string },
  catalogue: ReleaseCatalogue | undefined,
): AmiDrift {
  const known = {
    ...(nodegroup.amiType ? { amiType: nodegroup.amiType } : {}),
    ...(nodegroup.releaseVersion ? { releaseVersion: nodegroup.releaseVersion } : {}),
  };
  if ('reason' in family) return { status: 'unknown', ...known, reason: family.reason };
  if (!catalogue)
    return {
      status: 'unknown',
      ...known,
      reason: `SSM lists no ${nodegroup.amiType} release for Kubernetes ${nodegroup.version}.`,
    };
  const latest = {
    latestReleaseVersion: catalogue.latestReleaseVersion,
    latestReleasedAt: catalogue.latest.publishedAt.toISOString(),
  };
  const release = nodegroup.releaseVersion ?? '';
  const key = family.kind === 'eks' ? buildOf(release) : release;
  const own = catalogue.releases.find((candidate) => candidate.key === key);
  if (!own)
    return {
      status: 'unknown',
      ...known,
      ...latest,
      reason: `Release ${release || '(none)'} is not among the releases SSM lists for ${nodegroup.amiType} ${nodegroup.version}.`,
    };
  const lag = behind(catalogue, own);
  return { status: lag.releasesBehind === 0 ? 'latest' : 'behind', ...known, ...latest, ...lag };
}

/** Families a self-managed group's images may come from (AMI type unknown: its image tells). */
const SELF_MANAGED_TYPES = [
  'AL2023_x86_64_STANDARD',
  'AL2023_ARM_64_STANDARD',
  'AL2023_x86_64_NVIDIA',
  'AL2_x86_64',
  'BOTTLEROCKET_x86_64',
  'BOTTLEROCKET_ARM_64',
];

/** Self-managed instances on an older release than the newest of their image's family. */
export function instancesBehind(
  instances: Instance[],
  catalogues: ReleaseCatalogue[],
): InstanceAmiBehind[] {
  const byImage = new Map<string, { catalogue: ReleaseCatalogue; release: AmiRelease }>();
  for (const catalogue of catalogues)
    for (const release of catalogue.releases)
      if (release.imageId) byImage.set(release.imageId, { catalogue, release });
  return instances.flatMap((instance) => {
    const found = instance.imageId ? byImage.get(instance.imageId) : undefined;
    if (!found || !instance.imageId) return [];
    const lag = behind(found.catalogue, found.release);
    if (lag.releasesBehind === 0) return [];
    return [
      {
        instanceId: instance.instanceId,
        imageId: instance.imageId,
        release: found.release.name,
        latestImageId: found.catalogue.latest.imageId ?? '',
        ...lag,
      },
    ];
  });
}

/** Reads the catalogues drift needs, through the gateway's cached SSM reads. */
export function createAmiDrift(aws: AwsGateway) {
  async function catalogueOf(
    at: AccountRegion,
    family: AmiFamily,
  ): Promise<ReleaseCatalogue | undefined> {
    return releaseCatalogue(family, await aws.publicParameters(at, family.root));
  }

  /** Drift of each managed node group, by name. Throws when SSM cannot be read. */
  async function ofNodegroups(
    at: AccountRegion,
    nodegroups: EksNodegroup[],
  ): Promise<Map<string, AmiDrift>> {
    const entries = await Promise.all(
      nodegroups.map(async (ng): Promise<[string, AmiDrift]> => {
        const family = amiFamily(ng.amiType ?? '', ng.version ?? '');
        const catalogue = 'reason' in family ? undefined : await catalogueOf(at, family);
        return [ng.nodegroupName ?? '', nodegroupDrift(ng, family, catalogue)];
      }),
    );
    return new Map(entries);
  }

  /** The catalogues a self-managed group's images are looked up in, for these Kubernetes versions. */
  async function selfManagedCatalogues(
    at: AccountRegion,
    versions: string[],
  ): Promise<ReleaseCatalogue[]> {
    const families = [...new Set(versions)].flatMap((version) =>
      SELF_MANAGED_TYPES.map((type) => amiFamily(type, version)).filter(
        (family): family is AmiFamily => !('reason' in family),
      ),
    );
    const catalogues = await Promise.all(families.map((family) => catalogueOf(at, family)));
    return catalogues.filter((catalogue): catalogue is ReleaseCatalogue => catalogue !== undefined);
  }

  return { ofNodegroups, selfManagedCatalogues };
}
export type AmiDriftService = ReturnType<typeof createAmiDrift>;
