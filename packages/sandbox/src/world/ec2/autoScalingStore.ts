import type { AutoScalingGroupRecord, LaunchTemplateRecord } from './autoScalingTypes.ts';
import type { ScalingActivityRecord } from './scalingActivities.ts';

/** Activities kept per account-region (AWS keeps six weeks' worth; a bound keeps long runs small). */
const ACTIVITY_LIMIT = 1_000;

const key = (accountId: string, region: string) => `${accountId}|${region}`;

/** Auto Scaling groups and launch templates of every account-region (`world.autoScaling`). */
export class AutoScalingStore {
  private readonly groupsByRegion = new Map<string, Map<string, AutoScalingGroupRecord>>();
  private readonly templatesByRegion = new Map<string, Map<string, LaunchTemplateRecord>>();
  private readonly activitiesByRegion = new Map<string, ScalingActivityRecord[]>();

  /** Scaling activities of an account-region, oldest first (deleted groups' ones too). */
  activities(accountId: string, region: string): ScalingActivityRecord[] {
    return [...(this.activitiesByRegion.get(key(accountId, region)) ?? [])];
  }

  recordActivity(activity: ScalingActivityRecord): void {
    const at = key(activity.accountId, activity.region);
    const list = this.activitiesByRegion.get(at) ?? [];
    list.push(activity);
    if (list.length > ACTIVITY_LIMIT) list.splice(0, list.length - ACTIVITY_LIMIT);
    this.activitiesByRegion.set(at, list);
  }

  /** The groups of an account-region, by name. */
  groups(accountId: string, region: string): AutoScalingGroupRecord[] {
    return [...(this.groupsByRegion.get(key(accountId, region))?.values() ?? [])];
  }

  /** Every group of the world (the simulation reconciles them all). */
  allGroups(): AutoScalingGroupRecord[] {
    return [...this.groupsByRegion.values()].flatMap((groups) => [...groups.values()]);
  }

  group(accountId: string, region: string, name: string): AutoScalingGroupRecord | undefined {
    return this.groupsByRegion.get(key(accountId, region))?.get(name);
  }

  addGroup(group: AutoScalingGroupRecord): void {
    const at = key(group.accountId, group.region);
    let groups = this.groupsByRegion.get(at);
    if (!groups) {
      groups = new Map();
      this.groupsByRegion.set(at, groups);
    }
    if (groups.has(group.name)) throw new Error(`Auto Scaling group ${group.name} already exists`);
    groups.set(group.name, group);
  }

  removeGroup(group: AutoScalingGroupRecord): void {
    this.groupsByRegion.get(key(group.accountId, group.region))?.delete(group.name);
  }

  launchTemplate(accountId: string, region: string, id: string): LaunchTemplateRecord | undefined {
    return this.templatesByRegion.get(key(accountId, region))?.get(id);
  }

  launchTemplates(accountId: string, region: string): LaunchTemplateRecord[] {
    return [...(this.templatesByRegion.get(key(accountId, region))?.values() ?? [])];
  }

  addLaunchTemplate(template: LaunchTemplateRecord): void {
    const at = key(template.accountId, template.region);
    let templates = this.templatesByRegion.get(at);
    if (!templates) {
      templates = new Map();
      this.templatesByRegion.set(at, templates);
    }
    templates.set(template.id, template);
  }

  removeLaunchTemplate(template: LaunchTemplateRecord): void {
    this.templatesByRegion.get(key(template.accountId, template.region))?.delete(template.id);
  }
}
