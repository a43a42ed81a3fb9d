import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { parse as parseCookies } from 'cookie';
import { WebSocketServer } from 'ws';
import { ClusterRef, ExecQuery, type Problem } from '@wheelhouse/contract';
import { ACCESS_POLICY } from '@wheelhouse/contract/constants';
import type { AuditLog } from '../audit/auditLog.ts';
import type { RefusalRecorder } from '../audit/refusals.ts';
import { SESSION_COOKIE } from '../auth/access.ts';
import { kubeIdentityOf } from '../auth/kubeIdentity.ts';
import type { SessionStore } from '../auth/sessions.ts';
import { InputError } from '../errors.ts';
import type { HostPolicy } from '../http/hostPolicy.ts';
import { parseInput } from '../http/validate.ts';
import type { PodExec } from '../services/podExec.ts';

/** The exec WebSocket's path; the only upgrade the console accepts. */
export const POD_EXEC_PATH =
  /^\/api\/clusters\/([^/]+)\/([^/]+)\/([^/]+)\/k8s\/pods\/([^/]+)\/([^/]+)\/exec$/;
const NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

function refuse(socket: Duplex, problem: Problem): void {
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${problem.status} ${problem.title}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
  );
}

/** `Origin` names the same scheme-less host the request was sent to: a WebSocket's CSRF defence. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin || !req.headers.host) return false;
  try {
    return new URL(origin).host.toLowerCase() === req.headers.host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * The upgrade handler of the console's HTTP server for pod exec. Before upgrading it checks what the
 * access guard checks for every change: a known Host, the session cookie, the role (operators and
 * admins; an auditor's attempt is answered 403 and audited) and, instead of the CSRF header a
 * WebSocket cannot send, that Origin is the console's own.
 */
export function podExecUpgrade(deps: {
  exec: PodExec;
  sessions: SessionStore;
  audit: AuditLog;
  refusals: RefusalRecorder;
  hostPolicy: HostPolicy;
}) {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const roles: readonly string[] = ACCESS_POLICY.change;
  const handle = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://console');
    const match = POD_EXEC_PATH.exec(url.pathname);
    const localPort = req.socket.localPort ?? 0;
    if (!deps.hostPolicy.allows(req.headers.host, localPort))
      return refuse(socket, {
        type: 'about:blank',
        title: 'Misdirected Request',
        status: 421,
        detail: 'This console does not answer to this host.',
      });
    if (!match)
      return refuse(socket, {
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: 'Only pod exec upgrades to a WebSocket.',
      });
    const clientIp = req.socket.remoteAddress;
    const target = url.pathname.slice(0, 200);
    const denied = (
      who: { user: string; role?: 'admin' | 'operator' | 'auditor' },
      reason: string,
    ) =>
      deps.refusals.record(
        { ...who, action: 'pod.exec', target, ...(clientIp ? { clientIp } : {}) },
        reason,
      );
    const id = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
    const session = id ? await deps.sessions.get(id) : undefined;
    if (!session || !id) {
      await denied({ user: 'anonymous' }, id ? 'unknown or expired session' : 'not signed in');
      return refuse(socket, {
        type: 'about:blank',
        title: 'Not signed in',
        status: 401,
        detail: 'Sign in to continue.',
      });
    }
    if (!roles.includes(session.role)) {
      await deps.audit.record(
        {
          user: session.user,
          role: session.role,
          action: 'pod.exec',
          target,
          ...(clientIp ? { clientIp } : {}),
        },
        { outcome: 'denied', error: `role ${session.role} may not do this` },
      );
      return refuse(socket, {
        type: 'about:blank',
        title: 'Not allowed',
        status: 403,
        detail: `The ${session.role} role may not do this.`,
      });
    }
    if (!sameOrigin(req)) {
      await denied(
        { user: session.user, role: session.role },
        'missing or foreign Origin on the exec WebSocket',
      );
      return refuse(socket, {
        type: 'about:blank',
        title: 'Not allowed',
        status: 403,
        detail: 'The exec WebSocket must be opened from the console itself (Origin).',
      });
    }
    let ref: ClusterRef;
    let query: ExecQuery;
    try {
      const [, accountId, region, name, namespace, pod] = match.map((part) =>
        decodeURIComponent(part),
      );
      ref = parseInput(ClusterRef, { accountId, region, name });
      query = parseInput(ExecQuery, {
        container: url.searchParams.get('container') ?? undefined,
        command: url.searchParams.get('command') ?? undefined,
      });
      if (!NAME.test(namespace!) || !NAME.test(pod!))
        throw new InputError('namespace or pod: is not a Kubernetes name', [
          { field: 'pod', message: 'is not a Kubernetes name' },
        ]);
      const words = query.command.trim().split(/\s+/);
      sockets.handleUpgrade(req, socket, head, (browser) => {
        void deps.exec.attach(
          ref,
          { user: session.user, role: session.role, ...(clientIp ? { clientIp } : {}) },
          { namespace: namespace!, pod: pod!, container: query.container, command: words },
          browser,
          id,
          kubeIdentityOf(session),
        );
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      refuse(socket, {
        type: 'about:blank',
        title: 'Invalid request',
        status: 400,
        detail: error.message,
        errors: error.fields,
      });
    }
  };
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // A failure before the upgrade (the database, the audit log) must not leave the socket hanging.
    handle(req, socket, head).catch(() => socket.destroy());
  };
}
