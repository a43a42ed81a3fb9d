// Many pods in one cluster (`npm run bench -- pods --pods 30000`; 10,000 by default): the BFF's paged
// list against the raw Kubernetes list it wraps, the time a browser takes to show the first row of the
// Pods view and the whole list, and the BFF's peak RSS. The sandbox runs in its own process, so the
// BFF's memory and CPU are its own and not the simulator's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { chromium } from '@playwright/test';
import type { PodList } from '@wheelhouse/contract';
import type { SandboxAccount } from '@wheelhouse/sandbox';
import { ConsoleClient } from '../apps/bff/src/testing/consoleClient.ts';
import { eksToken } from '../apps/bff/src/upstream/eksToken.ts';
import {
  addUser,
  BENCH_PASSWORD,
  median,
  peakRssMiB,
  rssMiB,
  startBff,
  startTs,
  stop,
  waitForLine,
} from './support/processes.ts';
import { podsOption } from './support/options.ts';

const PAGE = 500;
const RUNS = 5;
const CLUSTER = { accountId: '123456789012', region: 'eu-west-1', name: 'checkout-eu' };
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

async function rawPagedList(
  endpoint: string,
  ca: string,
  token: () => Promise<string>,
): Promise<number> {
  let next: string | undefined;
  let count = 0;
  do {
    const url = new URL('/api/v1/pods', endpoint);
    url.searchParams.set('limit', String(PAGE));
    if (next) url.searchParams.set('continue', next);
    const body = await new Promise<string>((resolve, reject) => {
      void token().then((bearer) => {
        const req = httpsRequest(
          url,
          { ca, headers: { authorization: `Bearer ${bearer}` } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          },
        );
        req.on('error', reject);
        req.end();
      }, reject);
    });
    const page = JSON.parse(body) as { items: unknown[]; metadata: { continue?: string } };
    count += page.items.length;
    next = page.metadata.continue || undefined;
  } while (next);
  return count;
}

async function bffPagedList(client: ConsoleClient, path: string): Promise<number> {
  let next: string | undefined;
  let count = 0;
  do {
    const page = await client.json<PodList>(
      `${path}?limit=${PAGE}${next ? `&continue=${encodeURIComponent(next)}` : ''}`,
    );
    count += page.items.length;
    next = page.continue;
  } while (next);
  return count;
}

