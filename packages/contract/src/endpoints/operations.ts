import { defineEndpoint } from '../endpoint.ts';

// Probes and metrics sit outside `/api` and need no session: a kubelet or Prometheus has none.

export const liveness = defineEndpoint({
  method: 'get',
  path: '/healthz',
  access: 'public',
  summary: 'liveness: `{status: "ok"}` while the process serves HTTP',
  response: 'Liveness',
});

export const readiness = defineEndpoint({
  method: 'get',
  path: '/readyz',
  access: 'public',
  summary: 'readiness: 200 when every check passes, 503 with the failing checks',
  response: 'Readiness',
});

export const metrics = defineEndpoint({
  method: 'get',
  path: '/metrics',
  access: 'public',
  summary:
    'Prometheus metrics; `Authorization: Bearer <WHEELHOUSE_METRICS_TOKEN>` when that is set',
  produces: { type: 'text/plain', description: 'Prometheus text exposition format' },
  problems: [401],
});
