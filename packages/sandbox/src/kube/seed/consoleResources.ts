import type { ClusterRecord } from '../../world/eks/types.ts';
import type { Random } from '../../world/random.ts';
import { kubeTime } from '../objects/meta.ts';
import type { KubeObject, ObjectMeta } from '../objects/types.ts';
import type { ClusterPlan } from './clusterPlan.ts';
import { establishedCrdStatus } from './crdStatus.ts';

/**
 * The objects a console reads beside workloads, as an EKS cluster holds them:
 * service accounts, secrets, the gp2 StorageClass, PVCs bound to PVs for
 * StatefulSets, a few Ingresses and NetworkPolicies, PodDisruptionBudgets,
 * the two system PriorityClasses and the CRDs EKS installs. Endpoints,
 * EndpointSlices and PDB status follow from pods (sim/controllers/serving.ts).
 */

type Create = (plural: string, object: KubeObject) => void;

interface SeedContext {
  cluster: ClusterRecord;
  plan: ClusterPlan;
  namespaces: string[];
  random: Random;
  create: Create;
  /** A time after the cluster's creation (share of its life). */
  at: (share: number) => Date;
  born: Date;
}

const SYSTEM = new Set(['kube-system', 'kube-node-lease', 'kube-public']);

function meta(
  name: string,
  namespace: string | undefined,
  createdAt: Date,
  extra: Partial<ObjectMeta> = {},
): ObjectMeta {
  return {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    uid: '',
    resourceVersion: '',
    creationTimestamp: kubeTime(createdAt),
    ...extra,
  };
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** EKS's add-on CRDs: [plural, group, kind, scope, shortNames]. */
const EKS_CRDS: Array<[string, string, string, 'Cluster' | 'Namespaced', string[]]> = [
  ['eniconfigs', 'crd.k8s.amazonaws.com', 'ENIConfig', 'Cluster', []],
  ['policyendpoints', 'networking.k8s.aws', 'PolicyEndpoint', 'Namespaced', []],
  ['cninodes', 'vpcresources.k8s.aws', 'CNINode', 'Cluster', ['cnd']],
  ['securitygrouppolicies', 'vpcresources.k8s.aws', 'SecurityGroupPolicy', 'Namespaced', ['sgp']],
];

function seedCluster(context: SeedContext): void {
  const { create, born } = context;
  const system = new Date(born.getTime() + 60_000);
  create('priorityclasses', {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: meta('system-cluster-critical', undefined, system),
    value: 2_000_000_000,
    globalDefault: false,
    preemptionPolicy: 'PreemptLowerPriority',
    description:
      'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  } as KubeObject);
  create('priorityclasses', {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: meta('system-node-critical', undefined, system),
    value: 2_000_001_000,
    globalDefault: false,
    preemptionPolicy: 'PreemptLowerPriority',
    description: 'Used for system critical pods that must not be moved from their current node.',
  } as KubeObject);
  create('storageclasses', {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: meta('gp2', undefined, new Date(born.getTime() + 300_000), {
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    }),
    provisioner: 'kubernetes.io/aws-ebs',
    parameters: { fsType: 'ext4', type: 'gp2' },
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  } as KubeObject);
  for (const [plural, group, kind, scope, shortNames] of EKS_CRDS) {
    create('customresourcedefinitions', {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: meta(`${plural}.${group}`, undefined, new Date(born.getTime() + 300_000)),
      spec: {
        group,
        names: {
          plural,
          singular: kind.toLowerCase(),
          kind,
          listKind: `${kind}List`,
          ...(shortNames.length > 0 ? { shortNames } : {}),
        },
        scope,
        versions: [
          {
            name: 'v1alpha1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            },
          },
        ],
        conversion: { strategy: 'None' },
      },
      status: establishedCrdStatus(
        { plural, singular: kind.toLowerCase(), kind, listKind: `${kind}List` },
        'v1alpha1',
      ),
    });
  }
}

function seedNamespaces(context: SeedContext): void {
  const { create, namespaces, random, at, born, cluster } = context;
  for (const namespace of namespaces) {
    const createdAt =
      SYSTEM.has(namespace) || namespace === 'default'
        ? new Date(born.getTime() + 60_000)
        : at(0.15);
    create('serviceaccounts', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: meta('default', namespace, createdAt),
    });
  }
  const apps = [
    ...context.plan.deployments,
    ...context.plan.statefulSets,
    ...context.plan.daemonSets,
  ];
  const named = new Set<string>();
  for (const app of apps) {
    const name = app.serviceAccountName ?? (app.namespace === 'kube-system' ? app.name : undefined);
    if (!name || named.has(`${app.namespace}/${name}`)) continue;
    named.add(`${app.namespace}/${name}`);
    create('serviceaccounts', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: meta(name, app.namespace, new Date(born.getTime() + 300_000)),
    });
  }
  for (const namespace of namespaces.filter((ns) => !SYSTEM.has(ns) && ns !== 'default')) {
    const createdAt = at(0.2);
    create('secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta(`${namespace}-db-credentials`, namespace, createdAt),
      type: 'Opaque',
      data: {
        username: b64(`${namespace}_app`),
        password: b64(random.hex(24)),
        host: b64(`${namespace}.cluster-${random.hex(12)}.${cluster.region}.rds.amazonaws.com`),
      },
    } as KubeObject);
    create('secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta('registry-pull', namespace, createdAt),
      type: 'kubernetes.io/dockerconfigjson',
      data: {
        '.dockerconfigjson': b64(
          JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`bot:${random.hex(20)}`) } } }),
        ),
      },
    } as KubeObject);
    create('networkpolicies', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta('default-deny-ingress', namespace, createdAt),
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });
  }
}

