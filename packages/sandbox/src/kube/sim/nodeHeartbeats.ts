import type { KubeObject, Node } from '../objects/types.ts';
import type { SimContext } from './simContext.ts';

/**
 * What kubelets report while they run: a Lease in kube-node-lease per node,
 * renewed every 10 s (kubectl describe node reads it), and the node's
 * conditions re-posted every minute with a fresh lastHeartbeatTime. Times are
 * the world's calendar, and so is the pace: a faster simulation does not write
 * more often than a real cluster would. A node whose kubelet stopped posting
 * (Ready Unknown) renews nothing.
 */

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
const LEASE_RENEW_MS = 10_000;
const STATUS_REPORT_MS = 60_000;
const LEASE_DURATION_SECONDS = 40;

interface Lease extends KubeObject {
  spec: { holderIdentity: string; leaseDurationSeconds: number; renewTime: string };
}

/** RFC 3339 with microseconds, as metav1.MicroTime serializes. */
function microTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function reporting(node: Node): boolean {
  return !node.status.conditions.some((c) => c.type === 'Ready' && c.status === 'Unknown');
}

export function tickHeartbeats(context: SimContext): void {
  const { store } = context;
  const now = context.now();
  const nodes = store.all<Node>('nodes');
  const names = new Set(nodes.map((node) => node.metadata.name));
  for (const lease of store.all<Lease>('leases', NODE_LEASE_NAMESPACE))
    if (!names.has(lease.metadata.name))
      store.remove('leases', NODE_LEASE_NAMESPACE, lease.metadata.name);
  if (!store.get('namespaces', undefined, NODE_LEASE_NAMESPACE)) return;
  for (const node of nodes) {
    if (!reporting(node)) continue;
    const name = node.metadata.name;
    const lease = store.get<Lease>('leases', NODE_LEASE_NAMESPACE, name);
    if (!lease) {
      store.create<Lease>(
        'leases',
        {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: {
            name,
            namespace: NODE_LEASE_NAMESPACE,
            uid: '',
            resourceVersion: '',
            creationTimestamp: '',
            ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid }],
          },
          spec: {
            holderIdentity: name,
            leaseDurationSeconds: LEASE_DURATION_SECONDS,
            renewTime: microTime(now),
          },
        },
        node.metadata.creationTimestamp,
      );
    } else if (now.getTime() - Date.parse(lease.spec.renewTime) >= LEASE_RENEW_MS) {
      store.update('leases', lease, (draft) => {
        draft.spec.renewTime = microTime(now);
      });
    }
    const heartbeat = node.status.conditions.find((c) => c.type === 'Ready')?.lastHeartbeatTime;
    if (!heartbeat || now.getTime() - Date.parse(heartbeat) >= STATUS_REPORT_MS) {
      const time = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
      store.update('nodes', node, (draft) => {
        for (const condition of draft.status.conditions) condition.lastHeartbeatTime = time;
      });
    }
  }
}
