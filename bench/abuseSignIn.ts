// Sign-in storm: 100 concurrent sign-ins with unknown user names, each from its own loopback address
// (a distributed attacker, so the per-address throttle does not stop them first). Meanwhile a user
// loads the page and its script and reads the cluster list and a pods list; one user signs in from
// the browser they used before, another from a new one (following Retry-After, as the sign-in page
// tells them to). Prints each latency and the BFF's peak RSS.
import { request } from 'node:http';
import { ConsoleClient } from '../apps/bff/src/testing/consoleClient.ts';
import {
  median,
  peakRssMiB,
  rssMiB,
  startSandboxBff,
  stop,
  waitForLines,
} from './support/processes.ts';

const ATTEMPTS = 100;
const STORMS = 3;
const PODS = '/api/clusters/123456789012/eu-west-1/checkout-eu/k8s/pods?limit=100';

interface Answer {
  status: number;
  retryAfter: number;
  ms: number;
}

/** One request from a chosen loopback address (all of 127/8 is loopback on Linux). */
function send(url: string, from: string, body?: unknown): Promise<Answer> {
  const started = performance.now();
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: payload ? 'POST' : 'GET',
        localAddress: from,
        headers: payload ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: Number(res.headers['retry-after'] ?? 0),
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const fmt = (values: number[]) =>
  `median ${median(values).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;

export async function abuseSignInBenchmark(): Promise<void> {
  const { bff, password, cleanUp } = startSandboxBff('abuse');
  try {
    const [running] = await waitForLines(bff, [/Wheelhouse is running at (\S+)/]);
    const url = running![1]!;
    const html = await (await fetch(url)).text();
    const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
    if (!script) throw new Error('index.html names no script');
    const reader = new ConsoleClient(url);
    // A user back in the browser they signed in from before (it holds their wh_device cookie).
    const returning = new ConsoleClient(url);
    await reader.signIn('operator', password);
    await reader.json(PODS); // warms the Kubernetes connection and token
    const idle = {
      hashing: Number(process.env.WHEELHOUSE_LOGIN_CONCURRENCY ?? 2),
      page: (await timed(() => fetch(url).then((r) => r.text()))).ms,
      signIn: (await timed(() => returning.signIn('auditor', password))).ms,
      clusters: (await timed(() => reader.json('/api/clusters'))).ms,
      pods: (await timed(() => reader.json(PODS))).ms,
      rss: rssMiB(bff.pid!),
    };

    const during = {
      page: [] as number[],
      script: [] as number[],
      returning: [] as number[],
      signIn: [] as number[],
      refusedFirst: [] as number[],
      clusters: [] as number[],
      pods: [] as number[],
    };
    const storm = {
      unauthorised: 0,
      refused: 0,
      refusedMs: [] as number[],
      lastMs: [] as number[],
    };
    const errors: string[] = [];
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(bff.pid!))), 10);
    for (let round = 0; round < STORMS; round++) {
      const attempts = Array.from({ length: ATTEMPTS }, (_, i) =>
        send(`${url}/api/session`, `127.${10 + round}.${Math.floor(i / 200)}.${1 + (i % 200)}`, {
          username: `nosuchuser-${round}-${i}`,
          password: 'wrong',
        }).catch((error: unknown): Answer => {
          errors.push(String(error));
          return { status: 0, retryAfter: 0, ms: 0 };
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      const probes = await Promise.all([
        timed(() => fetch(url).then((r) => r.text())),
        timed(() => fetch(new URL(script, url)).then((r) => r.arrayBuffer())),
        timed(() => reader.json('/api/clusters')),
        timed(() => reader.json(PODS)),
        timed(() => returning.signIn('auditor', password)),
        timed(async () => {
          const user = new ConsoleClient(url);
          let refusals = 0;
          for (;;) {
            const answer = await user.request('POST', '/api/session', {
              username: 'admin',
              password,
            });
            if (answer.status === 200) return refusals;
            if (answer.status !== 429) throw new Error(`real sign-in: ${answer.status}`);
            refusals++;
            const wait = Number(answer.headers.get('retry-after') ?? 1);
            await new Promise((resolve) => setTimeout(resolve, wait * 1000));
          }
        }),
      ]);
      during.page.push(probes[0].ms);
      during.script.push(probes[1].ms);
      during.clusters.push(probes[2].ms);
      during.pods.push(probes[3].ms);
      during.returning.push(probes[4].ms);
      during.signIn.push(probes[5].ms);
      during.refusedFirst.push(probes[5].value);
      const answers = await Promise.all(attempts);
      storm.unauthorised += answers.filter((a) => a.status === 401).length;
      storm.refused += answers.filter((a) => a.status === 429).length;
      storm.refusedMs.push(...answers.filter((a) => a.status === 429).map((a) => a.ms));
      storm.lastMs.push(Math.max(...answers.map((a) => a.ms)));
    }
    clearInterval(sampler);

    console.log(
      `abuse, sign-in storm: ${STORMS} storms of ${ATTEMPTS} concurrent sign-ins with unknown user names, each from its own address; ${idle.hashing} hashes in flight`,
    );
    console.log(
      `  idle: GET / ${idle.page.toFixed(0)} ms, real sign-in ${idle.signIn.toFixed(0)} ms, /api/clusters ${idle.clusters.toFixed(0)} ms, pods list ${idle.pods.toFixed(0)} ms; RSS ${idle.rss.toFixed(0)} MiB`,
    );
    console.log(
      `  storm answers: ${storm.unauthorised} × 401 (hashed), ${storm.refused} × 429 (${fmt(storm.refusedMs)}); last answer of a storm after ${fmt(storm.lastMs)}`,
    );
    if (errors.length) console.log(`  storm requests that failed: ${errors.length} (${errors[0]})`);
    console.log(`  during the storm: GET / ${fmt(during.page)}; the script ${fmt(during.script)}`);
    console.log(
      `  during the storm: /api/clusters ${fmt(during.clusters)}; pods list ${fmt(during.pods)}`,
    );
    console.log(
      `  during the storm: a real sign-in from the browser the user signed in from before ${fmt(during.returning)}; ` +
        `from a new browser, following Retry-After, ${fmt(during.signIn)} (429s before it: ${during.refusedFirst.join(', ')})`,
    );
    console.log(
      `  BFF + embedded sandbox RSS: peak during the storms ${peakRss.toFixed(0)} MiB (sampled every 10 ms), peak since start ${peakRssMiB(bff.pid!).toFixed(0)} MiB`,
    );
  } finally {
    await stop(bff);
    cleanUp();
  }
}
