import type { KubeEvent, KubeObject, Node, Pod } from './types.ts';

/** The fields each kind may be selected by (fieldSelector), as the API server supports them. */

type Reader = (object: KubeObject) => string | undefined;

const COMMON: Record<string, Reader> = {
  'metadata.name': (object) => object.metadata.name,
  'metadata.namespace': (object) => object.metadata.namespace ?? '',
};

const pod =
  (read: (pod: Pod) => string | undefined): Reader =>
  (object) =>
    read(object as Pod);
const event =
  (read: (event: KubeEvent) => string | undefined): Reader =>
  (object) =>
    read(object as KubeEvent);

const BY_KIND: Record<string, Record<string, Reader>> = {
  Pod: {
    'spec.nodeName': pod((p) => p.spec.nodeName ?? ''),
    'spec.schedulerName': pod((p) => p.spec.schedulerName ?? 'default-scheduler'),
    'spec.serviceAccountName': pod((p) => p.spec.serviceAccountName ?? 'default'),
    'spec.restartPolicy': pod((p) => p.spec.restartPolicy ?? 'Always'),
    'spec.hostNetwork': pod((p) => String(p.spec.hostNetwork ?? false)),
    'status.phase': pod((p) => p.status.phase),
    'status.podIP': pod((p) => p.status.podIP ?? ''),
    'status.nominatedNodeName': () => '',
  },
  Event: {
    'involvedObject.kind': event((e) => e.involvedObject.kind),
    'involvedObject.namespace': event((e) => e.involvedObject.namespace ?? ''),
    'involvedObject.name': event((e) => e.involvedObject.name),
    'involvedObject.uid': event((e) => e.involvedObject.uid),
    'involvedObject.apiVersion': event((e) => e.involvedObject.apiVersion),
    'involvedObject.resourceVersion': event((e) => e.involvedObject.resourceVersion ?? ''),
    'involvedObject.fieldPath': event((e) => e.involvedObject.fieldPath ?? ''),
    reason: event((e) => e.reason),
    reportingComponent: event((e) => e.reportingComponent),
    source: event((e) => e.source.component),
    type: event((e) => e.type),
  },
  Node: {
    'spec.unschedulable': (object) => String((object as Node).spec.unschedulable ?? false),
  },
  Namespace: {
    'status.phase': (object) => (object.status as { phase?: string } | undefined)?.phase,
  },
};

export function supportsField(kind: string, field: string): boolean {
  return field in COMMON || field in (BY_KIND[kind] ?? {});
}

export function readField(object: KubeObject, field: string): string | undefined {
  const reader = COMMON[field] ?? BY_KIND[object.kind]?.[field];
  return reader?.(object);
}
