import { AwsError } from '../../awsError.ts';
import type { World } from '../world.ts';
import type { AutoScalingGroupRecord } from './autoScalingTypes.ts';
import { resolveTemplateVersion, templateRef } from './launchTemplates.ts';
import { constraintsCause, desiredCapacityCause } from './scalingActivities.ts';

/**
 * SetDesiredCapacity and UpdateAutoScalingGroup, with Auto Scaling's checks and
 * wording (everything is a ValidationError, HTTP 400). Direct changes to an
 * EKS-owned group are allowed, as on AWS (EKS would reconcile them later).
 */

const validation = (message: string) => new AwsError('ValidationError', 400, message);

export function findGroup(
  world: World,
  accountId: string,
  region: string,
  name: string,
): AutoScalingGroupRecord {
  const group = world.autoScaling.group(accountId, region, name);
  if (!group || group.deleting) {
    throw validation(`AutoScalingGroup name not found - AutoScalingGroup '${name}' not found`);
  }
  return group;
}

export function setDesiredCapacity(
  world: World,
  accountId: string,
  region: string,
  name: string,
  desiredCapacity: number,
): void {
  const group = findGroup(world, accountId, region, name);
  if (desiredCapacity > group.maxSize) {
    throw validation(
      `New SetDesiredCapacity value ${desiredCapacity} is above max value ${group.maxSize} for the AutoScalingGroup.`,
    );
  }
  if (desiredCapacity < group.minSize) {
    throw validation(
      `New SetDesiredCapacity value ${desiredCapacity} is below min value ${group.minSize} for the AutoScalingGroup.`,
    );
  }
  group.capacityCause = desiredCapacityCause(world.now(), group.desiredCapacity, desiredCapacity);
  group.desiredCapacity = desiredCapacity;
}

export interface UpdateGroupInput {
  minSize?: number;
  maxSize?: number;
  desiredCapacity?: number;
  /** Comma-separated subnet ids. */
  vpcZoneIdentifier?: string;
  launchTemplate?: { id?: string; name?: string; version?: string };
  newInstancesProtectedFromScaleIn?: boolean;
  defaultCooldown?: number;
  healthCheckGracePeriod?: number;
  capacityRebalance?: boolean;
}

export function updateAutoScalingGroup(
  world: World,
  accountId: string,
  region: string,
  name: string,
  input: UpdateGroupInput,
): void {
  const group = findGroup(world, accountId, region, name);
  const minSize = input.minSize ?? group.minSize;
  const maxSize = input.maxSize ?? group.maxSize;
  if (minSize < 0 || maxSize < 0) throw validation('MinSize and MaxSize must not be negative.');
  if (minSize > maxSize) {
    throw validation(
      `Max bound, ${maxSize}, must be greater than or equal to min bound, ${minSize}`,
    );
  }
  // Without an explicit desired capacity, Auto Scaling moves it into the new bounds.
  const desired =
    input.desiredCapacity ?? Math.min(Math.max(group.desiredCapacity, minSize), maxSize);
  if (desired < minSize || desired > maxSize) {
    throw validation(
      `Desired capacity:${desired} must be between the specified min size:${minSize} and max size:${maxSize}`,
    );
  }
  const subnetIds = input.vpcZoneIdentifier
    ?.split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (subnetIds) {
    const known = world.region(accountId, region).network.subnets;
    const missing = subnetIds.find((id) => !known.some((subnet) => subnet.id === id));
    if (missing) throw validation(`The subnet ID '${missing}' does not exist`);
    if (subnetIds.length === 0)
      throw validation('VPCZoneIdentifier must name at least one subnet.');
  }
  const launchTemplate = input.launchTemplate
    ? resolveTemplate(world, group, input.launchTemplate)
    : undefined;

  const before = group.desiredCapacity;
  group.minSize = minSize;
  group.maxSize = maxSize;
  group.desiredCapacity = desired;
  if (desired !== before) group.capacityCause = constraintsCause(world.now(), group, before);
  if (subnetIds) group.subnetIds = subnetIds;
  if (launchTemplate) group.launchTemplate = launchTemplate;
  if (input.newInstancesProtectedFromScaleIn !== undefined)
    group.newInstancesProtectedFromScaleIn = input.newInstancesProtectedFromScaleIn;
  if (input.defaultCooldown !== undefined) group.defaultCooldown = input.defaultCooldown;
  if (input.healthCheckGracePeriod !== undefined)
    group.healthCheckGracePeriod = input.healthCheckGracePeriod;
  if (input.capacityRebalance !== undefined) group.capacityRebalance = input.capacityRebalance;
}

function resolveTemplate(
  world: World,
  group: AutoScalingGroupRecord,
  spec: NonNullable<UpdateGroupInput['launchTemplate']>,
) {
  if ((spec.id === undefined) === (spec.name === undefined)) {
    throw validation('Valid requests must contain either LaunchTemplateId or LaunchTemplateName.');
  }
  const template = world.autoScaling
    .launchTemplates(group.accountId, group.region)
    .find((candidate) => (spec.id ? candidate.id === spec.id : candidate.name === spec.name));
  if (!template) {
    throw validation(
      spec.id
        ? `The specified launch template, with template ID ${spec.id}, does not exist.`
        : `The specified launch template, with template name ${spec.name}, does not exist.`,
    );
  }
  const version = spec.version ?? '$Default';
  if (!resolveTemplateVersion(template, version)) {
    throw validation(
      `The specified launch template, with template ID ${template.id}, does not have version ${version}.`,
    );
  }
  return templateRef(template, version);
}
