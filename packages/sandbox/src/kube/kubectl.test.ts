import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../index.ts';
import { AssociateAccessPolicyCommand } from '@aws-sdk/client-eks';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { accountKeys, eksClient, stsClient } from '../testing/awsClients.ts';
import { clusterAccess } from '../testing/kubeClients.ts';

/**
 * The real kubectl against a sandbox cluster, authenticated the EKS way: an
 * exec credential plugin running `aws eks get-token` with the home account's
 * keys, TLS verified against the cluster's CA from DescribeCluster.
 */

const KUBECTL = '/usr/bin/kubectl';
const missing = [
  ...(spawnSync(KUBECTL, ['version', '--client'], { encoding: 'utf8' }).error ? ['kubectl'] : []),
  ...(spawnSync('aws', ['--version'], { encoding: 'utf8' }).error ? ['the aws CLI'] : []),
];

/** Missing tools fail the test on CI; elsewhere WHEELHOUSE_ALLOW_MISSING_KUBECTL=1 excuses them, loudly. */
function excusedMissingTools(): boolean {
  if (missing.length === 0) return false;
  const banner = `\n*** ${missing.join(' and ')} NOT FOUND: kubectl is NOT being checked against the sandbox. ***\n`;
  if (process.env.CI === 'true')
    throw new Error(`${banner}CI=true: install kubectl 1.32 and the aws CLI.`);
  if (process.env.WHEELHOUSE_ALLOW_MISSING_KUBECTL === '1') {
    console.warn(
      `${banner}WHEELHOUSE_ALLOW_MISSING_KUBECTL=1 lets this local run pass without them.`,
    );
    return true;
  }
  throw new Error(
    `${banner}Install them, or set WHEELHOUSE_ALLOW_MISSING_KUBECTL=1 for a local run without them.`,
  );
}

let sandbox: Sandbox;
let home: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  home = mkdtempSync(join(tmpdir(), 'wheelhouse-kubectl-'));
  writeFileSync(join(home, 'aws-config'), '');
  writeFileSync(join(home, 'aws-credentials'), '');
  const keys = accountKeys(sandbox);
  // Writes need more than the console's view policy: make the home user cluster admin, as an operator would.
  await eksClient(sandbox, keys).send(
    new AssociateAccessPolicyCommand({
      clusterName: 'checkout-prod',
      principalArn: (await stsClient(sandbox, keys).send(new GetCallerIdentityCommand({}))).Arn,
      policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
      accessScope: { type: 'cluster' },
    }),
  );
  // checkout-prod, where the home user is now cluster admin, and search-prod, where it keeps the
  // seeded view policy (a viewer's context).
  const clusters = ['checkout-prod', 'search-prod'];
  const access = await Promise.all(clusters.map((name) => clusterAccess(sandbox, keys, name)));
  const userOf = (cluster: string) => ({
    name: `sandbox-home@${cluster}`,
    user: {
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1beta1',
        command: 'aws',
        // get-token presigns for sts.us-east-1.amazonaws.com whatever --endpoint-url says.
        args: [
          '--endpoint-url',
          sandbox.endpoint,
          'eks',
          'get-token',
          '--cluster-name',
          cluster,
          '--region',
          'us-east-1',
        ],
        env: [
          { name: 'AWS_ACCESS_KEY_ID', value: keys.accessKeyId },
          { name: 'AWS_SECRET_ACCESS_KEY', value: keys.secretAccessKey },
          { name: 'AWS_CONFIG_FILE', value: join(home, 'aws-config') },
          { name: 'AWS_SHARED_CREDENTIALS_FILE', value: join(home, 'aws-credentials') },
        ],
        interactiveMode: 'Never',
      },
    },
  });
  const kubeconfig = {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'checkout-prod',
    clusters: clusters.map((name, i) => ({
      name,
      cluster: {
        server: access[i]!.endpoint,
        'certificate-authority-data': Buffer.from(access[i]!.ca).toString('base64'),
      },
    })),
    users: clusters.map(userOf),
    contexts: clusters.map((name) => ({
      name,
      context: { cluster: name, user: `sandbox-home@${name}` },
    })),
  };
  writeFileSync(join(home, 'kubeconfig'), JSON.stringify(kubeconfig));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(home, { recursive: true, force: true });
});

