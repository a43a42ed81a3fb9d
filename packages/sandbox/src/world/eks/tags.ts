import { AwsError } from '../../awsError.ts';
import type { RegionState } from '../world.ts';
import { parseEksArn } from './arns.ts';
import { validateTags } from './validation.ts';

/** TagResource & co. use their own error types (BadRequestException, NotFoundException). */
const badRequest = (message: string) => new AwsError('BadRequestException', 400, message);
const notFound = (arn: string) =>
  new AwsError('NotFoundException', 404, `Resource not found: ${arn}`);

/** The tags of the resource an ARN names, in the caller's account and region. */
function taggable(state: RegionState, arn: string): { tags: Record<string, string> } {
  const parsed = parseEksArn(arn);
  if (!parsed) throw badRequest(`Invalid ARN: ${arn}`);
  if (parsed.accountId !== state.accountId || parsed.region !== state.region) throw notFound(arn);
  const cluster = state.clusters.get(parsed.cluster);
  if (!cluster) throw notFound(arn);
  if (parsed.kind === 'cluster') return cluster;
  if (cluster.kind !== 'eks') throw notFound(arn);
  const resource =
    parsed.kind === 'nodegroup'
      ? cluster.nodegroups.get(parsed.name)
      : cluster.fargateProfiles.get(parsed.name);
  // The ARN carries the resource's uuid: a recreated resource of the same name is another resource.
  if (!resource || resource.arn !== arn) throw notFound(arn);
  return resource;
}

export function listTags(state: RegionState, arn: string): Record<string, string> {
  return { ...taggable(state, arn).tags };
}

export function tagResource(state: RegionState, arn: string, tags: Record<string, string>): void {
  const resource = taggable(state, arn);
  if (Object.keys(tags).length === 0) throw badRequest('At least one tag must be specified.');
  const merged = { ...resource.tags, ...tags };
  validateTags(merged, badRequest);
  resource.tags = merged;
}

export function untagResource(state: RegionState, arn: string, tagKeys: string[]): void {
  const resource = taggable(state, arn);
  if (tagKeys.length === 0) throw badRequest('At least one tag key must be specified.');
  const next = { ...resource.tags };
  for (const key of tagKeys) delete next[key];
  resource.tags = next;
}
