import type { ClusterRef, ObjectLink } from '@wheelhouse/contract';
import { clusterPath } from '../../../api/clusters.ts';

/**
 * Where an object opens: pods on their own page (it has logs and a shell), everything else on the
 * object page. Undefined when the console has no view for the kind.
 */
export function objectHref(ref: ClusterRef, link: ObjectLink): string | undefined {
  if (!link.resource) return undefined;
  const base = `/clusters/${clusterPath(ref)}`;
  const name = encodeURIComponent(link.name);
  if (link.resource === 'pods' && link.namespace) {
    return `${base}/pods/${encodeURIComponent(link.namespace)}/${name}`;
  }
  return link.namespace
    ? `${base}/objects/${link.resource}/${encodeURIComponent(link.namespace)}/${name}`
    : `${base}/objects/${link.resource}/${name}`;
}
