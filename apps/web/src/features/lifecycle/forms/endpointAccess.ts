import type { EndpointAccess } from '@wheelhouse/contract';

/** The three ways the API server endpoint can be reached, as the EKS console offers them. */
export type EndpointMode = 'public' | 'public-private' | 'private';

export const ENDPOINT_MODES: { mode: EndpointMode; label: string; hint: string }[] = [
  {
    mode: 'public',
    label: 'Public',
    hint: 'Reachable from the internet (optionally only from the CIDR blocks below); nodes too reach it over the internet.',
  },
  {
    mode: 'public-private',
    label: 'Public and private',
    hint: 'Reachable from the internet, and from inside the VPC without leaving it.',
  },
  {
    mode: 'private',
    label: 'Private',
    hint: 'Reachable only from inside the VPC (and networks connected to it).',
  },
];

export function endpointModeOf(access: {
  endpointPublicAccess: boolean;
  endpointPrivateAccess: boolean;
}): EndpointMode {
  if (access.endpointPublicAccess && access.endpointPrivateAccess) return 'public-private';
  return access.endpointPrivateAccess ? 'private' : 'public';
}

/**
 * The endpoint settings EKS takes. Public CIDRs only mean something with a public endpoint; an
 * empty list there means "anywhere", which EKS writes as 0.0.0.0/0.
 */
export function endpointAccessOf(mode: EndpointMode, cidrs: string[]): EndpointAccess {
  const publicAccess = mode !== 'private';
  const blocks = cidrs.map((cidr) => cidr.trim()).filter(Boolean);
  return {
    endpointPublicAccess: publicAccess,
    endpointPrivateAccess: mode !== 'public',
    ...(publicAccess ? { publicAccessCidrs: blocks.length > 0 ? blocks : ['0.0.0.0/0'] } : {}),
  };
}
