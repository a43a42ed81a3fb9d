import type { Random } from '../random.ts';
import type { World } from '../world.ts';
import type {
  LaunchTemplateRecord,
  LaunchTemplateRef,
  LaunchTemplateVersion,
} from './autoScalingTypes.ts';

/** What a template version holds, without its number and date. */
export type LaunchTemplateData = Omit<LaunchTemplateVersion, 'versionNumber' | 'createdAt'>;

export function createLaunchTemplate(
  world: World,
  spec: {
    accountId: string;
    region: string;
    name: string;
    createdAt: Date;
    random: Random;
    data: LaunchTemplateData;
    createdBy?: string;
    tags?: Record<string, string>;
  },
): LaunchTemplateRecord {
  const template: LaunchTemplateRecord = {
    id: `lt-0${spec.random.hex(16)}`,
    name: spec.name,
    accountId: spec.accountId,
    region: spec.region,
    createdAt: spec.createdAt,
    ...(spec.createdBy ? { createdBy: spec.createdBy } : {}),
    ...(spec.tags ? { tags: spec.tags } : {}),
    defaultVersion: 1,
    versions: [{ ...spec.data, versionNumber: 1, createdAt: spec.createdAt }],
  };
  world.autoScaling.addLaunchTemplate(template);
  return template;
}

/** Adds the next version (as CreateLaunchTemplateVersion does); `makeDefault` moves $Default to it. */
export function addLaunchTemplateVersion(
  template: LaunchTemplateRecord,
  data: LaunchTemplateData,
  createdAt: Date,
  makeDefault = false,
): LaunchTemplateVersion {
  const version: LaunchTemplateVersion = {
    ...data,
    versionNumber: latestVersion(template).versionNumber + 1,
    createdAt,
  };
  template.versions.push(version);
  if (makeDefault) template.defaultVersion = version.versionNumber;
  return version;
}

function latestVersion(template: LaunchTemplateRecord): LaunchTemplateVersion {
  return template.versions[template.versions.length - 1]!;
}

/** The version a reference names: '$Latest', '$Default' or a number; undefined when there is none. */
export function resolveTemplateVersion(
  template: LaunchTemplateRecord,
  version: string,
): LaunchTemplateVersion | undefined {
  if (version === '$Latest') return latestVersion(template);
  const number = version === '$Default' ? template.defaultVersion : Number(version);
  return template.versions.find((candidate) => candidate.versionNumber === number);
}

export function templateRef(template: LaunchTemplateRecord, version: string): LaunchTemplateRef {
  return { id: template.id, name: template.name, version };
}
