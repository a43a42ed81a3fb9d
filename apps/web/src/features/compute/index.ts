// What other features may use of compute: the tab, loaded on demand so its code stays its own chunk.
export { LazyComputeTab } from './LazyComputeTab.tsx';
