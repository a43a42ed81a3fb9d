// Add-ons' public face: the fleet page (routes load it lazily by file) and the cluster tab.
export { LazyAddonsTab } from './LazyAddonsTab.tsx';
