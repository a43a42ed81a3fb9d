import { kubeTime } from '../objects/meta.ts';
import type {
  Container,
  CronJob,
  DaemonSet,
  Deployment,
  HorizontalPodAutoscaler,
  PodDisruptionBudget,
  Job,
  Namespace,
  PodSpec,
  PodTemplateSpec,
  Service,
  StatefulSet,
  Toleration,
} from '../objects/types.ts';

/** Compact descriptions of workloads, turned into the objects `kubectl apply` would have created. */

export interface AppSpec {
  namespace: string;
  name: string;
  image: string;
  replicas?: number;
  cpu?: string;
  memory?: string;
  /** A CPU limit; memory limits equal requests when set. */
  cpuLimit?: string;
  port?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  tolerations?: Toleration[];
  nodeSelector?: Record<string, string>;
  priorityClassName?: string;
  hostNetwork?: boolean;
  sidecars?: Container[];
  restartPolicy?: PodSpec['restartPolicy'];
  serviceAccountName?: string;
  affinity?: PodSpec['affinity'];
}

const meta = (
  name: string,
  namespace: string | undefined,
  createdAt: Date,
  labels: Record<string, string> = {},
) => ({
  name,
  ...(namespace ? { namespace } : {}),
  uid: '',
  resourceVersion: '',
  creationTimestamp: kubeTime(createdAt),
  generation: 1,
  labels,
});

export function podLabels(app: AppSpec): Record<string, string> {
  return { app: app.name, ...app.labels };
}

export function template(app: AppSpec): PodTemplateSpec {
  const container: Container = {
    name: app.name,
    image: app.image,
    ...(app.port ? { ports: [{ name: 'http', containerPort: app.port, protocol: 'TCP' }] } : {}),
    resources: {
      requests: { cpu: app.cpu ?? '100m', memory: app.memory ?? '128Mi' },
      limits: { ...(app.cpuLimit ? { cpu: app.cpuLimit } : {}), memory: app.memory ?? '128Mi' },
    },
  };
  return {
    metadata: {
      labels: podLabels(app),
      ...(app.annotations ? { annotations: app.annotations } : {}),
    },
    spec: {
      containers: [container, ...(app.sidecars ?? [])],
      ...(app.tolerations ? { tolerations: app.tolerations } : {}),
      ...(app.nodeSelector ? { nodeSelector: app.nodeSelector } : {}),
      ...(app.priorityClassName ? { priorityClassName: app.priorityClassName } : {}),
      ...(app.hostNetwork ? { hostNetwork: true } : {}),
      ...(app.restartPolicy ? { restartPolicy: app.restartPolicy } : {}),
      ...(app.serviceAccountName ? { serviceAccountName: app.serviceAccountName } : {}),
      ...(app.affinity ? { affinity: app.affinity } : {}),
    },
  };
}

export function namespace(name: string, createdAt: Date): Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { ...meta(name, undefined, createdAt, { 'kubernetes.io/metadata.name': name }) },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export function deployment(app: AppSpec, createdAt: Date): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      ...meta(app.name, app.namespace, createdAt, podLabels(app)),
      annotations: { 'deployment.kubernetes.io/revision': '1' },
    },
    spec: {
      replicas: app.replicas ?? 1,
      selector: { matchLabels: { app: app.name } },
      template: template(app),
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {},
  };
}

export function statefulSet(app: AppSpec, createdAt: Date): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta(app.name, app.namespace, createdAt, podLabels(app)),
    spec: {
      replicas: app.replicas ?? 1,
      selector: { matchLabels: { app: app.name } },
      template: template(app),
      serviceName: app.name,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    },
    status: {},
  };
}

export function daemonSet(app: AppSpec, createdAt: Date): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: meta(app.name, app.namespace, createdAt, podLabels(app)),
    spec: {
      selector: { matchLabels: { app: app.name } },
      template: template(app),
      updateStrategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '10%', maxSurge: 0 },
      },
    },
    status: {
      currentNumberScheduled: 0,
      desiredNumberScheduled: 0,
      numberMisscheduled: 0,
      numberReady: 0,
    },
  };
}

export function job(app: AppSpec & { completions?: number }, createdAt: Date): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta(app.name, app.namespace, createdAt, podLabels(app)),
    spec: {
      completions: app.completions ?? 1,
      parallelism: 1,
      backoffLimit: 6,
      template: template({ ...app, restartPolicy: app.restartPolicy ?? 'Never' }),
    },
    status: {},
  };
}

export function cronJob(app: AppSpec & { schedule: string }, createdAt: Date): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: meta(app.name, app.namespace, createdAt, podLabels(app)),
    spec: {
      schedule: app.schedule,
      suspend: false,
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: { labels: podLabels(app) },
        spec: {
          backoffLimit: 2,
          template: template({ ...app, restartPolicy: app.restartPolicy ?? 'OnFailure' }),
        },
      },
    },
    status: {},
  };
}

export function service(
  app: Pick<AppSpec, 'namespace' | 'name'> & {
    type?: Service['spec']['type'];
    ports: Array<{
      port: number;
      targetPort?: number | string;
      name?: string;
      protocol?: string;
      nodePort?: number;
    }>;
    selector?: Record<string, string> | null;
    clusterIP: string;
    hostname?: string;
  },
  createdAt: Date,
): Service {
  const type = app.type ?? 'ClusterIP';
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(app.name, app.namespace, createdAt, { app: app.name }),
    spec: {
      type,
      clusterIP: app.clusterIP,
      clusterIPs: [app.clusterIP],
      ...(app.selector === null ? {} : { selector: app.selector ?? { app: app.name } }),
      ports: app.ports.map((port) => ({
        ...(port.name ? { name: port.name } : {}),
        port: port.port,
        targetPort: port.targetPort ?? port.port,
        protocol: port.protocol ?? 'TCP',
        ...(port.nodePort ? { nodePort: port.nodePort } : {}),
      })),
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    },
    status: {
      loadBalancer:
        type === 'LoadBalancer' && app.hostname ? { ingress: [{ hostname: app.hostname }] } : {},
    },
  };
}

export function podDisruptionBudget(
  app: Pick<AppSpec, 'namespace' | 'name'>,
  selector: Record<string, string>,
  bounds: { minAvailable: number } | { maxUnavailable: number },
  createdAt: Date,
): PodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta(app.name, app.namespace, createdAt),
    spec: { selector: { matchLabels: selector }, ...bounds },
  };
}

export function hpa(
  app: Pick<AppSpec, 'namespace' | 'name'> & {
    min: number;
    max: number;
    cpu: number;
    kind?: string;
  },
  createdAt: Date,
): HorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta(app.name, app.namespace, createdAt),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: app.kind ?? 'Deployment', name: app.name },
      minReplicas: app.min,
      maxReplicas: app.max,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: app.cpu } },
        },
      ],
    },
    status: { desiredReplicas: 0 },
  };
}
