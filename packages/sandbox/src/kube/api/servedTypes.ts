import type { ObjectStore } from '../objects/objectStore.ts';
import { crdNameOf, type ServesType } from '../objects/resourceTypes.ts';

/**
 * What one cluster's API server serves: every built-in type, and a CRD-backed type while the
 * cluster holds its CustomResourceDefinition (so creating or deleting the CRD adds or removes the
 * type, as on a real API server; objects of a removed type stay stored but are unreachable).
 */
export function servesIn(store: ObjectStore): ServesType {
  return (resource) =>
    !resource.crd ||
    store.get('customresourcedefinitions', undefined, crdNameOf(resource)) !== undefined;
}