export async function podsBenchmark(): Promise<void> {
  const pods = podsOption(10_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-bench-pods-'));
  const sandboxProcess = startTs('bench/support/sandboxProcess.ts', ['{}'], {});
  const started: ReturnType<typeof startBff>[] = [];
  const browser = await chromium.launch({
    executablePath: process.env.WHEELHOUSE_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const ready = await waitForLine(sandboxProcess, /^\{.*"endpoint".*\}$/);
    const { endpoint: sandbox, accounts } = JSON.parse(ready[0]) as {
      endpoint: string;
      accounts: SandboxAccount[];
    };
    const home = accounts.find((a) => a.id === CLUSTER.accountId)!;
    writeFileSync(
      join(dataDir, 'config.json'),
      JSON.stringify({ regions: [CLUSTER.region], accounts: [{ name: home.name, id: home.id }] }),
    );
    addUser(dataDir, 'auditor', 'auditor', BENCH_PASSWORD);
    const password = BENCH_PASSWORD;
    const bff = startBff({
      WHEELHOUSE_BACKEND: 'aws',
      WHEELHOUSE_CONFIG: join(dataDir, 'config.json'),
      WHEELHOUSE_PORT: '0',
      WHEELHOUSE_DATA_DIR: dataDir,
      WHEELHOUSE_LOG_LEVEL: 'warn',
      WHEELHOUSE_EXIT_ON_STDIN_END: '1',
      AWS_ENDPOINT_URL: sandbox,
      AWS_ACCESS_KEY_ID: home.accessKeyId,
      AWS_SECRET_ACCESS_KEY: home.secretAccessKey,
      AWS_REGION: CLUSTER.region,
    });
    started.push(bff);
    const url = (await waitForLine(bff, /Wheelhouse is running at (\S+)/))[1]!;
    const base = `/clusters/${CLUSTER.accountId}/${CLUSTER.region}/${CLUSTER.name}`;
    const seeded = await fetch(`${sandbox}/_sandbox${base}/seed-pods`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: pods }),
    });
    if (!seeded.ok) throw new Error(`seed-pods: ${seeded.status} ${await seeded.text()}`);
    const idleRss = rssMiB(bff.pid!);

    // The raw Kubernetes list, read the way the BFF reads it: the console's IAM token, the cluster's CA.
    const eks = new EKSClient({ region: CLUSTER.region, endpoint: sandbox, credentials: home });
    const { cluster } = await eks.send(new DescribeClusterCommand({ name: CLUSTER.name }));
    eks.destroy();
    const ca = Buffer.from(cluster!.certificateAuthority!.data!, 'base64').toString();
    const token = () =>
      eksToken({
        clusterName: CLUSTER.name,
        region: CLUSTER.region,
        credentials: async () => home,
        stsEndpoint: new URL(sandbox),
      }).then((t) => t.token);

    const client = new ConsoleClient(url);
    await client.signIn('auditor', password);
    const bffPath = `/api${base}/k8s/pods`;
    const total = await bffPagedList(client, bffPath); // warms the BFF's connection, token and node cache
    const rawTimes: number[] = [];
    const bffTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      let t = performance.now();
      const raw = await rawPagedList(cluster!.endpoint!, ca, token);
      rawTimes.push(performance.now() - t);
      t = performance.now();
      const viaBff = await bffPagedList(client, bffPath);
      bffTimes.push(performance.now() - t);
      if (raw !== viaBff) throw new Error(`raw list has ${raw} pods, the BFF's ${viaBff}`);
    }

    // The browser: from navigation to the first pod row, and to the whole list loaded.
    const context = await browser.newContext({
      baseURL: url,
      viewport: { width: 1440, height: 900 },
    });
    // The page itself notes when the first pod row enters the DOM, on the page's own clock (from
    // navigation start): Playwright's polling would add its own delay to a sub-second figure.
    // (A string: the benchmarks compile without the DOM's types.)
    await context.addInitScript({
      content: `
        const observer = new MutationObserver(() => {
          if (document.querySelector('table[aria-label="Pods"] tbody tr:not([aria-hidden]) td')) {
            window.firstPodRowAt = performance.now();
            observer.disconnect();
          }
        });
        observer.observe(document, { childList: true, subtree: true });`,
    });
    const page = await context.newPage();
    await page.request.post('/api/session', { data: { username: 'auditor', password } });
    const firstRow: number[] = [];
    const allRows: number[] = [];
    let domRows = 0;
    for (let run = 0; run < 3; run++) {
      await page.goto(`${base}?tab=resources&view=pods`);
      const table = page.getByRole('table', { name: 'Pods' });
      await table.getByRole('row').nth(1).waitFor();
      firstRow.push(await page.evaluate<number>('window.firstPodRowAt ?? Number.NaN'));
      await page
        .getByText(new RegExp(`^${total.toLocaleString('en-US')} pods$`))
        .waitFor({ timeout: 300_000 });
      allRows.push(await page.evaluate<number>('performance.now()'));
      domRows = await table.getByRole('row').count();
    }
    await context.close();

    console.log(
      `pods: ${total} pods in ${CLUSTER.name}, pages of ${PAGE}; the BFF (bundle, aws mode) and the sandbox in separate processes`,
    );
    console.log(
      `  raw Kubernetes list (all pages): median ${median(rawTimes).toFixed(0)} ms; through the BFF: median ${median(bffTimes).toFixed(0)} ms; ` +
        `BFF / raw = ${(median(bffTimes) / median(rawTimes)).toFixed(2)} (${RUNS} runs)`,
    );
    console.log(
      `  Chromium, Pods view (from navigation start): first row after ${median(firstRow).toFixed(0)} ms, all ${total} loaded after ${median(allRows).toFixed(0)} ms ` +
        `(median of ${firstRow.length}); ${domRows} rows in the DOM (virtualised)`,
    );
    console.log(
      `  BFF alone: RSS ${idleRss.toFixed(0)} MiB before the first list, peak ${peakRssMiB(bff.pid!).toFixed(0)} MiB; ` +
        `sandbox peak ${peakRssMiB(sandboxProcess.pid!).toFixed(0)} MiB`,
    );
  } finally {
    await browser.close();
    await Promise.all(started.map(stop));
    await stop(sandboxProcess);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
