/** Kubernetes version arithmetic for upgrade plans ("1.31" style versions, as EKS writes them). */

export const minorOf = (version: string) => Number(version.split('.')[1] ?? NaN);
export const majorOf = (version: string) => Number(version.split('.')[0] ?? NaN);

/**
 * How many minor versions kubelets may trail the API server: three since Kubernetes 1.28, two before
 * (Kubernetes version skew policy, which EKS follows for node groups).
 */
export const allowedSkew = (controlPlane: string) => (minorOf(controlPlane) >= 28 ? 3 : 2);

/** How far a node group's kubelets would trail the control plane, and whether that is beyond the limit. */
export function skewOf(controlPlane: string, kubelet: string) {
  const behind = minorOf(controlPlane) - minorOf(kubelet);
  return { behind, tooFar: behind > allowedSkew(controlPlane) };
}
