import type { Pod } from '../objects/types.ts';
import type { ContainerLogs, LogLine } from '../sim/containerLogs.ts';
import { flag, integerParam, type KubeExchange } from './httpExchange.ts';
import { kubeErrors } from './status.ts';

/** RFC 3339 with nanoseconds, as the kubelet stamps lines with `timestamps=true`. */
function stamp(line: LogLine): string {
  return `${line.at.toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} ${line.text}`;
}

function pickContainer(pod: Pod, requested: string | null): string {
  const names = pod.spec.containers.map((container) => container.name);
  if (requested) {
    if (!names.includes(requested)) {
      throw kubeErrors.badRequest(
        `container ${requested} is not valid for pod ${pod.metadata.name}`,
      );
    }
    return requested;
  }
  if (names.length === 1) return names[0]!;
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && names.includes(annotated)) return annotated;
  throw kubeErrors.badRequest(
    `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]`,
  );
}

/**
 * GET .../pods/<name>/log: the container's log (or its previous run's),
 * `tailLines`, `limitBytes`, `timestamps`, `sinceSeconds`; with `follow` the
 * answer streams new lines (chunked) until the container stops or the client
 * goes away.
 */
export function servePodLog(
  logs: ContainerLogs,
  pod: Pod,
  exchange: KubeExchange,
  now: () => Date,
): void {
  const { query, res } = exchange;
  const container = pickContainer(pod, query.get('container'));
  const previous = flag(query, 'previous');
  const follow = flag(query, 'follow') && !previous;
  const timestamps = flag(query, 'timestamps');
  const tailLines = integerParam(query, 'tailLines');
  const limitBytes = integerParam(query, 'limitBytes');
  const sinceSeconds = integerParam(query, 'sinceSeconds');
  const lines = logs.read(pod.metadata.uid, container, previous);
  const podRef = `container "${container}" in pod "${pod.metadata.name}"`;
  if (!lines) {
    if (previous) throw kubeErrors.badRequest(`previous terminated ${podRef} not found`);
    const waiting = pod.status.containerStatuses?.find((status) => status.name === container)?.state
      .waiting;
    const reason =
      waiting?.reason === 'ImagePullBackOff' || waiting?.reason === 'ErrImagePull'
        ? 'trying and failing to pull image'
        : (waiting?.reason ?? 'ContainerCreating');
    throw kubeErrors.badRequest(`${podRef} is waiting to start: ${reason}`);
  }
  const since = sinceSeconds !== undefined ? now().getTime() - sinceSeconds * 1000 : undefined;
  let selected =
    since !== undefined ? lines.filter((line) => line.at.getTime() >= since) : [...lines];
  if (tailLines !== undefined) selected = tailLines <= 0 ? [] : selected.slice(-tailLines);
  const format = (line: LogLine) => `${timestamps ? stamp(line) : line.text}\n`;
  let text = selected.map(format).join('');
  if (limitBytes !== undefined && limitBytes >= 0)
    text = Buffer.from(text).subarray(0, limitBytes).toString('utf8');

  res.writeHead(200, {
    'content-type': 'text/plain',
    'cache-control': 'no-cache, private',
    ...(follow
      ? { 'transfer-encoding': 'chunked' }
      : { 'content-length': String(Buffer.byteLength(text)) }),
  });
  if (!follow || !logs.isRunning(pod.metadata.uid, container)) {
    res.end(text);
    return;
  }
  res.write(text);
  let ended = false;
  const stop = logs.follow(pod.metadata.uid, container, {
    line: (line) => {
      if (!ended) res.write(format(line));
    },
    end: () => {
      ended = true;
      if (!res.writableEnded) res.end();
    },
  });
  res.on('close', () => {
    ended = true;
    stop();
  });
}
