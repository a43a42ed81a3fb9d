import type { ContainerDetail } from '@wheelhouse/contract';
import { isApiError } from '../../../api/client.ts';

/**
 * Why a container has no log to read yet: it is waiting and has never run (no restart, no last
 * termination), e.g. ImagePullBackOff or ContainerCreating. Kubernetes answers 400 for its log
 * until it starts, so the panel says this instead of asking. Undefined once it has run.
 */
export function notStartedReason(container: ContainerDetail | undefined): string | undefined {
  if (!container || container.state !== 'waiting') return undefined;
  if (container.restarts > 0 || container.lastTermination) return undefined;
  return container.stateReason ?? 'ContainerCreating';
}

/**
 * Whether asking again may give another answer: the server could not be reached, failed, or was
 * busy. A 4xx (the container is gone, no previous run, no access) stays so until something else
 * changes, and the pod page refreshes on its own when it does.
 */
export function retryMayHelp(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}
