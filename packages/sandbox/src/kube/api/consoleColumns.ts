import { formatSelector } from '../objects/selectors.ts';
import type { KubeObject, LabelSelector } from '../objects/types.ts';
import type { TableColumn } from './tableColumns.ts';

/**
 * Table columns of the kinds consoles read beside workloads, named and filled
 * as kube-apiserver's printers do (kubectl upper-cases the names). Secret
 * rows count data keys; values never appear.
 */

// Loose shapes: these kinds are seeded and read, nothing in the simulation computes on them.
type Loose = KubeObject & Record<string, unknown> & { spec?: Record<string, unknown> };
type Cell = (object: Loose, now: number) => string | number | boolean;

function column(
  name: string,
  cell: Cell,
  options: { type?: TableColumn['type']; priority?: number; format?: string } = {},
): TableColumn {
  return {
    name,
    type: options.type ?? 'string',
    format: options.format ?? '',
    description: `${name} of the object, as kubectl prints it.`,
    priority: options.priority ?? 0,
    cell: (object, now) => cell(object as Loose, now),
  };
}

function age(time: string | undefined, now: number, humanDuration: (ms: number) => string) {
  return time ? humanDuration(now - Date.parse(time)) : '<unknown>';
}

const MODES: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};
const modes = (list: unknown) =>
  ((list as string[] | undefined) ?? []).map((mode) => MODES[mode] ?? mode).join(',');
/** A string or number cell; anything else (absent, an object) prints as `fallback`. */
const text = (value: unknown, fallback = '') =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
const orNone = (value: unknown, none = '<none>') => (value === '' ? none : text(value, none));

/** "ip:port,ip:port,ip:port + 2 more...", as kubectl shortens endpoint lists. */
function shortList(entries: string[]): string {
  if (entries.length === 0) return '<none>';
  const shown = entries.slice(0, 3).join(',');
  return entries.length > 3 ? `${shown} + ${entries.length - 3} more...` : shown;
}

interface Subset {
  addresses?: Array<{ ip: string }>;
  ports?: Array<{ port: number }>;
}

