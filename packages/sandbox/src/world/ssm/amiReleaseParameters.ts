import { eksAmiId } from '../ec2/amis.ts';
import { LATEST_AMI_BUILD, PUBLISHED_AMI_BUILDS, releaseVersionFor } from '../eks/nodegroups.ts';
import { KUBERNETES_VERSIONS } from '../versionCalendar.ts';

/**
 * The public SSM parameters AWS publishes for its node images, derived from
 * the same builds the EKS world offers (PUBLISHED_AMI_BUILDS) and the same
 * image ids its node groups launch (eksAmiId), so a node group's
 * releaseVersion is always one of the releases listed here.
 *
 * EKS-optimized AMIs: <root>/recommended/{release_version,image_id} and one
 * <root>/<image name>/image_id per release. Bottlerocket:
 * /aws/service/bottlerocket/aws-k8s-<v>/<arch>/latest/{image_version,image_id}
 * and <version>/{image_version,image_id} per release.
 */

export interface PublicParameter {
  name: string;
  value: string;
  /** 'text' or 'aws:ec2:image', as AWS types its AMI parameters. */
  dataType: 'text' | 'aws:ec2:image';
  version: number;
  lastModified: Date;
}

/** AL2 AMIs stop at Kubernetes 1.32: EKS publishes none for 1.33 and later. */
const LAST_AL2_MINOR = 32;
/** AWS publishes an image's parameters a couple of days after its build date. */
const PUBLISH_LAG_MS = 2 * 86_400_000 + 18 * 3_600_000;

interface Family {
  amiType: string;
  root: (version: string) => string;
  /** The per-release folder name. */
  releaseFolder: (version: string, build: string, releaseVersion: string) => string;
  kind: 'eks' | 'bottlerocket';
  al2?: boolean;
}

const eksRoot = (version: string, tail: string) =>
  `/aws/service/eks/optimized-ami/${version}/${tail}`;

const al2023 = (amiType: string, arch: 'x86_64' | 'arm64', flavour: string): Family => ({
  amiType,
  root: (version) => eksRoot(version, `amazon-linux-2023/${arch}/${flavour}`),
  releaseFolder: (version, build) =>
    `amazon-eks-node-al2023-${arch}-${flavour}-${version}-v${build}`,
  kind: 'eks',
});

const al2 = (amiType: string, folder: string, imagePrefix: string): Family => ({
  amiType,
  root: (version) => eksRoot(version, folder),
  releaseFolder: (version, build) => `${imagePrefix}-${version}-v${build}`,
  kind: 'eks',
  al2: true,
});

const bottlerocket = (amiType: string, variant: string, arch: 'x86_64' | 'arm64'): Family => ({
  amiType,
  root: (version) => `/aws/service/bottlerocket/aws-k8s-${version}${variant}/${arch}`,
  releaseFolder: (_version, _build, releaseVersion) => releaseVersion,
  kind: 'bottlerocket',
});

const FAMILIES: readonly Family[] = [
  al2023('AL2023_x86_64_STANDARD', 'x86_64', 'standard'),
  al2023('AL2023_ARM_64_STANDARD', 'arm64', 'standard'),
  al2023('AL2023_x86_64_NVIDIA', 'x86_64', 'nvidia'),
  al2023('AL2023_ARM_64_NVIDIA', 'arm64', 'nvidia'),
  al2023('AL2023_x86_64_NEURON', 'x86_64', 'neuron'),
  al2('AL2_x86_64', 'amazon-linux-2', 'amazon-eks-node'),
  al2('AL2_ARM_64', 'amazon-linux-2-arm64', 'amazon-eks-arm64-node'),
  al2('AL2_x86_64_GPU', 'amazon-linux-2-gpu', 'amazon-eks-gpu-node'),
  bottlerocket('BOTTLEROCKET_x86_64', '', 'x86_64'),
  bottlerocket('BOTTLEROCKET_ARM_64', '', 'arm64'),
  bottlerocket('BOTTLEROCKET_x86_64_NVIDIA', '-nvidia', 'x86_64'),
  bottlerocket('BOTTLEROCKET_ARM_64_NVIDIA', '-nvidia', 'arm64'),
];

/** When a build's parameters appeared ("20251120" → 2025-11-22T18:00Z). */
export function publishedAt(build: string): Date {
  const at = Date.parse(`${build.slice(0, 4)}-${build.slice(4, 6)}-${build.slice(6, 8)}T00:00:00Z`);
  return new Date(at + PUBLISH_LAG_MS);
}

function familyParameters(region: string, family: Family, version: string): PublicParameter[] {
  const root = family.root(version);
  const builds = [...PUBLISHED_AMI_BUILDS].sort();
  const latest = builds.at(-1) ?? LATEST_AMI_BUILD;
  const release = (build: string) => releaseVersionFor(version, build);
  const imageOf = (build: string) => eksAmiId(region, family.amiType, version, release(build));
  const parameters: PublicParameter[] = [];
  for (const build of builds) {
    const folder = `${root}/${family.releaseFolder(version, build, release(build))}`;
    const lastModified = publishedAt(build);
    parameters.push({
      name: `${folder}/image_id`,
      value: imageOf(build),
      dataType: 'aws:ec2:image',
      version: 1,
      lastModified,
    });
    if (family.kind === 'bottlerocket') {
      parameters.push({
        name: `${folder}/image_version`,
        value: release(build),
        dataType: 'text',
        version: 1,
        lastModified,
      });
    }
  }
  // The pointer to the newest release was rewritten once per release.
  const pointer = `${root}/${family.kind === 'eks' ? 'recommended' : 'latest'}`;
  const pointerCommon = { version: builds.length, lastModified: publishedAt(latest) };
  parameters.push(
    {
      name: `${pointer}/${family.kind === 'eks' ? 'release_version' : 'image_version'}`,
      value: release(latest),
      dataType: 'text',
      ...pointerCommon,
    },
    {
      name: `${pointer}/image_id`,
      value: imageOf(latest),
      dataType: 'aws:ec2:image',
      ...pointerCommon,
    },
  );
  return parameters;
}

const byRegion = new Map<string, ReadonlyMap<string, PublicParameter>>();

/** Every public AMI parameter of a region, by name (sorted), built once per region. */
export function publicAmiParameters(region: string): ReadonlyMap<string, PublicParameter> {
  const cached = byRegion.get(region);
  if (cached) return cached;
  const all: PublicParameter[] = [];
  for (const { version } of KUBERNETES_VERSIONS) {
    const minor = Number(version.split('.')[1]);
    for (const family of FAMILIES) {
      if (family.al2 && minor > LAST_AL2_MINOR) continue;
      all.push(...familyParameters(region, family, version));
    }
  }
  all.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const map = new Map(all.map((parameter) => [parameter.name, parameter]));
  byRegion.set(region, map);
  return map;
}
