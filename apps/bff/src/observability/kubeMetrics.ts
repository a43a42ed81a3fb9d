import type { KubeClient } from '../upstream/kubeClient.ts';
import { kubeCallDuration } from './metrics.ts';

/** Settles `call` and records its latency and outcome under the cluster's label. */
async function timed<T>(cluster: string, call: () => Promise<T>): Promise<T> {
  const stop = kubeCallDuration.startTimer({ cluster });
  try {
    const value = await call();
    stop({ outcome: 'success' });
    return value;
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const aborted = (error as { name?: unknown }).name === 'AbortError';
    stop({ outcome: aborted ? 'aborted' : typeof status === 'number' ? String(status) : 'error' });
    throw error;
  }
}

/**
 * The same client, its calls counted in GET /metrics by cluster and outcome (success, the HTTP
 * status of a refusal, or error). A watch (`lines`) is counted when it ends, a raw stream when it opens.
 */
export function timedKubeClient(client: KubeClient, cluster: string): KubeClient {
  return {
    ...client,
    get: (path, query) => timed(cluster, () => client.get(path, query)),
    text: (path, query) => timed(cluster, () => client.text(path, query)),
    lines: (path, query, onLine, signal) =>
      timed(cluster, () => client.lines(path, query, onLine, signal)),
    stream: (path, query, signal) => timed(cluster, () => client.stream(path, query, signal)),
    post: (path, body) => timed(cluster, () => client.post(path, body)),
    write: (method, path, body, options) =>
      timed(cluster, () => client.write(method, path, body, options)),
    exec: (path, query) => timed(cluster, () => client.exec(path, query)),
  };
}
