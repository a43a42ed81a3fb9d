// What other features may use of Kubernetes resources: the tab, loaded on demand, and when it applies.
export { LazyResourcesTab, preloadResourcesTab, resourcesTabApplies } from './LazyResourcesTab.tsx';
