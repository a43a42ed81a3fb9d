// What other features may use of Kubernetes resources: the tab, loaded on demand, and when it applies.
export { LazyResourcesTab, preloadResourcesTab, resourcesTabApplies } from './LazyResourcesTab.tsx';
// How CPU and memory read (the Metrics tab writes them the same way).
export { formatCpu, formatMemory, percentOf } from './display/units.ts';
