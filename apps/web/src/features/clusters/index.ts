// The cluster pages; other features build on shared components rather than on these.
export { ClusterDetailPage } from './ClusterDetailPage.tsx';
export { ClustersPage } from './ClustersPage.tsx';
