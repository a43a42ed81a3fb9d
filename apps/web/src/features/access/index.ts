export { LazyAccessTab } from './LazyAccessTab.tsx';
