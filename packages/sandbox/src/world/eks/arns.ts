/** EKS's ARN formats, and parsing them back (TagResource & co. address resources by ARN). */

export function clusterArn(region: string, accountId: string, name: string): string {
  return `arn:aws:eks:${region}:${accountId}:cluster/${name}`;
}

export function nodegroupArn(
  region: string,
  accountId: string,
  cluster: string,
  nodegroup: string,
  uuid: string,
): string {
  return `arn:aws:eks:${region}:${accountId}:nodegroup/${cluster}/${nodegroup}/${uuid}`;
}

export function fargateProfileArn(
  region: string,
  accountId: string,
  cluster: string,
  profile: string,
  uuid: string,
): string {
  return `arn:aws:eks:${region}:${accountId}:fargateprofile/${cluster}/${profile}/${uuid}`;
}

/** What an EKS ARN points at. */
export type EksArn =
  | { region: string; accountId: string; kind: 'cluster'; cluster: string }
  | { region: string; accountId: string; kind: 'nodegroup'; cluster: string; name: string }
  | { region: string; accountId: string; kind: 'fargateprofile'; cluster: string; name: string };

const ARN = /^arn:aws[a-z-]*:eks:([a-z0-9-]+):(\d{12}):(cluster|nodegroup|fargateprofile)\/(.+)$/;

export function parseEksArn(arn: string): EksArn | undefined {
  const match = ARN.exec(arn);
  if (!match) return undefined;
  const [, region, accountId, kind, rest] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  const parts = rest.split('/');
  if (kind === 'cluster') {
    return parts.length === 1 ? { region, accountId, kind, cluster: parts[0]! } : undefined;
  }
  if (parts.length !== 3) return undefined;
  return {
    region,
    accountId,
    kind: kind as 'nodegroup' | 'fargateprofile',
    cluster: parts[0]!,
    name: parts[1]!,
  };
}
