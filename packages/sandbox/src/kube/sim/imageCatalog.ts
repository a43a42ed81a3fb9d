import type { Container, Pod } from '../objects/types.ts';

/**
 * How a container behaves once started. The sandbox's "registry" decides:
 * some image tags do not exist (ErrImagePull), some builds crash at start
 * (CrashLoopBackOff); pods that must not restart run to completion. A pod
 * annotation overrides it for scenarios and tests.
 */
export type ContainerBehaviour =
  | { kind: 'serve' }
  | { kind: 'crash'; afterMs: number }
  | { kind: 'pull-error' }
  | { kind: 'complete'; runMs: number };

/** `crash-loop`, `image-pull-error`, `serve` or `complete:<seconds>`. */
export const BEHAVIOUR_ANNOTATION = 'sandbox.wheelhouse.dev/behavior';

/** Image references the simulated registries do not have. */
const MISSING_TAGS = [/does-not-exist/, /-rc\d+$/, /:latest-broken$/];
/** Builds that exit with an error right after they start. */
const CRASHING = [/image-resizer:3\.1\.0$/, /:crash/, /legacy-exporter:/, /notifier:0\.9\.4$/];

export function behaviourOf(pod: Pod, container: Container): ContainerBehaviour {
  const annotation = pod.metadata.annotations?.[BEHAVIOUR_ANNOTATION];
  const completes = (pod.spec.restartPolicy ?? 'Always') !== 'Always';
  if (annotation === 'crash-loop') return { kind: 'crash', afterMs: 8_000 };
  if (annotation === 'image-pull-error') return { kind: 'pull-error' };
  if (annotation === 'serve') return { kind: 'serve' };
  const seconds = /^complete:(\d+)$/.exec(annotation ?? '');
  if (seconds) return { kind: 'complete', runMs: Number(seconds[1]) * 1000 };
  const tag = container.image.split('/').pop() ?? container.image;
  if (MISSING_TAGS.some((pattern) => pattern.test(tag))) return { kind: 'pull-error' };
  if (CRASHING.some((pattern) => pattern.test(tag))) return { kind: 'crash', afterMs: 6_000 };
  if (completes) return { kind: 'complete', runMs: 40_000 };
  return { kind: 'serve' };
}

/** Compressed size the runtime reports in "Successfully pulled image" events. */
export function imageSize(image: string): number {
  let hash = 0;
  for (const char of image) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return 20_000_000 + (hash % 180_000_000);
}

/** The digest the runtime resolves a tag to (imageID in container statuses). */
export function imageDigest(image: string): string {
  let a = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    for (const char of `${image}#${round}`) a = Math.imul(a ^ char.charCodeAt(0), 0x01000193) >>> 0;
    out += a.toString(16).padStart(8, '0');
  }
  const repository = image.split(':')[0];
  return `${repository}@sha256:${out.slice(0, 64)}`;
}
