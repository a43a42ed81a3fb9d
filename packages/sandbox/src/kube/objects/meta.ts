import { hashSeed, type Random } from '../../world/random.ts';
import type { KubeObject, OwnerReference } from './types.ts';

/** Kubernetes timestamps: RFC 3339 in UTC, whole seconds. */
export function kubeTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The alphabet Kubernetes uses for generated names (no vowels, no confusable digits). */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

/** A generateName suffix: five characters, as the API server draws them. */
export function nameSuffix(random: Random): string {
  let out = '';
  for (let i = 0; i < 5; i++) out += SAFE[Math.floor(random.next() * SAFE.length)];
  return out;
}

/** A stable hash in the safe alphabet (pod-template-hash, controller-revision-hash). */
export function safeHash(text: string, length = 10): string {
  let value = hashSeed(text);
  let second = hashSeed(`${text}#`);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += SAFE[value % SAFE.length];
    value = Math.floor(value / SAFE.length) || second;
    second = Math.floor(second / 7) + 13;
  }
  return out;
}

/** An ownerReference to `owner` as its controller. */
export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The controller that owns an object, if any. */
export function controllerOf(object: KubeObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((owner) => owner.controller);
}
