// Upgrade readiness's public face: the fleet page (routes load it lazily by file) and the cluster tab.
export { LazyUpgradeReadinessTab, preloadUpgradeReadinessTab } from './LazyUpgradeReadinessTab.tsx';
