#!/usr/bin/env -S npx tsx
import { readSandboxEnv } from './env.ts';
import { parseConnectArgs, runConnect } from './kube/connectCommand.ts';
import { startSandbox, type Sandbox } from './sandbox.ts';

/**
 * `npm run sandbox`: the simulator alone, for `aws --endpoint-url`, kubectl
 * and curl. The first four lines are shell exports for the home account;
 * everything after them is a summary in shell comments, so the output can be
 * sourced as it is.
 */

function summary(sandbox: Sandbox): string[] {
  const lines: string[] = [];
  lines.push('# Wheelhouse sandbox: simulated AWS (EKS, STS, EC2, Auto Scaling) on one endpoint');
  lines.push(`# endpoint  ${sandbox.endpoint}   (speed x${sandbox.world.clock.speed})`);
  lines.push('# accounts (keys sign as the account; roles via sts assume-role):');
  for (const account of sandbox.accounts) {
    lines.push(`#   ${account.id}  ${account.name}`);
    lines.push(`#     access key ${account.accessKeyId}  secret ${account.secretAccessKey}`);
    lines.push(`#     roles ${account.consoleRoleArn}  ${account.readOnlyRoleArn}`);
  }
  lines.push(`# regions   ${sandbox.regions.join(', ')}`);
  lines.push('# clusters:');
  for (const state of sandbox.world.regionStates()) {
    if (state.clusters.size === 0) {
      lines.push(`#   ${state.accountId} ${state.region}: (none)`);
      continue;
    }
    const names = [...state.clusters.values()].map(
      (cluster) =>
        `${cluster.name} [${cluster.status}${cluster.kind === 'eks' ? ` ${cluster.version}` : ' connected'}]`,
    );
    lines.push(`#   ${state.accountId} ${state.region}: ${names.join(', ')}`);
  }
  lines.push('# admin API (unsigned, loopback only):');
  for (const route of sandbox.admin.list()) lines.push(`#   ${route}`);
  lines.push('# try: aws --endpoint-url "$AWS_ENDPOINT_URL" eks list-clusters');
  lines.push(
    `# connect a registered cluster (EKS Connector agent): npm run sandbox -- connect aks-partner --endpoint ${sandbox.endpoint}`,
  );
  lines.push('# Ctrl-C stops it.');
  return lines;
}

async function main(): Promise<void> {
  const env = readSandboxEnv();
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'connect') {
    // Plays a registered cluster's EKS Connector agent against a running sandbox.
    process.stdout.write(`${await runConnect(parseConnectArgs(rest), env.port ?? 4510)}\n`);
    return;
  }
  const sandbox = await startSandbox({ host: '127.0.0.1', port: env.port ?? 4510 });
  const home = sandbox.accounts[0]!;
  const output = [
    `export AWS_ENDPOINT_URL=${sandbox.endpoint}`,
    `export AWS_ACCESS_KEY_ID=${home.accessKeyId}`,
    `export AWS_SECRET_ACCESS_KEY=${home.secretAccessKey}`,
    `export AWS_DEFAULT_REGION=${sandbox.regions[0] ?? 'us-east-1'}`,
    ...summary(sandbox),
  ];
  process.stdout.write(`${output.join('\n')}\n`);
  // The tick interval is unref'd; this keeps the process alive until a signal.
  const keepAlive = setInterval(() => {}, 1 << 30);
  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`# ${signal}: stopping the sandbox\n`);
    clearInterval(keepAlive);
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const failed =
    process.argv[2] === 'connect' ? 'sandbox connect failed' : 'sandbox failed to start';
  process.stderr.write(`${failed}: ${(error as Error).message}\n`);
  process.exit(1);
});
