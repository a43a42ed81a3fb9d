import type { Pod } from '../../objects/types.ts';

/** What controllers need from the rest of the simulation to run pods. */
export interface PodHost {
  /** Admits (Fargate profile matching) and stores a new pod. */
  createPod(pod: Pod): Pod;
  /** A pod created already bound to a node (DaemonSets) starts on its kubelet. */
  podBound(pod: Pod): void;
  /** Deletes a pod gracefully. */
  deletePod(pod: Pod): void;
}
