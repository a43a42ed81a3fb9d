import type { RequestHandler, Response } from 'express';
import { DomainError } from '../errors.ts';

/** A request whose `Host` names somebody else: RFC 9110's 421 tells the client it reached the wrong server. */
export class MisdirectedRequestError extends DomainError {
  constructor(message: string) {
    super(421, 'Misdirected request', message);
  }
}

export interface HostPolicyOptions {
  /** WHEELHOUSE_HOST: the address the console listens on. */
  listenHost: string;
  /** WHEELHOUSE_PUBLIC_URL: where browsers reach the console; default the listen address. */
  publicUrl?: string;
  /** WHEELHOUSE_ALLOWED_HOSTS: more names, `host` (any port) or `host:port`. */
  allowedHosts?: string[];
}

interface HostName {
  hostname: string;
  port?: number;
}

// Only a bare name or address with an optional port: no user info, path or backslash, which URL
// parsers would otherwise read around (`evil.example@127.0.0.1`).
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?$/;

function parseHost(value: string): HostName | undefined {
  const match = HOST_HEADER.exec(value.trim().toLowerCase());
  if (!match) return undefined;
  const hostname = match[1]!.replace(/\.$/, '');
  return match[2] === undefined ? { hostname } : { hostname, port: Number(match[2]) };
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD = ['0.0.0.0', '[::]', '::'];
const bracketed = (host: string) =>
  host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;

/** Which `Host` values the console answers to, and the origin it builds links from. */
export function createHostPolicy(options: HostPolicyOptions) {
  const listenHost = bracketed(options.listenHost.toLowerCase());
  // Listening on loopback or on every interface, the console is reached locally by any loopback name.
  const listenNames = new Set(
    LOOPBACK.includes(listenHost) || WILDCARD.includes(listenHost)
      ? [...LOOPBACK, listenHost]
      : [listenHost],
  );
  const publicUrl = options.publicUrl ? new URL(options.publicUrl) : undefined;
  const publicPort = publicUrl
    ? Number(publicUrl.port || (publicUrl.protocol === 'https:' ? 443 : 80))
    : undefined;
  const extra = (options.allowedHosts ?? []).flatMap((entry) => {
    const parsed = parseHost(entry);
    if (!parsed) throw new Error(`WHEELHOUSE_ALLOWED_HOSTS: "${entry}" is not a host or host:port`);
    return [parsed];
  });

  return {
    /** The origin links are built from; `localPort` is the port the request came in on. */
    publicOrigin(localPort: number): string {
      return publicUrl ? publicUrl.origin : `http://${listenHost}:${localPort}`;
    },
    allows(hostHeader: string | undefined, localPort: number): boolean {
      const host = hostHeader === undefined ? undefined : parseHost(hostHeader);
      if (!host) return false;
      if (publicUrl && host.hostname === publicUrl.hostname.toLowerCase()) {
        // Without a port the client used its scheme's default: behind a TLS proxy that is the public one.
        if (host.port === undefined || host.port === publicPort) return true;
      }
      if (listenNames.has(host.hostname) && (host.port ?? 80) === localPort) return true;
      return extra.some(
        (entry) =>
          entry.hostname === host.hostname &&
          (entry.port === undefined || entry.port === host.port),
      );
    },
  };
}
export type HostPolicy = ReturnType<typeof createHostPolicy>;

/** The origin the console builds links from (WHEELHOUSE_PUBLIC_URL), set by `hostGuard`. */
export function publicOriginOf(res: Response): string {
  const origin = res.locals.publicOrigin as string | undefined;
  if (!origin) throw new Error('publicOriginOf: the host guard did not run for this request');
  return origin;
}

/** Paths of the platform (probes, scrapes), which address the console by a bare pod IP. */
export const PROBE_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Refuses requests whose `Host` is not one of the console's names (DNS rebinding, poisoned links),
 * and records the public origin for the handlers. The probe paths stay open to load balancers,
 * kubelets and Prometheus; they hold no session and change nothing.
 */
export function hostGuard(policy: HostPolicy): RequestHandler {
  return (req, res, next) => {
    const localPort = req.socket.localPort ?? 0;
    res.locals.publicOrigin = policy.publicOrigin(localPort);
    if (PROBE_PATHS.has(req.path) || policy.allows(req.headers.host, localPort)) return next();
    const shown = JSON.stringify((req.headers.host ?? '').slice(0, 100));
    next(
      new MisdirectedRequestError(
        `This console does not answer to the host ${shown}. Open it at ${res.locals.publicOrigin as string}, ` +
          'or add the name to WHEELHOUSE_PUBLIC_URL or WHEELHOUSE_ALLOWED_HOSTS.',
      ),
    );
  };
}
