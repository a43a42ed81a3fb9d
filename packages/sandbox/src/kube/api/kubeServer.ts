import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { ServingCertificate } from '../auth/servingCertificate.ts';
import type { createKubeApi } from './kubeApi.ts';

/** One cluster's API server listening on its own loopback port. */
export interface RunningKubeServer {
  port: number;
  close(): Promise<void>;
}

/** Listens with the cluster's serving certificate on a free port of `host`. */
export async function listenKubeApi(
  api: ReturnType<typeof createKubeApi>,
  certificate: ServingCertificate,
  host = '127.0.0.1',
): Promise<RunningKubeServer> {
  const server: Server = createServer(
    { key: certificate.key, cert: certificate.cert },
    (req, res) => api.handle(req, res),
  );
  server.on('upgrade', (req, socket, head: Buffer) => api.upgrade(req, socket, head));
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // The port stays bound for the cluster's lifetime; its handle must not keep the process alive.
  server.unref();
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    port,
    close() {
      closed ??= new Promise<void>((resolve) => {
        api.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
