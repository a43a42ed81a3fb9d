// Posture's public face: the fleet page (routes load it lazily by file) and the cluster tab.
export { LazyPostureTab } from './LazyPostureTab.tsx';
