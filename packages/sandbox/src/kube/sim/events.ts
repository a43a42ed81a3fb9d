import type { Random } from '../../world/random.ts';
import { kubeTime } from '../objects/meta.ts';
import type { ObjectStore } from '../objects/objectStore.ts';
import type { KubeEvent, KubeObject } from '../objects/types.ts';

/** Who reports an event: the controller or kubelet (with its node) that saw it happen. */
export interface EventSource {
  component: string;
  host?: string;
}

const MAX_EVENTS = 3_000;
/** The API server drops events an hour after their last occurrence (--event-ttl). */
const EVENT_TTL_MS = 3_600_000;

/**
 * Writes core/v1 Events as the components do: a repeat of the same reason
 * and message for the same object bumps `count` and `lastTimestamp` instead
 * of adding an event; the oldest go first when there are too many.
 */
export class EventRecorder {
  private readonly byKey = new Map<string, { namespace: string; name: string }>();
  private readonly order: string[] = [];

  constructor(
    private readonly store: ObjectStore,
    private readonly random: Random,
    private readonly now: () => Date,
  ) {}

  record(
    object: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: EventSource,
    options: { fieldPath?: string; at?: Date; count?: number; firstAt?: Date } = {},
  ): void {
    if (options.at && this.now().getTime() - options.at.getTime() > EVENT_TTL_MS) return;
    const at = kubeTime(options.at ?? this.now());
    const key = `${object.metadata.uid}|${options.fieldPath ?? ''}|${reason}|${message}`;
    const namespace = object.metadata.namespace ?? 'default';
    const known = this.byKey.get(key);
    const existing = known
      ? this.store.get<KubeEvent>('events', known.namespace, known.name)
      : undefined;
    if (existing) {
      this.store.update('events', existing, (draft) => {
        draft.count += options.count ?? 1;
        draft.lastTimestamp = at;
      });
      return;
    }
    const name = `${object.metadata.name}.${this.random.hex(16)}`;
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: at },
      involvedObject: {
        kind: object.kind,
        namespace: object.metadata.namespace,
        name: object.metadata.name,
        uid: object.metadata.uid,
        apiVersion: object.apiVersion,
        resourceVersion: object.metadata.resourceVersion,
        ...(options.fieldPath ? { fieldPath: options.fieldPath } : {}),
      },
      reason,
      message,
      source,
      firstTimestamp: options.firstAt ? kubeTime(options.firstAt) : at,
      lastTimestamp: at,
      count: options.count ?? 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    if (event.involvedObject.namespace === undefined) delete event.involvedObject.namespace;
    this.store.create('events', event, at);
    this.byKey.set(key, { namespace, name });
    this.order.push(key);
    if (this.order.length > MAX_EVENTS) {
      const oldest = this.order.shift()!;
      const gone = this.byKey.get(oldest);
      this.byKey.delete(oldest);
      if (gone) this.store.remove('events', gone.namespace, gone.name);
    }
  }
}
