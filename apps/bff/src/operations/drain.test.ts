import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createDrain } from './drain.ts';

let close = () => {};
afterEach(() => close());

/** An app whose POST /change takes `ms`, behind the drain's middleware. */
async function appWithDrain(ms: number) {
  const drain = createDrain();
  const app = express();
  app.use(drain.middleware);
  app.get('/read', (_req, res) => void res.json({ ok: true }));
  app.post('/change', (_req, res) => void setTimeout(() => res.json({ done: true }), ms));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  close = () => void server.close();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { drain, url };
}

describe('drain', () => {
  it('waits for changes in flight, refuses new ones with 503, and still answers reads', async () => {
    const { drain, url } = await appWithDrain(400);
    const running = fetch(`${url}/change`, { method: 'POST' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(drain.inFlight()).toBe(1);
    const drained = drain.drain(5_000);
    const refused = await fetch(`${url}/change`, { method: 'POST' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.headers.get('connection')).toBe('close');
    expect((await fetch(`${url}/read`)).status).toBe(200);
    expect((await running).status).toBe(200);
    expect(await drained).toEqual({ timedOut: false, unfinished: 0 });
  });

  it('gives up after the grace period, saying how many changes were still running', async () => {
    const { drain, url } = await appWithDrain(2_000);
    const running = fetch(`${url}/change`, { method: 'POST' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await drain.drain(200)).toEqual({ timedOut: true, unfinished: 1 });
    await running;
  });
});