/** Runs kubectl asynchronously: the sandbox answers it from this very process. */
function kubectl(
  args: string[],
  stdin?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      KUBECTL,
      ['--kubeconfig', join(home, 'kubeconfig'), ...args],
      { env: { PATH: process.env.PATH, HOME: home }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

/** A Deployment manifest as a user writes one. */
function deploymentYaml(name: string, replicas: number, image = 'nginx:1.27'): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    '  namespace: default',
    'spec:',
    `  replicas: ${replicas}`,
    '  selector:',
    `    matchLabels: {app: ${name}}`,
    '  template:',
    '    metadata:',
    `      labels: {app: ${name}}`,
    '    spec:',
    '      containers:',
    `      - name: ${name}`,
    `        image: ${image}`,
    '',
  ].join('\n');
}

/** The lines of a kubectl table whose first cells are `namespace` and `kind/name…`. */
function rowsOf(stdout: string): string[][] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s{2,}/));
}

describe('kubectl with an EKS exec credential', () => {
  it('gets nodes and pods of every namespace, wide, in proper columns', async () => {
    if (excusedMissingTools()) return;
    const result = await kubectl(['get', 'nodes,pods', '-A', '-o', 'wide']);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME$/,
    );
    const nodeNames = sandbox.world.ec2
      .instances('123456789012', 'us-east-1')
      .filter((i) => i.state === 'running' && i.tags['kubernetes.io/cluster/checkout-prod'])
      .map((i) => i.privateDnsName);
    for (const name of nodeNames)
      expect(result.stdout).toMatch(
        new RegExp(`^node/${name.replaceAll('.', '\\.')}\\s+(Ready|NotReady)\\s`, 'm'),
      );
    const header = lines.find((line) => line.startsWith('NAMESPACE'))!;
    expect(header).toMatch(
      /^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/,
    );
    const pods = rowsOf(result.stdout.slice(result.stdout.indexOf(header))).slice(1);
    const byName = (prefix: string) => pods.find((row) => row[1]!.startsWith(`pod/${prefix}`));
    expect(byName('checkout-api-')).toEqual([
      'payments',
      expect.stringMatching(/^pod\/checkout-api-\w+-\w{5}$/),
      '1/1',
      'Running',
      '0',
      expect.stringMatching(/^\d+[smhd]/),
      expect.stringMatching(/^10\.\d+\.\d+\.\d+$/),
      expect.stringMatching(/\.ec2\.internal$/),
      '<none>',
      '<none>',
    ]);
    expect(byName('notifier-')?.[3]).toBe('CrashLoopBackOff');
    expect(byName('fraud-scorer-')?.[3]).toBe('ImagePullBackOff');
    expect(byName('reporting-backfill-')?.[3]).toBe('Pending');
    expect(byName('aws-node-')?.[0]).toBe('kube-system');
  });

  it('tops nodes and pods of every namespace from metrics.k8s.io', async () => {
    if (excusedMissingTools()) return;
    const nodes = await kubectl(['top', 'nodes']);
    expect(nodes.code, nodes.stderr).toBe(0);
    const nodeRows = rowsOf(nodes.stdout);
    expect(nodeRows[0]).toEqual(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
    expect(nodeRows.length).toBeGreaterThan(1);
    for (const row of nodeRows.slice(1)) {
      expect(row[0]).toMatch(/\.ec2\.internal$|\.compute\.internal$/);
      expect(row[1]).toMatch(/^\d+m$/);
      expect(row[2]).toMatch(/^\d+%$/);
      expect(row[3]).toMatch(/^\d+Mi$/);
    }
    const pods = await kubectl(['top', 'pods', '-A']);
    expect(pods.code, pods.stderr).toBe(0);
    const podRows = rowsOf(pods.stdout);
    expect(podRows[0]).toEqual(['NAMESPACE', 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
    const api = podRows.find((row) => row[1]!.startsWith('checkout-api-'));
    expect(api?.[0]).toBe('payments');
    expect(api?.[2]).toMatch(/^[1-9]\d*m$/);
    expect(api?.[3]).toMatch(/^[1-9]\d*Mi$/);
  });

  it('gets deployments and HPAs with their columns', async () => {
    if (excusedMissingTools()) return;
    const result = await kubectl(['get', 'deploy,hpa', '-A']);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/);
    expect(result.stdout).toMatch(
      /^payments\s+deployment\.apps\/checkout-api\s+\d+\/\d+\s+\d+\s+\d+\s+\S+$/m,
    );
    expect(result.stdout).toMatch(
      /^kube-system\s+deployment\.apps\/coredns\s+2\/2\s+2\s+2\s+\S+$/m,
    );
    expect(result.stdout).toMatch(
      /^NAMESPACE\s+NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE$/m,
    );
    expect(result.stdout).toMatch(
      /^payments\s+horizontalpodautoscaler\.autoscaling\/checkout-api\s+Deployment\/checkout-api\s+cpu: \d+%\/70%\s+3\s+12\s+\d+\s+\S+$/m,
    );
  });

  it('gets VPAs by their short name, with the columns of their CRD', async () => {
    if (excusedMissingTools()) return;
    const result = await kubectl(['get', 'vpa', '-n', 'web']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^NAME\s+MODE\s+CPU\s+MEM\s+PROVIDED\s+AGE$/m);
    expect(result.stdout).toMatch(/^image-resizer\s+Auto\s+250m\s+\S+\s+True\s+\S+$/m);
  });

  it("gets Karpenter's NodePools, NodeClaims and EC2NodeClasses, with the columns of their CRDs", async () => {
    if (excusedMissingTools()) return;
    const on = (args: string[]) => kubectl(['--context', 'search-prod', ...args]);
    const pools = await on(['get', 'nodepools']);
    expect(pools.code, pools.stderr).toBe(0);
    expect(pools.stdout).toMatch(/^NAME\s+NODECLASS\s+NODES\s+READY\s+AGE$/m);
    expect(pools.stdout).toMatch(/^default\s+default\s+3\s+True\s+\S+$/m);
    expect(pools.stdout).toMatch(/^gpu\s+default\s+1\s+True\s+\S+$/m);
    const claims = await on(['get', 'nodeclaims']);
    expect(claims.code, claims.stderr).toBe(0);
    expect(claims.stdout).toMatch(/^NAME\s+TYPE\s+CAPACITY\s+ZONE\s+NODE\s+READY\s+AGE$/m);
    expect(claims.stdout).toMatch(
      /^gpu-[a-z0-9]{5}\s+g5\.2xlarge\s+on-demand\s+us-east-1[abc]\s+ip-[\d-]+\.ec2\.internal\s+True\s+\S+$/m,
    );
    expect(claims.stdout.trim().split('\n')).toHaveLength(5);
    const classes = await on(['get', 'ec2nc', '-o', 'wide']);
    expect(classes.code, classes.stderr).toBe(0);
    expect(classes.stdout).toMatch(/^NAME\s+READY\s+AGE\s+ROLE$/m);
    expect(classes.stdout).toMatch(/^default\s+True\s+\S+\s+KarpenterNodeRole-search-prod$/m);
    const nodes = await on(['get', 'nodes', '-l', 'karpenter.sh/nodepool=default', '-o', 'name']);
    expect(nodes.stdout.trim().split('\n')).toHaveLength(3);
    const elsewhere = await kubectl(['get', 'nodepools']);
    expect(elsewhere.code).not.toBe(0);
    expect(elsewhere.stderr).toContain('the server doesn\'t have a resource type "nodepools"');
  });

  it('applies a Deployment with validation on (the OpenAPI it downloads), twice', async () => {
    if (excusedMissingTools()) return;
    const created = await kubectl(['apply', '-f', '-'], deploymentYaml('validated', 1));
    expect(created.stderr).toBe('');
    expect(created.stdout.trim()).toBe('deployment.apps/validated created');
    const again = await kubectl(['apply', '-f', '-'], deploymentYaml('validated', 2));
    expect(again.stdout.trim()).toBe('deployment.apps/validated configured');
    const replicas = await kubectl([
      'get',
      'deploy',
      'validated',
      '-n',
      'default',
      '-o',
      'jsonpath={.spec.replicas}',
    ]);
    expect(replicas.stdout).toBe('2');
  });

  it('explains pods.spec field by field', async () => {
    if (excusedMissingTools()) return;
    const result = await kubectl(['explain', 'pods.spec']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^KIND:\s+Pod\nVERSION:\s+v1\n\nFIELD: spec <PodSpec>/);
    expect(result.stdout).toMatch(/^ {2}containers\t<\[\]Container> -required-$/m);
    expect(result.stdout).toMatch(/^ {2}nodeSelector\t<map\[string\]string>$/m);
    expect(result.stdout).toMatch(/^ {2}terminationGracePeriodSeconds\t<integer>$/m);
    const container = await kubectl(['explain', 'deployment.spec.template.spec.containers.image']);
    expect(container.stdout).toMatch(/FIELD: image <string>/);
  });

  it('applies server-side: creates, records the manager, and answers a conflict as kube-apiserver does', async () => {
    if (excusedMissingTools()) return;
    const created = await kubectl(['apply', '--server-side', '-f', '-'], deploymentYaml('ssa', 1));
    expect(created.stderr).toBe('');
    expect(created.stdout.trim()).toBe('deployment.apps/ssa serverside-applied');
    const managers = await kubectl([
      'get',
      'deploy',
      'ssa',
      '-n',
      'default',
      '--show-managed-fields',
      '-o',
      'jsonpath={range .metadata.managedFields[*]}{.manager}/{.operation} {end}',
    ]);
    expect(managers.stdout.trim()).toBe('kubectl/Apply');

    // kubectl scale takes spec.replicas; applying another count conflicts with it.
    expect((await kubectl(['scale', 'deploy', 'ssa', '-n', 'default', '--replicas=4'])).code).toBe(
      0,
    );
    const conflict = await kubectl(['apply', '--server-side', '-f', '-'], deploymentYaml('ssa', 2));
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain(
      'error: Apply failed with 1 conflict: conflict with "kubectl" using apps/v1: .spec.replicas',
    );
    const kept = await kubectl([
      'get',
      'deploy',
      'ssa',
      '-n',
      'default',
      '-o',
      'jsonpath={.spec.replicas}',
    ]);
    expect(kept.stdout).toBe('4');

    const forced = await kubectl(
      ['apply', '--server-side', '--force-conflicts', '-f', '-'],
      deploymentYaml('ssa', 2, 'nginx:1.28'),
    );
    expect(forced.stdout.trim()).toBe('deployment.apps/ssa serverside-applied');
    const after = await kubectl([
      'get',
      'deploy',
      'ssa',
      '-n',
      'default',
      '-o',
      'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}',
    ]);
    expect(after.stdout).toBe('2 nginx:1.28');
  });

  it('describes a node with its Lease and fresh heartbeats, no lease error', async () => {
    if (excusedMissingTools()) return;
    const [name] = (await kubectl(['get', 'nodes', '-o', 'name'])).stdout.trim().split('\n');
    const result = await kubectl(['describe', name!]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('Failed to get lease');
    expect(result.stdout).toMatch(
      new RegExp(
        `^Lease:\\n {2}HolderIdentity: +${name!.slice('node/'.length).replaceAll('.', '\\.')}\\n`,
        'm',
      ),
    );
    const ready = /^ {2}Ready +True +(\w{3}, \d{2} \w{3} \d{4} [\d:]{8} [+-]\d{4})/m.exec(
      result.stdout,
    );
    expect(ready, result.stdout).not.toBeNull();
    expect(Date.now() - Date.parse(ready![1]!)).toBeLessThan(75_000);
  });

  it('tells who is calling (kubectl auth whoami), as the access entry mapped the caller', async () => {
    if (excusedMissingTools()) return;
    const result = await kubectl(['auth', 'whoami', '-o', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const review = JSON.parse(result.stdout);
    expect(review.kind).toBe('SelfSubjectReview');
    expect(review.status.userInfo.username).toBe(
      'arn:aws:iam::123456789012:user/wheelhouse-sandbox',
    );
    expect(review.status.userInfo.groups).toContain('system:authenticated');
  });

  it('gets PDBs, ingresses, PVCs and service accounts with their columns', async () => {
    if (excusedMissingTools()) return;
    const result = await kubectl(['get', 'pdb,ingress,pvc,sa', '-A']);
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(
      /^NAMESPACE\s+NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE$/m,
    );
    // CoreDNS runs two ready replicas; its budget allows one of them to go.
    expect(out).toMatch(
      /^kube-system\s+poddisruptionbudget\.policy\/coredns\s+N\/A\s+1\s+1\s+\S+$/m,
    );
    expect(out).toMatch(/^NAMESPACE\s+NAME\s+CLASS\s+HOSTS\s+ADDRESS\s+PORTS\s+AGE$/m);
    expect(out).toMatch(
      /^\S+\s+ingress\.networking\.k8s\.io\/\S+\s+alb\s+\S+\.checkout-prod\.example\.com\s+k8s-\S+\.us-east-1\.elb\.amazonaws\.com\s+80, 443\s+\S+$/m,
    );
    expect(out).toMatch(
      /^NAMESPACE\s+NAME\s+STATUS\s+VOLUME\s+CAPACITY\s+ACCESS MODES\s+STORAGECLASS\s+VOLUMEATTRIBUTESCLASS\s+AGE$/m,
    );
    expect(out).toMatch(
      /^payments\s+persistentvolumeclaim\/data-ledger-cache-0\s+Bound\s+pvc-[0-9a-f-]{36}\s+20Gi\s+RWO\s+gp2\s+<unset>\s+\S+$/m,
    );
    expect(out).toMatch(/^NAMESPACE\s+NAME\s+SECRETS\s+AGE$/m);
    expect(out).toMatch(/^payments\s+serviceaccount\/default\s+0\s+\S+$/m);
  });

  it('is refused secrets as a viewer, and gets endpoints, storage and priority classes and CRDs', async () => {
    if (excusedMissingTools()) return;
    const [secrets, endpoints, cluster, pod] = await Promise.all([
      kubectl(['--context', 'search-prod', 'get', 'secrets', '-n', 'payments']),
      kubectl(['get', 'endpoints,endpointslices', '-n', 'payments']),
      kubectl(['get', 'storageclass,priorityclass,crd']),
      kubectl(['get', 'pods', '-n', 'payments', '-l', 'app=ledger-cache', '-o', 'json']),
    ]);
    // On search-prod the caller holds AmazonEKSViewPolicy: Kubernetes' view role leaves secrets out.
    expect(secrets.code).not.toBe(0);
    expect(secrets.stderr).toContain(
      'Error from server (Forbidden): secrets is forbidden: User "arn:aws:iam::123456789012:user/wheelhouse-sandbox" cannot list resource "secrets" in API group "" in the namespace "payments"',
    );

    expect(endpoints.code, endpoints.stderr).toBe(0);
    const ledgerPods = JSON.parse(pod.stdout).items as Array<{
      status: { podIP: string };
      spec: {
        volumes: Array<{ name: string }>;
        containers: Array<{ volumeMounts: Array<{ mountPath: string }> }>;
      };
    }>;
    expect(ledgerPods).toHaveLength(3);
    const ips = ledgerPods.map((p) => p.status.podIP).sort();
    const line = endpoints.stdout.split('\n').find((l) => l.startsWith('endpoints/ledger-cache '))!;
    for (const ip of ips) expect(line).toContain(`${ip}:6379`);
    expect(endpoints.stdout).toMatch(/^NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE$/m);
    expect(endpoints.stdout).toMatch(
      /^endpointslice\.discovery\.k8s\.io\/ledger-cache-\w{5}\s+IPv4\s+6379\s+\S+\s+\S+$/m,
    );
    // Every pod gets the service account token volume the API server adds.
    for (const ledger of ledgerPods) {
      expect(ledger.spec.volumes.map((v) => v.name)).toContainEqual(
        expect.stringMatching(/^kube-api-access-[a-z0-9]{5}$/),
      );
      expect(ledger.spec.containers[0]!.volumeMounts.map((m) => m.mountPath)).toContain(
        '/var/run/secrets/kubernetes.io/serviceaccount',
      );
    }

    expect(cluster.code, cluster.stderr).toBe(0);
    expect(cluster.stdout).toMatch(
      /^storageclass\.storage\.k8s\.io\/gp2 \(default\)\s+kubernetes\.io\/aws-ebs\s+Delete\s+WaitForFirstConsumer\s+false\s+\S+$/m,
    );
    expect(cluster.stdout).toMatch(
      /^priorityclass\.scheduling\.k8s\.io\/system-node-critical\s+2000001000\s+false\s+\S+\s+PreemptLowerPriority$/m,
    );
    for (const crd of [
      'eniconfigs.crd.k8s.amazonaws.com',
      'policyendpoints.networking.k8s.aws',
      'cninodes.vpcresources.k8s.aws',
      'securitygrouppolicies.vpcresources.k8s.aws',
    ])
      expect(cluster.stdout).toMatch(
        new RegExp(
          `^customresourcedefinition\\.apiextensions\\.k8s\\.io/${crd.replaceAll('.', '\\.')}\\s+\\d{4}-\\d\\d-\\d\\dT`,
          'm',
        ),
      );
  });

  it('answers `kubectl auth can-i` as an impersonated user and groups, with the console token', async () => {
    if (excusedMissingTools()) return;
    const canI = (...args: string[]) =>
      kubectl(['--context', 'search-prod', 'auth', 'can-i', ...args]);
    const operator = await canI(
      'list',
      'pods',
      '--as',
      'alice',
      '--as-group',
      'platform-operators',
    );
    expect(operator.stdout.trim(), operator.stderr).toBe('yes');
    expect(operator.code).toBe(0);
    const auditor = await canI(
      'list',
      'secrets',
      '-n',
      'search',
      '--as',
      'bob',
      '--as-group',
      'security-auditors',
    );
    expect(auditor.stdout.trim(), auditor.stderr).toBe('no');
    expect(auditor.code).toBe(1);
    const stranger = await canI('list', 'pods', '--as', 'mallory', '--as-group', 'contractors');
    expect(stranger.stdout.trim(), stranger.stderr).toBe('no');
  });
});

describe('kubectl workload actions and exec', () => {
  it('runs a command in a pod (kubectl exec POD -- echo hi) over the exec WebSocket', async () => {
    const pods = await kubectl(['get', 'pods', '-n', 'payments', '-o', 'name']);
    const pod = pods.stdout.trim().split('\n')[0]!.replace('pod/', '');
    const result = await kubectl(['exec', '-n', 'payments', pod, '--', 'echo', 'hi']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('hi\n');
    const failed = await kubectl(['exec', '-n', 'payments', pod, '--', 'cat', '/nope']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("cat: can't open '/nope': No such file or directory");
  });

  it('restarts a deployment (kubectl rollout restart): the template annotation rolls new pods', async () => {
    await kubectl(['apply', '-f', '-'], deploymentYaml('restart-me', 2));
    await kubectl(['rollout', 'status', 'deploy/restart-me', '--timeout=60s']);
    const before = (await kubectl(['get', 'pods', '-l', 'app=restart-me', '-o', 'name'])).stdout;
    const restart = await kubectl(['rollout', 'restart', 'deploy/restart-me']);
    expect(restart.stdout).toContain('deployment.apps/restart-me restarted');
    const annotation = await kubectl([
      'get',
      'deploy/restart-me',
      '-o',
      'jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}',
    ]);
    expect(annotation.stdout).toMatch(/^\d{4}-\d\d-\d\dT/);
    const status = await kubectl(['rollout', 'status', 'deploy/restart-me', '--timeout=60s']);
    expect(status.stdout).toContain('successfully rolled out');
    // Old pods may still be terminating (their grace period); the live ones are all new.
    const after = await kubectl([
      'get',
      'pods',
      '-l',
      'app=restart-me',
      '-o',
      'jsonpath={range .items[*]}pod/{.metadata.name} {.metadata.deletionTimestamp}{"\\n"}{end}',
    ]);
    const live = after.stdout
      .trim()
      .split('\n')
      .map((line) => line.split(' '))
      .filter(([, deleting]) => !deleting)
      .map(([name]) => name);
    const oldNames = new Set(before.trim().split('\n'));
    expect(live).toHaveLength(2);
    expect(live.filter((name) => oldNames.has(name!))).toEqual([]);
  });

  it('drains a node (kubectl drain NODE --ignore-daemonsets): cordoned, its pods evicted', async () => {
    const nodes = (await kubectl(['get', 'nodes', '-o', 'name'])).stdout.trim().split('\n');
    const node = nodes.at(-1)!.replace('node/', '');
    const drain = await kubectl([
      'drain',
      node,
      '--ignore-daemonsets',
      '--delete-emptydir-data',
      '--force',
      '--timeout=90s',
    ]);
    expect(drain.stderr).not.toContain('error');
    expect(drain.stdout).toContain(`node/${node} drained`);
    const cordoned = await kubectl(['get', 'node', node, '-o', 'jsonpath={.spec.unschedulable}']);
    expect(cordoned.stdout).toBe('true');
    const left = await kubectl([
      'get',
      'pods',
      '-A',
      '--field-selector',
      `spec.nodeName=${node}`,
      '-o',
      'jsonpath={range .items[*]}{.metadata.ownerReferences[0].kind}{"\\n"}{end}',
    ]);
    expect(
      left.stdout
        .trim()
        .split('\n')
        .filter((kind) => kind && kind !== 'DaemonSet'),
    ).toEqual([]);
    expect((await kubectl(['uncordon', node])).stdout).toContain(`node/${node} uncordoned`);
  });

  it('drains through evictions: a PodDisruptionBudget that blocks makes kubectl drain report it and wait', async () => {
    await kubectl(['apply', '-f', '-'], deploymentYaml('guarded', 1));
    await kubectl(['rollout', 'status', 'deploy/guarded', '--timeout=60s']);
    const pdb = await kubectl(
      ['apply', '-f', '-'],
      [
        'apiVersion: policy/v1',
        'kind: PodDisruptionBudget',
        'metadata: {name: guarded, namespace: default}',
        'spec:',
        '  minAvailable: 1',
        '  selector: {matchLabels: {app: guarded}}',
        '',
      ].join('\n'),
    );
    expect(pdb.stderr).toBe('');
    const node = (
      await kubectl([
        'get',
        'pods',
        '-l',
        'app=guarded',
        '-o',
        'jsonpath={.items[0].spec.nodeName}',
      ])
    ).stdout;
    const drain = await kubectl([
      'drain',
      node,
      '--ignore-daemonsets',
      '--delete-emptydir-data',
      '--force',
      '--pod-selector=app=guarded',
      '--timeout=8s',
    ]);
    expect(drain.code).not.toBe(0);
    expect(drain.stderr).toContain(
      "Cannot evict pod as it would violate the pod's disruption budget.",
    );
    const still = await kubectl(['get', 'pods', '-l', 'app=guarded', '-o', 'name']);
    expect(still.stdout.trim().split('\n')).toHaveLength(1);
    await kubectl(['uncordon', node]);
  });
});
