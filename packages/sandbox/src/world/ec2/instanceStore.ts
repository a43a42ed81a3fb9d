import type { Ec2InstanceListener, Ec2InstanceRecord, Ec2InstanceState, Ec2View } from './types.ts';

/**
 * Holds every EC2 instance of the world, per account and region, and tells
 * listeners about each launch and state change. Only this store changes an
 * instance's state, so no change goes unannounced.
 */
export class InstanceStore implements Ec2View {
  private readonly byRegion = new Map<string, Map<string, Ec2InstanceRecord>>();
  private readonly listeners = new Set<Ec2InstanceListener>();

  instances(accountId: string, region: string): Ec2InstanceRecord[] {
    return [...(this.byRegion.get(`${accountId}|${region}`)?.values() ?? [])];
  }

  onChange(listener: Ec2InstanceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  find(accountId: string, region: string, instanceId: string): Ec2InstanceRecord | undefined {
    return this.byRegion.get(`${accountId}|${region}`)?.get(instanceId);
  }

  /** Adds a launched instance and announces it. */
  add(instance: Ec2InstanceRecord): void {
    const key = `${instance.accountId}|${instance.region}`;
    let instances = this.byRegion.get(key);
    if (!instances) {
      instances = new Map();
      this.byRegion.set(key, instances);
    }
    instances.set(instance.instanceId, instance);
    this.emit(instance);
  }

  /** Moves an instance to `state` and announces it (no-op when already there). */
  setState(instance: Ec2InstanceRecord, state: Ec2InstanceState): void {
    if (instance.state === state) return;
    instance.state = state;
    this.emit(instance);
  }

  /** Forgets an instance for good (terminated ones linger first, as on EC2). */
  remove(instance: Ec2InstanceRecord): void {
    this.byRegion.get(`${instance.accountId}|${instance.region}`)?.delete(instance.instanceId);
  }

  private emit(instance: Ec2InstanceRecord): void {
    for (const listener of this.listeners) listener(instance);
  }
}
