// Metrics' public face: the cluster tab, loaded on demand.
export { LazyMetricsTab, preloadMetricsTab } from './LazyMetricsTab.tsx';
