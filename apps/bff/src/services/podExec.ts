import type { WebSocket, RawData } from 'ws';
import type { ClusterRef, ExecServerMessage, KubeIdentity } from '@wheelhouse/contract';
import type { AuditLog } from '../audit/auditLog.ts';
import type { KubeUserIdentity } from '../auth/kubeIdentity.ts';
import type { KubeAccess } from '../upstream/kubeAccess.ts';
import { KubeApiError } from '../upstream/kubeClient.ts';
import type { ChangeContext } from './changeRunner.ts';

const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const RESIZE = 4;
/** How often an open terminal checks that its user's console session still exists. */
const SESSION_CHECK_MS = 2_000;
/** Browser → cluster bytes buffered at most before the terminal is closed (a stalled cluster). */
const MAX_BUFFERED = 1024 * 1024;

export interface ExecTarget {
  namespace: string;
  pod: string;
  container: string;
  command: string[];
}

const toBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

/** The exit code in the exec stream's final Status (v4+): 0 on Success, else its ExitCode cause. */
export function exitCodeOf(status: string): number {
  try {
    const parsed = JSON.parse(status) as {
      status?: string;
      details?: { causes?: Array<{ reason?: string; message?: string }> };
    };
    if (parsed.status === 'Success') return 0;
    const cause = parsed.details?.causes?.find((c) => c.reason === 'ExitCode');
    return cause?.message ? Number(cause.message) : 1;
  } catch {
    return 1;
  }
}

/**
 * Relays a browser terminal to a container's exec stream on the cluster (v5.channel.k8s.io): the
 * browser's bytes become stdin frames, stdout and stderr come back as plain bytes, the final Status
 * becomes an `exit` message. Every session is audited: a `pod.exec` entry written before the cluster
 * is asked and completed when the session ends, and a `pod.exec.end` entry with its duration and
 * bytes in and out. The session ends when the user's console session does.
 */
export function createPodExec(deps: {
  kube: KubeAccess;
  audit: AuditLog;
  sessionAlive: (sessionId: string) => Promise<boolean>;
}) {
  const open = new Set<() => void>();

  async function attach(
    ref: ClusterRef,
    context: ChangeContext,
    target: ExecTarget,
    browser: WebSocket,
    sessionId: string,
    as: KubeUserIdentity,
  ): Promise<void> {
    // The cluster sees the signed-in user (impersonated), or the console's own IAM principal.
    const principal = deps.kube.impersonates()
      ? undefined
      : await deps.kube.principalFor(ref).catch(() => undefined);
    const identity: KubeIdentity = deps.kube.impersonates()
      ? { as: 'user', principal: as.user }
      : { as: 'console', ...(principal ? { principal } : {}) };
    const startedAt = new Date();
    const auditId = await deps.audit.begin({
      ...context,
      action: 'pod.exec',
      target: `${ref.accountId}/${ref.region}/${ref.name}/pods/${target.namespace}/${target.pod}`,
      params: { container: target.container, command: target.command, identity },
    });
    let bytesIn = 0;
    let bytesOut = 0;
    let exitCode: number | undefined;
    let failure: string | undefined;
    let finished = false;
    let upstream: WebSocket | undefined;
    const tell = (message: ExecServerMessage) => {
      if (browser.readyState === browser.OPEN) browser.send(JSON.stringify(message));
    };
    const finish = (closeCode = 1000, reason?: string) => {
      if (finished) return;
      finished = true;
      clearInterval(sessionCheck);
      open.delete(stop);
      if (reason) tell({ type: 'exit', reason });
      browser.close(closeCode, reason?.slice(0, 120));
      upstream?.close();
      void deps.audit.complete(
        auditId,
        failure ? { outcome: 'failure', error: failure } : { outcome: 'success' },
      );
      void deps.audit.record(
        {
          ...context,
          action: 'pod.exec.end',
          target: `${ref.accountId}/${ref.region}/${ref.name}/pods/${target.namespace}/${target.pod}`,
          params: {
            session: auditId,
            container: target.container,
            command: target.command,
            startedAt: startedAt.toISOString(),
            endedAt: new Date().toISOString(),
            bytesIn,
            bytesOut,
            ...(exitCode !== undefined ? { exitCode } : {}),
            ...(reason ? { endedBecause: reason } : {}),
          },
        },
        { outcome: failure ? 'failure' : 'success', ...(failure ? { error: failure } : {}) },
      );
    };
    const stop = () => finish(1001, 'the console is shutting down');
    open.add(stop);
    const sessionCheck = setInterval(() => {
      void deps.sessionAlive(sessionId).then(
        (alive) => alive || finish(4401, 'your console session ended'),
        () => undefined,
      );
    }, SESSION_CHECK_MS);
    browser.on('close', () => finish());
    const pending: Buffer[] = [];
    browser.on('message', (data, isBinary) => {
      const bytes = toBuffer(data);
      let frame: Buffer;
      if (isBinary) {
        bytesIn += bytes.length;
        frame = Buffer.concat([Buffer.from([STDIN]), bytes]);
      } else {
        try {
          const message = JSON.parse(bytes.toString('utf8')) as {
            type?: string;
            cols?: number;
            rows?: number;
          };
          if (message.type !== 'resize') return;
          frame = Buffer.concat([
            Buffer.from([RESIZE]),
            Buffer.from(JSON.stringify({ Width: message.cols, Height: message.rows })),
          ]);
        } catch {
          return;
        }
      }
      if (!upstream) pending.push(frame);
      else if (upstream.bufferedAmount > MAX_BUFFERED)
        finish(1013, 'the cluster is not reading input');
      else upstream.send(frame);
    });

    try {
      const client = await deps.kube.clientFor(ref, as);
      const query: Array<[string, string]> = [
        ['container', target.container],
        ...target.command.map((word): [string, string] => ['command', word]),
        ['stdin', 'true'],
        ['stdout', 'true'],
        ['stderr', 'true'],
        ['tty', 'true'],
      ];
      upstream = await client.exec(
        `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}/exec`,
        query,
      );
    } catch (error) {
      failure =
        error instanceof KubeApiError
          ? `Kubernetes ${error.status} ${error.reason}: ${error.message}`
          : error instanceof Error
            ? error.message
            : String(error);
      finish(1011, failure);
      return;
    }
    if (finished) {
      upstream.close();
      return;
    }
    for (const frame of pending.splice(0)) upstream.send(frame);
    upstream.on('message', (data) => {
      const bytes = toBuffer(data);
      const channel = bytes[0];
      const payload = bytes.subarray(1);
      if (channel === STDOUT || channel === STDERR) {
        bytesOut += payload.length;
        if (browser.readyState === browser.OPEN) browser.send(payload, { binary: true });
      } else if (channel === ERROR) {
        exitCode = exitCodeOf(payload.toString('utf8'));
        tell({ type: 'exit', code: exitCode });
      }
    });
    upstream.on('close', () => finish());
    upstream.on('error', (error) => {
      failure = `The exec stream failed: ${error.message}`;
      finish(1011, failure);
    });
  }

  return {
    attach,
    /** Open terminals now (the user's session check and shutdown close them). */
    openSessions: () => open.size,
    /** Ends every open terminal (the console is stopping). */
    closeAll(): void {
      for (const stop of [...open]) stop();
    },
  };
}
export type PodExec = ReturnType<typeof createPodExec>;