export function consoleColumns(
  NAME: TableColumn,
  humanDuration: (ms: number) => string,
): Record<string, TableColumn[]> {
  const AGE = column('Age', (object, now) =>
    age(object.metadata.creationTimestamp, now, humanDuration),
  );
  const wide = { priority: 1 };
  return {
    Secret: [
      NAME,
      column('Type', (secret) => text(secret.type, 'Opaque')),
      column('Data', (secret) => Object.keys((secret.data as object | undefined) ?? {}).length, {
        type: 'integer',
      }),
      AGE,
    ],
    ServiceAccount: [
      NAME,
      column('Secrets', (sa) => ((sa.secrets as unknown[] | undefined) ?? []).length, {
        type: 'integer',
      }),
      AGE,
    ],
    Endpoints: [
      NAME,
      column('Endpoints', (endpoints) =>
        shortList(
          ((endpoints.subsets as Subset[] | undefined) ?? []).flatMap((subset) =>
            (subset.addresses ?? []).flatMap((address) =>
              (subset.ports ?? []).length > 0
                ? subset.ports!.map((port) => `${address.ip}:${port.port}`)
                : [address.ip],
            ),
          ),
        ),
      ),
      AGE,
    ],
    EndpointSlice: [
      NAME,
      column('AddressType', (slice) => String(slice.addressType)),
      column('Ports', (slice) => {
        const ports = (slice.ports as Array<{ port?: number }> | undefined) ?? [];
        return ports.length > 0
          ? ports.map((port) => orNone(port.port, '<unset>')).join(',')
          : '<unset>';
      }),
      column('Endpoints', (slice) =>
        shortList(
          ((slice.endpoints as Array<{ addresses: string[] }> | undefined) ?? []).flatMap(
            (endpoint) => endpoint.addresses,
          ),
        ),
      ),
      AGE,
    ],
    Ingress: [
      NAME,
      column('Class', (ingress) => orNone(ingress.spec?.ingressClassName)),
      column('Hosts', (ingress) => {
        const hosts = ((ingress.spec?.rules as Array<{ host?: string }> | undefined) ?? [])
          .map((rule) => rule.host)
          .filter(Boolean);
        return hosts.length > 0 ? hosts.join(',') : '*';
      }),
      column('Address', (ingress) => {
        const status = ingress.status as
          { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } } | undefined;
        return (status?.loadBalancer?.ingress ?? [])
          .map((entry) => entry.ip ?? entry.hostname)
          .join(',');
      }),
      column('Ports', (ingress) =>
        ((ingress.spec?.tls as unknown[] | undefined) ?? []).length > 0 ? '80, 443' : '80',
      ),
      AGE,
    ],
    NetworkPolicy: [
      NAME,
      column('Pod-Selector', (policy) => {
        const selector = policy.spec?.podSelector as LabelSelector | undefined;
        const text = formatSelector(selector);
        return text === '' ? '<none>' : text;
      }),
      AGE,
    ],
    PodDisruptionBudget: [
      NAME,
      column('Min Available', (pdb) => orNone(pdb.spec?.minAvailable, 'N/A')),
      column('Max Unavailable', (pdb) => orNone(pdb.spec?.maxUnavailable, 'N/A')),
      column(
        'Allowed Disruptions',
        (pdb) =>
          (pdb.status as { disruptionsAllowed?: number } | undefined)?.disruptionsAllowed ?? 0,
        { type: 'integer' },
      ),
      AGE,
    ],
    PersistentVolumeClaim: [
      NAME,
      column('Status', (pvc) =>
        String((pvc.status as { phase?: string } | undefined)?.phase ?? ''),
      ),
      column('Volume', (pvc) => text(pvc.spec?.volumeName, '')),
      column('Capacity', (pvc) =>
        String(
          (pvc.status as { capacity?: { storage?: string } } | undefined)?.capacity?.storage ?? '',
        ),
      ),
      column('Access Modes', (pvc) =>
        modes((pvc.status as { accessModes?: string[] } | undefined)?.accessModes),
      ),
      column('StorageClass', (pvc) => text(pvc.spec?.storageClassName, '')),
      column('VolumeAttributesClass', (pvc) =>
        orNone(pvc.spec?.volumeAttributesClassName, '<unset>'),
      ),
      AGE,
      column('VolumeMode', (pvc) => text(pvc.spec?.volumeMode, 'Filesystem'), wide),
    ],
    PersistentVolume: [
      NAME,
      column('Capacity', (pv) =>
        String((pv.spec?.capacity as { storage?: string } | undefined)?.storage ?? ''),
      ),
      column('Access Modes', (pv) => modes(pv.spec?.accessModes)),
      column('Reclaim Policy', (pv) => text(pv.spec?.persistentVolumeReclaimPolicy, '')),
      column('Status', (pv) => String((pv.status as { phase?: string } | undefined)?.phase ?? '')),
      column('Claim', (pv) => {
        const claim = pv.spec?.claimRef as { namespace?: string; name?: string } | undefined;
        return claim ? `${claim.namespace}/${claim.name}` : '';
      }),
      column('StorageClass', (pv) => text(pv.spec?.storageClassName, '')),
      column('VolumeAttributesClass', (pv) =>
        orNone(pv.spec?.volumeAttributesClassName, '<unset>'),
      ),
      column('Reason', (pv) =>
        String((pv.status as { reason?: string } | undefined)?.reason ?? ''),
      ),
      AGE,
      column('VolumeMode', (pv) => text(pv.spec?.volumeMode, 'Filesystem'), wide),
    ],
    StorageClass: [
      column(
        'Name',
        (sc) =>
          sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true'
            ? `${sc.metadata.name} (default)`
            : sc.metadata.name,
        { format: 'name' },
      ),
      column('Provisioner', (sc) => String(sc.provisioner)),
      column('ReclaimPolicy', (sc) => text(sc.reclaimPolicy, 'Delete')),
      column('VolumeBindingMode', (sc) => text(sc.volumeBindingMode, 'Immediate')),
      column('AllowVolumeExpansion', (sc) => sc.allowVolumeExpansion === true, { type: 'boolean' }),
      AGE,
    ],
    PriorityClass: [
      NAME,
      column('Value', (pc) => Number(pc.value), { type: 'integer' }),
      column('Global-Default', (pc) => pc.globalDefault === true, { type: 'boolean' }),
      AGE,
      column('PreemptionPolicy', (pc) => text(pc.preemptionPolicy, 'PreemptLowerPriority')),
    ],
    CustomResourceDefinition: [
      NAME,
      column('Created At', (crd) => crd.metadata.creationTimestamp, { type: 'date' }),
    ],
  };
}
