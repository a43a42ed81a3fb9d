import { kubeTime, nameSuffix } from '../objects/meta.ts';
import type { Node, Pod } from '../objects/types.ts';
import type { KubeCluster } from '../sim/kubeCluster.ts';
import { defaultPodSpec } from '../sim/podFactory.ts';
import { podIpOnHost } from '../sim/podAddresses.ts';
import { namespace } from './workloadBuilders.ts';

/**
 * For benchmarks: `count` bare pods, Running and Ready, spread over ten
 * bench-NN namespaces and the cluster's nodes (ignoring their capacity), so
 * a list of 10,000 pods can be paged through. They have no controller and no
 * kubelet timeline, so they cost nothing per tick.
 */
export function seedBenchPods(
  kube: KubeCluster,
  count: number,
): { created: number; namespaces: string[] } {
  const { store, context } = kube;
  const now = context.now();
  const at = kubeTime(now);
  const nodes = store
    .all<Node>('nodes')
    .filter((node) => node.metadata.labels?.['eks.amazonaws.com/compute-type'] !== 'fargate');
  const namespaces = Array.from(
    { length: 10 },
    (_, index) => `bench-${String(index).padStart(2, '0')}`,
  );
  for (const name of namespaces) {
    if (!store.get('namespaces', undefined, name))
      store.create('namespaces', namespace(name, now), at);
  }
  for (let index = 0; index < count; index++) {
    const ns = namespaces[index % namespaces.length]!;
    const app = `bench-app-${index % 25}`;
    const node = nodes.length > 0 ? nodes[index % nodes.length]! : undefined;
    const nodeIp = node?.status.addresses.find((address) => address.type === 'InternalIP')?.address;
    const spec = defaultPodSpec({
      containers: [
        {
          name: 'app',
          image: 'public.ecr.aws/nginx/nginx:1.27',
          resources: { requests: { cpu: '1m', memory: '8Mi' } },
        },
      ],
      ...(node ? { nodeName: node.metadata.name } : {}),
    });
    const podIp = podIpOnHost(context, nodeIp);
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${app}-${nameSuffix(context.random)}${nameSuffix(context.random)}`,
        namespace: ns,
        uid: '',
        resourceVersion: '',
        creationTimestamp: at,
        labels: { app, tier: index % 3 === 0 ? 'frontend' : 'backend', bench: 'true' },
      },
      spec,
      status: node
        ? {
            phase: 'Running',
            qosClass: 'Burstable',
            hostIP: nodeIp!,
            podIP: podIp,
            podIPs: [{ ip: podIp }],
            startTime: at,
            conditions: [
              'PodReadyToStartContainers',
              'Initialized',
              'Ready',
              'ContainersReady',
              'PodScheduled',
            ].map((type) => ({
              type,
              status: 'True' as const,
              lastProbeTime: null,
              lastTransitionTime: at,
            })),
            containerStatuses: [
              {
                name: 'app',
                image: 'public.ecr.aws/nginx/nginx:1.27',
                imageID:
                  'public.ecr.aws/nginx/nginx@sha256:0a0e7f4bd3b4f1e1f5d3b2c1a0e7f4bd3b4f1e1f5d3b2c1a0e7f4bd3b4f1e1f5',
                containerID: `containerd://${context.random.hex(64)}`,
                ready: true,
                started: true,
                restartCount: 0,
                state: { running: { startedAt: at } },
                lastState: {},
              },
            ],
          }
        : { phase: 'Pending', qosClass: 'Burstable' },
    };
    store.create('pods', pod, at);
  }
  return { created: count, namespaces };
}