function seedApps(context: SeedContext): void {
  const { create, random, at, cluster, plan } = context;
  let ingresses = 0;
  for (const app of plan.deployments) {
    const createdAt = at(0.4);
    const labels = { 'k8s-app': 'kube-dns' };
    // EKS's CoreDNS add-on ships a PDB; the apps' own come from their plan (seedCluster.ts).
    if (app.name === 'coredns' && !app.pdb) {
      create('poddisruptionbudgets', {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: meta(app.name, app.namespace, createdAt, { generation: 1 }),
        spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
        status: {
          currentHealthy: 0,
          desiredHealthy: 0,
          disruptionsAllowed: 0,
          expectedPods: 0,
          observedGeneration: 1,
        },
      });
    }
    if (
      app.service &&
      app.service.type !== 'LoadBalancer' &&
      !SYSTEM.has(app.namespace) &&
      ingresses < 2
    ) {
      ingresses += 1;
      const host = `${app.name}.${cluster.name}.example.com`;
      create('ingresses', {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: meta(app.name, app.namespace, createdAt, {
          generation: 1,
          annotations: {
            'alb.ingress.kubernetes.io/scheme': 'internet-facing',
            'alb.ingress.kubernetes.io/target-type': 'ip',
          },
        }),
        spec: {
          ingressClassName: 'alb',
          rules: [
            {
              host,
              http: {
                paths: [
                  {
                    path: '/',
                    pathType: 'Prefix',
                    backend: { service: { name: app.name, port: { number: app.service.port } } },
                  },
                ],
              },
            },
          ],
          tls: [{ hosts: [host], secretName: `${app.name}-tls` }],
        },
        status: {
          loadBalancer: {
            ingress: [
              {
                hostname: `k8s-${app.namespace.slice(0, 8)}-${app.name.slice(0, 8)}-${random.hex(10)}-${random.int(100_000_000, 999_999_999)}.${cluster.region}.elb.amazonaws.com`,
              },
            ],
          },
        },
      });
      create('secrets', {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: meta(`${app.name}-tls`, app.namespace, createdAt),
        type: 'kubernetes.io/tls',
        data: {
          'tls.crt': b64(
            `-----BEGIN CERTIFICATE-----\n${random.hex(64)}\n-----END CERTIFICATE-----\n`,
          ),
          'tls.key': b64(
            `-----BEGIN PRIVATE KEY-----\n${random.hex(64)}\n-----END PRIVATE KEY-----\n`,
          ),
        },
      } as KubeObject);
    }
  }
  for (const app of plan.statefulSets) {
    const createdAt = at(0.35);
    for (let ordinal = 0; ordinal < (app.replicas ?? 1); ordinal++) {
      const claim = `data-${app.name}-${ordinal}`;
      const volume = `pvc-${random.uuid()}`;
      const zone = `${cluster.region}${'abc'[ordinal % 3]}`;
      create('persistentvolumes', {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: meta(volume, undefined, createdAt, {
          annotations: { 'pv.kubernetes.io/provisioned-by': 'ebs.csi.aws.com' },
          finalizers: ['kubernetes.io/pv-protection'],
        }),
        spec: {
          accessModes: ['ReadWriteOnce'],
          capacity: { storage: '20Gi' },
          claimRef: {
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            namespace: app.namespace,
            name: claim,
          },
          csi: {
            driver: 'ebs.csi.aws.com',
            fsType: 'ext4',
            volumeHandle: `vol-0${random.hex(16)}`,
          },
          nodeAffinity: {
            required: {
              nodeSelectorTerms: [
                {
                  matchExpressions: [
                    { key: 'topology.kubernetes.io/zone', operator: 'In', values: [zone] },
                  ],
                },
              ],
            },
          },
          persistentVolumeReclaimPolicy: 'Delete',
          storageClassName: 'gp2',
          volumeMode: 'Filesystem',
        },
        status: { phase: 'Bound' },
      });
      create('persistentvolumeclaims', {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: meta(claim, app.namespace, createdAt, {
          labels: { app: app.name },
          annotations: {
            'pv.kubernetes.io/bind-completed': 'yes',
            'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com',
          },
          finalizers: ['kubernetes.io/pvc-protection'],
        }),
        spec: {
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '20Gi' } },
          storageClassName: 'gp2',
          volumeMode: 'Filesystem',
          volumeName: volume,
        },
        status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '20Gi' } },
      });
    }
  }
}

export function seedConsoleResources(context: SeedContext): void {
  seedCluster(context);
  seedNamespaces(context);
  seedApps(context);
}
