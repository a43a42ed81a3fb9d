import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Pod } from '../objects/types.ts';
import type { KubeCluster } from '../sim/kubeCluster.ts';
import type { KubeStatusError } from '../api/status.ts';
import { statusBody, kubeErrors } from '../api/status.ts';
import { createContainerShell } from './containerShell.ts';

/** The channel protocols of the Kubernetes exec WebSocket, newest first (v5 adds the close signal). */
export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const;
const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const RESIZE = 4;
const CLOSE = 255;

/** Answers a refused upgrade with the API server's Status, then hangs up. */
export function refuseUpgrade(socket: Duplex, error: KubeStatusError): void {
  const body = JSON.stringify(statusBody(error));
  socket.end(
    `HTTP/1.1 ${error.code} ${error.reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

const sockets = new WebSocketServer({
  noServer: true,
  handleProtocols: (offered) => EXEC_PROTOCOLS.find((protocol) => offered.has(protocol)) ?? false,
});

/**
 * GET pods/<name>/exec upgraded to a WebSocket: one channel byte before each frame (0 stdin,
 * 1 stdout, 2 stderr, 3 the final Status, 4 terminal size, 255 a stream's end in v5), the
 * command run by the container's small shell.
 */
export function serveExec(
  kube: KubeCluster,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  target: { namespace: string; name: string; query: URLSearchParams },
): void {
  const pod = kube.store.get<Pod>('pods', target.namespace, target.name);
  if (!pod) throw kubeErrors.notFound('pods', target.name);
  const command = target.query.getAll('command');
  if (command.length === 0) throw kubeErrors.badRequest('you must specify at least 1 command');
  const containerName = target.query.get('container') ?? undefined;
  const containers = pod.spec.containers;
  if (!containerName && containers.length > 1)
    throw kubeErrors.badRequest(
      `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${containers.map((c) => c.name).join(' ')}]`,
    );
  const container = containerName
    ? containers.find((c) => c.name === containerName)
    : containers[0];
  if (!container)
    throw kubeErrors.badRequest(
      `container ${containerName} is not valid for pod ${pod.metadata.name}`,
    );
  if (pod.status.phase !== 'Running' || pod.metadata.deletionTimestamp)
    throw kubeErrors.badRequest(
      `unable to upgrade connection: container not found ("${container.name}")`,
    );
  const protocols = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  if (!EXEC_PROTOCOLS.some((p) => protocols.includes(p)))
    throw kubeErrors.badRequest(
      `unable to upgrade connection: the client must offer one of ${EXEC_PROTOCOLS.join(', ')}`,
    );
  const tty = target.query.get('tty') === 'true' || target.query.get('tty') === '1';
  sockets.handleUpgrade(req, socket, head, (ws) => attach(ws, pod, container, command, tty));
}

function attach(
  ws: WebSocket,
  pod: Pod,
  container: Pod['spec']['containers'][number],
  command: string[],
  tty: boolean,
): void {
  const frame = (channel: number, data: string | Buffer) =>
    ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(data)]));
  const shell = createContainerShell(
    pod,
    container,
    {
      stdout: (text) => frame(STDOUT, text),
      // On a terminal there is one stream, as with a real tty.
      stderr: (text) => frame(tty ? STDOUT : STDERR, text),
      exit: (code) => {
        const status =
          code === 0
            ? { metadata: {}, status: 'Success' }
            : {
                metadata: {},
                status: 'Failure',
                message: `command terminated with non-zero exit code: exit status ${code}`,
                reason: 'NonZeroExitCode',
                details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
              };
        frame(ERROR, JSON.stringify(status));
        ws.close(1000);
      },
    },
    { tty },
  );
  ws.on('message', (data: Buffer) => {
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
    if (bytes.length === 0) return;
    const channel = bytes[0];
    if (channel === STDIN) shell.input(bytes.subarray(1).toString('utf8'));
    else if (channel === CLOSE && bytes[1] === STDIN) shell.endInput();
    else if (channel === RESIZE) return;
  });
  shell.start(command);
}
