/**
 * `npm run sandbox -- connect <name> [--region R] [--account A]`: plays the
 * EKS Connector agent of a registered cluster against a running sandbox
 * (its admin API on WHEELHOUSE_SANDBOX_PORT, default 4510).
 */

export interface ConnectArgs {
  name: string;
  region?: string;
  account?: string;
}

export const CONNECT_USAGE =
  'usage: npm run sandbox -- connect <cluster-name> [--region <region>] [--account <account-id>]';

export function parseConnectArgs(argv: string[]): ConnectArgs {
  const args: Partial<ConnectArgs> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--region' || arg === '--account') {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a value\n${CONNECT_USAGE}`);
      args[arg === '--region' ? 'region' : 'account'] = value;
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
  const base = `http://127.0.0.1:${port}/_sandbox`;
  let clusters: ClusterSummary[];
  try {
    clusters = (await (await fetch(`${base}/clusters`)).json()) as ClusterSummary[];
  } catch {
    throw new Error(
      `No sandbox answers on http://127.0.0.1:${port}: start it with npm run sandbox (or set WHEELHOUSE_SANDBOX_PORT).`,
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
