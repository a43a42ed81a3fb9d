/**
 * `npm run sandbox -- connect <name> [--region R] [--account A] [--endpoint URL]`: plays the
 * EKS Connector agent of a registered cluster against a running sandbox: the one at --endpoint
 * (the console prints its embedded sandbox's), else `npm run sandbox`'s on WHEELHOUSE_SANDBOX_PORT
 * (default 4510).
 */

export interface ConnectArgs {
  name: string;
  region?: string;
  account?: string;
  /** Base URL of the sandbox, e.g. http://127.0.0.1:39113. */
  endpoint?: string;
}

export const CONNECT_USAGE =
  'usage: npm run sandbox -- connect <cluster-name> [--region <region>] [--account <account-id>] [--endpoint <http://127.0.0.1:port>]';

const OPTIONS = { '--region': 'region', '--account': 'account', '--endpoint': 'endpoint' } as const;

function endpointOf(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--endpoint must be a URL such as http://127.0.0.1:4510, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--endpoint must be an http(s) URL, got "${value}"`);
  }
  return url.origin;
}

export function parseConnectArgs(argv: string[]): ConnectArgs {
  const args: Partial<ConnectArgs> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg in OPTIONS) {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a value\n${CONNECT_USAGE}`);
      const key = OPTIONS[arg as keyof typeof OPTIONS];
      args[key] = key === 'endpoint' ? endpointOf(value) : value;
    } else if (!arg.startsWith('-') && args.name === undefined) args.name = arg;
    else throw new Error(`unexpected argument ${arg}\n${CONNECT_USAGE}`);
  }
  if (!args.name) throw new Error(CONNECT_USAGE);
  return args as ConnectArgs;
}

interface ClusterSummary {
  accountId: string;
  region: string;
  name: string;
  kind: string;
  status: string;
}

/** Connects the cluster; returns what to print, or throws with a message that says what went wrong. */
export async function runConnect(args: ConnectArgs, port: number): Promise<string> {
  const origin = args.endpoint ?? `http://127.0.0.1:${port}`;
  const base = `${origin}/_sandbox`;
  let clusters: ClusterSummary[];
  try {
    clusters = (await (await fetch(`${base}/clusters`)).json()) as ClusterSummary[];
  } catch {
    throw new Error(
      args.endpoint
        ? `No sandbox answers on ${origin}: is the console (npm start) that printed this endpoint still running?`
        : `No sandbox answers on ${origin}: start it with npm run sandbox (or set WHEELHOUSE_SANDBOX_PORT), or pass the console's sandbox with --endpoint.`,
    );
  }
  const registered = clusters.filter((cluster) => cluster.kind === 'connected');
  const matches = registered.filter(
    (cluster) =>
      cluster.name === args.name &&
      (args.region === undefined || cluster.region === args.region) &&
      (args.account === undefined || cluster.accountId === args.account),
  );
  if (matches.length === 0) {
    const known =
      registered.map((c) => `${c.name} (${c.accountId} ${c.region}, ${c.status})`).join(', ') ||
      'none';
    throw new Error(`No registered cluster ${args.name} here. Registered clusters: ${known}.`);
  }
  if (matches.length > 1) {
    throw new Error(
      `${args.name} is registered in several places (${matches.map((c) => `${c.accountId} ${c.region}`).join(', ')}): pass --account and --region.`,
    );
  }
  const target = matches[0]!;
  const response = await fetch(
    `${base}/clusters/${target.accountId}/${target.region}/${target.name}/connect`,
    { method: 'POST' },
  );
  const body = (await response.json()) as { message?: string; status?: string; endpoint?: string };
  if (!response.ok) throw new Error(body.message ?? `connect answered HTTP ${response.status}`);
  return `${target.name} (${target.accountId} ${target.region}) is ${body.status}: its Kubernetes API serves at ${body.endpoint}`;
}
