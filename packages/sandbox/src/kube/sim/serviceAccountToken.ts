import { hashSeed, seededRandom } from '../../world/random.ts';
import type { PodSpec } from '../objects/types.ts';

/**
 * The ServiceAccount admission plugin: unless the pod opts out, a projected
 * volume kube-api-access-<5 characters> (token, the cluster CA and the
 * namespace) mounted read-only into every container at the service account path.
 */

const MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** The characters Kubernetes' rand.String draws from (no vowels, no look-alikes). */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function withServiceAccountToken(spec: PodSpec, seed: string): PodSpec {
  if (spec.automountServiceAccountToken === false) return spec;
  const mounted = (spec.volumes ?? []).some((volume) => volume.name.startsWith('kube-api-access-'));
  if (mounted) return spec;
  const random = seededRandom(hashSeed(seed));
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += ALPHABET[random.int(0, ALPHABET.length - 1)];
  const name = `kube-api-access-${suffix}`;
  const mount = { name, mountPath: MOUNT_PATH, readOnly: true };
  return {
    ...spec,
    containers: spec.containers.map((container) => ({
      ...container,
      volumeMounts: [...(container.volumeMounts ?? []), mount],
    })),
    volumes: [
      ...(spec.volumes ?? []),
      {
        name,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            {
              downwardAPI: {
                items: [
                  {
                    path: 'namespace',
                    fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                  },
                ],
              },
            },
          ],
        },
      },
    ],
  };
}
