import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PodDetail } from '@wheelhouse/contract';
import { json, problem, stubFetch, type StubRequest } from '../../../test/fetchStub.ts';
import { operatorSession } from '../../../test/fixtures.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import {
  CLUSTER_PAGE,
  K8S_API,
  container,
  containerRecommendation,
  podDetail,
} from '../../../test/workloadFixtures.ts';

const POD_API = `${K8S_API}/pods/shop/web-1`;
const POD_PAGE = `${CLUSTER_PAGE}/pods/shop/web-1`;

/** A log response whose body the test writes to, line by line, like a followed log. */
function logStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = { cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
    cancel: () => {
      stream.cancelled = true;
    },
  });
  const encoder = new TextEncoder();
  return Object.assign(stream, {
    response: new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } }),
    write: (text: string) => act(async () => controller.enqueue(encoder.encode(text))),
    end: () => act(async () => controller.close()),
  });
}

async function showPod(
  detail: PodDetail,
  log: (request: StubRequest) => Response,
  path = `${POD_PAGE}?tab=logs`,
) {
  const seen = stubFetch({
    'GET /api/session': () => json(operatorSession),
    [`GET ${POD_API}`]: () => json(detail),
    [`GET ${POD_API}/log`]: log,
  });
  const app = renderApp(path);
  await screen.findByRole('tablist', { name: 'Pod views' });
  const logRequests = () => seen.filter((r) => r.path === `${POD_API}/log`);
  return { app, seen, logRequests, lastLog: () => logRequests().at(-1)! };
}

const crashing = podDetail({
  name: 'web-1',
  reason: 'CrashLoopBackOff',
  restarts: 4,
  ready: false,
  readyContainers: 0,
  node: 'fargate-ip-10-0-2-9.eu-west-1.compute.internal',
  runsOn: { kind: 'fargate', name: 'fp-shop' },
  fargateProfile: 'fp-shop',
  containerDetails: [
    container({ name: 'init-db', init: true, state: 'terminated', stateReason: 'Completed' }),
    container({
      ready: false,
      restarts: 4,
      state: 'waiting',
      stateReason: 'CrashLoopBackOff',
      stateMessage: 'back-off 40s restarting failed container=web',
      lastTermination: { reason: 'Error', exitCode: 137, finishedAt: '2024-05-01T10:05:00.000Z' },
    }),
  ],
  events: [
    {
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container',
      count: 12,
      lastSeen: '2024-05-01T10:06:00.000Z',
    },
    { type: 'Normal', reason: 'Pulled', message: 'Container image pulled', count: 5 },
  ],
});

describe('Pod page', () => {
  it('shows where the pod runs, its containers, events and conditions', async () => {
    const { logRequests } = await showPod(
      crashing,
      () => new Response('', { headers: { 'content-type': 'text/plain' } }),
      POD_PAGE,
    );
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    // The log has its own tab and is read only there.
    expect(screen.queryByRole('log')).not.toBeInTheDocument();
    expect(logRequests()).toHaveLength(0);
    expect(screen.getAllByText('CrashLoopBackOff')[0]).toHaveAttribute('data-tone', 'danger');
    const summary = screen.getByRole('region', { name: 'Pod summary' });
    expect(summary).toHaveTextContent('Fargate: fp-shop');
    expect(summary).toHaveTextContent('10.0.1.23');
    expect(summary).toHaveTextContent('Deployment web');
    expect(summary).toHaveTextContent('fargate-ip-10-0-2-9.eu-west-1.compute.internal');

    const web = screen.getByRole('region', { name: 'Container web' });
    expect(web).toHaveTextContent('waiting: CrashLoopBackOff');
    expect(web).toHaveTextContent('back-off 40s restarting failed container=web');
    expect(web).toHaveTextContent('web:1.4.2');
    expect(web).toHaveTextContent('Error, exit code 137');
    expect(web).toHaveTextContent('CPU 250m · memory 256Mi');
    expect(web).toHaveTextContent('memory 512Mi');
    expect(screen.getByRole('region', { name: 'Container init-db' })).toHaveTextContent('init');

    const events = screen.getByRole('table', { name: 'Events' });
    const warning = within(events).getByText('BackOff').closest('tr')!;
    expect(warning).toHaveAttribute('data-tone', 'warning');
    expect(warning).toHaveTextContent('Warning');
    expect(warning).toHaveTextContent('12');
    expect(screen.getByRole('table', { name: 'Conditions' })).toHaveTextContent('PodScheduled');

    await userEvent.click(screen.getByRole('tab', { name: 'Logs' }));
    expect(await screen.findByRole('log', { name: 'Log of web' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Pod summary' })).not.toBeInTheDocument();
    await waitFor(() => expect(logRequests()).toHaveLength(1));
  });

  it("holds each container's requests against the VPA's recommendation, flagging one outside its range", async () => {
    await showPod(
      podDetail({
        name: 'web-1',
        containerDetails: [
          container({
            requests: { cpu: '100m', memory: '256Mi' },
            recommendation: containerRecommendation(),
          }),
          container({ name: 'sidecar', requests: { cpu: '50m' } }),
        ],
      }),
      () => new Response('', { headers: { 'content-type': 'text/plain' } }),
      POD_PAGE,
    );
    const web = screen.getByRole('region', { name: 'Container web' });
    const lines = within(web).getByRole('list', { name: 'Requests against VPA web' });
    const [cpu, memory] = within(lines).getAllByRole('listitem');
    expect(cpu).toHaveTextContent(
      'CPU request 100m · VPA target 250m (range 150m–400m) — below the recommended range',
    );
    expect(cpu).toHaveClass('text-warning-fg');
    expect(memory).toHaveTextContent(
      'Memory request 256 MiB · VPA target 300 MiB (range 200 MiB–512 MiB)',
    );
    expect(memory).not.toHaveTextContent('recommended range');
    expect(web).toHaveTextContent('From VerticalPodAutoscaler web, update mode Auto');
    const sidecar = screen.getByRole('region', { name: 'Container sidecar' });
    expect(sidecar).not.toHaveTextContent('VPA');
  });

  it('says when the pod is gone', async () => {
    stubFetch({
      'GET /api/session': () => json(operatorSession),
      [`GET ${POD_API}`]: () => problem(404, 'Not found', 'pods "web-1" not found'),
    });
    renderApp(POD_PAGE);
    expect(await screen.findByRole('heading', { name: 'Pod not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Pods of shop' })).toHaveAttribute(
      'href',
      `${CLUSTER_PAGE}?tab=resources&view=pods&ns=shop`,
    );
  });

  it('reads the tail of the first app container, then another container and length', async () => {
    const { lastLog } = await showPod(
      crashing,
      () =>
        new Response('starting\nlistening on :8080\n', {
          headers: { 'content-type': 'text/plain' },
        }),
    );
    const log = await screen.findByRole('log', { name: 'Log of web' });
    await waitFor(() => expect(log).toHaveTextContent('starting listening on :8080'));
    expect(Object.fromEntries(lastLog().url.searchParams)).toEqual({
      container: 'web',
      tailLines: '500',
      previous: 'false',
      follow: 'false',
    });

    const options = screen.getByRole('group', { name: 'Log options' });
    await userEvent.selectOptions(
      within(options).getByRole('combobox', { name: 'Tail lines' }),
      '2000',
    );
    await waitFor(() => expect(lastLog().url.searchParams.get('tailLines')).toBe('2000'));
    await userEvent.selectOptions(
      within(options).getByRole('combobox', { name: 'Container' }),
      'init-db',
    );
    await waitFor(() => expect(lastLog().url.searchParams.get('container')).toBe('init-db'));
    // init-db never restarted: there is no previous log to ask for.
    expect(within(options).getByRole('checkbox', { name: 'Previous container' })).toBeDisabled();
  });

  it('asks for the previous container after a restart', async () => {
    const { lastLog } = await showPod(
      crashing,
      () => new Response('panic: boom\n', { headers: { 'content-type': 'text/plain' } }),
    );
    const options = screen.getByRole('group', { name: 'Log options' });
    await userEvent.click(within(options).getByRole('checkbox', { name: 'Previous container' }));
    await waitFor(() => expect(lastLog().url.searchParams.get('previous')).toBe('true'));
    expect(lastLog().url.searchParams.get('follow')).toBe('false');
    expect(within(options).getByRole('switch', { name: 'Follow' })).toBeDisabled();
    expect(
      await screen.findByRole('log', { name: 'Log of web (previous container)' }),
    ).toHaveTextContent('panic: boom');
  });

  it('follows: appends streamed lines as they come and stops when the page closes', async () => {
    const streams: ReturnType<typeof logStream>[] = [];
    const { app, lastLog } = await showPod(crashing, (request) => {
      if (request.url.searchParams.get('follow') !== 'true') {
        return new Response('old line\n', { headers: { 'content-type': 'text/plain' } });
      }
      const stream = logStream();
      streams.push(stream);
      return stream.response;
    });
    const options = screen.getByRole('group', { name: 'Log options' });
    await userEvent.click(within(options).getByRole('switch', { name: 'Follow' }));
    await waitFor(() => expect(streams).toHaveLength(1));
    expect(lastLog().url.searchParams.get('follow')).toBe('true');
    const stream = streams[0]!;
    const log = screen.getByRole('log', { name: 'Log of web' });

    await stream.write('GET /healthz 200\nGET /api/cart');
    await waitFor(() => expect(log).toHaveTextContent('GET /healthz 200'));
    // Half a line waits for its end.
    expect(log).not.toHaveTextContent('GET /api/cart');
    await stream.write(' 201\nPOST /api/order 500\n');
    await waitFor(() => expect(log).toHaveTextContent('GET /api/cart 201 POST /api/order 500'));
    expect(screen.getByText('Following · 3 lines')).toBeInTheDocument();

    const signal = lastLog().signal!;
    expect(signal.aborted).toBe(false);
    app.unmount();
    expect(signal.aborted).toBe(true);
    await waitFor(() => expect(stream.cancelled).toBe(true));
  });

  it('pauses auto-scroll while the user reads further up, and resumes on request', async () => {
    const streams: ReturnType<typeof logStream>[] = [];
    await showPod(crashing, () => {
      const stream = logStream();
      streams.push(stream);
      return stream.response;
    });
    await userEvent.click(screen.getByRole('switch', { name: 'Follow' }));
    await waitFor(() => expect(streams.length).toBeGreaterThan(1));
    const log = screen.getByRole('log', { name: 'Log of web' });
    Object.defineProperty(log, 'scrollHeight', { configurable: true, value: 5000 });
    await streams.at(-1)!.write('line 1\n');
    await waitFor(() => expect(log.scrollTop).toBe(5000));

    log.scrollTop = 1000;
    fireEvent.scroll(log);
    expect(await screen.findByText('Auto-scroll paused')).toBeInTheDocument();
    await streams.at(-1)!.write('line 2\n');
    await waitFor(() => expect(log).toHaveTextContent('line 2'));
    expect(log.scrollTop).toBe(1000);

    await userEvent.click(screen.getByRole('button', { name: 'Resume auto-scroll' }));
    expect(log.scrollTop).toBe(5000);
    expect(screen.queryByText('Auto-scroll paused')).not.toBeInTheDocument();
  });

  it('searches the log: marks every match, counts them and jumps between them', async () => {
    await showPod(
      crashing,
      () =>
        new Response(
          'GET /healthz 200\nPOST /api/order 500 error\nGET /api/cart 200\nERROR: db\n',
          {
            headers: { 'content-type': 'text/plain' },
          },
        ),
    );
    const log = await screen.findByRole('log', { name: 'Log of web' });
    await waitFor(() => expect(log).toHaveTextContent('ERROR: db'));
    const search = screen.getByRole('search', { name: 'Search the log' });
    await userEvent.type(within(search).getByRole('searchbox', { name: 'Search' }), 'error');
    const count = within(search).getByRole('status', { name: 'Matches' });
    expect(count).toHaveTextContent('1 of 2 matches');
    const marks = log.querySelectorAll('mark');
    expect([...marks].map((mark) => mark.textContent)).toEqual(['error', 'ERROR']);
    expect(marks[0]).toHaveAttribute('data-current', 'true');
    // The text around the marks is all still there.
    expect(log).toHaveTextContent(
      'GET /healthz 200 POST /api/order 500 error GET /api/cart 200 ERROR: db',
    );

    await userEvent.click(within(search).getByRole('button', { name: 'Next match' }));
    expect(count).toHaveTextContent('2 of 2 matches');
    expect(log.querySelectorAll('mark')[1]).toHaveAttribute('data-current', 'true');
    await userEvent.type(within(search).getByRole('searchbox', { name: 'Search' }), '{Enter}');
    expect(count).toHaveTextContent('1 of 2 matches');
    await userEvent.click(within(search).getByRole('button', { name: 'Previous match' }));
    expect(count).toHaveTextContent('2 of 2 matches');

    await userEvent.type(within(search).getByRole('searchbox', { name: 'Search' }), 'zzz');
    expect(count).toHaveTextContent('No matches');
    expect(within(search).getByRole('button', { name: 'Next match' })).toBeDisabled();
  });

  it('asks Kubernetes for timestamps when they are turned on, and wraps lines on request', async () => {
    const { lastLog } = await showPod(crashing, (request) =>
      request.url.searchParams.get('timestamps') === 'true'
        ? new Response('2024-05-01T10:05:00.123456789Z listening on :8080\n', {
            headers: { 'content-type': 'text/plain' },
          })
        : new Response('listening on :8080\n', { headers: { 'content-type': 'text/plain' } }),
    );
    const log = await screen.findByRole('log', { name: 'Log of web' });
    await waitFor(() => expect(log).toHaveTextContent('listening on :8080'));
    expect(lastLog().url.searchParams.has('timestamps')).toBe(false);
    const options = screen.getByRole('group', { name: 'Log options' });
    await userEvent.click(within(options).getByRole('switch', { name: 'Timestamps' }));
    await waitFor(() => expect(lastLog().url.searchParams.get('timestamps')).toBe('true'));
    await waitFor(() =>
      expect(log).toHaveTextContent('2024-05-01T10:05:00.123456789Z listening on :8080'),
    );

    expect(log).toHaveAttribute('data-wrap', 'true');
    await userEvent.click(within(options).getByRole('switch', { name: 'Wrap lines' }));
    expect(log).toHaveAttribute('data-wrap', 'false');
  });

  it('says a container that never started has no logs yet, and does not ask for them', async () => {
    const pulling = podDetail({
      name: 'web-1',
      reason: 'ImagePullBackOff',
      phase: 'Pending',
      containerDetails: [
        container({
          ready: false,
          state: 'waiting',
          stateReason: 'ImagePullBackOff',
          stateMessage: 'Back-off pulling image "web:9.9.9"',
        }),
      ],
    });
    const { logRequests } = await showPod(pulling, () =>
      problem(400, 'BadRequest', 'container "web" in pod "web-1" is waiting to start', {
        kubeReason: 'BadRequest',
      }),
    );
    const log = await screen.findByRole('log', { name: 'Log of web' });
    expect(log).toHaveTextContent('Container not started (ImagePullBackOff): no logs yet');
    expect(screen.queryByText('Could not read the log')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /retry/i })).not.toBeInTheDocument();
    expect(logRequests()).toHaveLength(0);
  });

  it('drops the log read before when the user picks a container that has not started', async () => {
    const mixed = podDetail({
      name: 'web-1',
      containerDetails: [
        container(),
        container({ name: 'proxy', ready: false, state: 'waiting', stateReason: 'ErrImagePull' }),
      ],
    });
    await showPod(
      mixed,
      () => new Response('web says hello\n', { headers: { 'content-type': 'text/plain' } }),
    );
    const log = await screen.findByRole('log', { name: 'Log of web' });
    await waitFor(() => expect(log).toHaveTextContent('web says hello'));
    const options = screen.getByRole('group', { name: 'Log options' });
    await userEvent.selectOptions(
      within(options).getByRole('combobox', { name: 'Container' }),
      'proxy',
    );
    const proxy = screen.getByRole('log', { name: 'Log of proxy' });
    expect(proxy).toHaveTextContent('Container not started (ErrImagePull): no logs yet');
    expect(proxy).not.toHaveTextContent('web says hello');
    expect(within(options).getByRole('button', { name: 'Download log' })).toBeDisabled();
  });

  it('labels a Kubernetes refusal as Kubernetes, says so once, and offers Retry only when it can help', async () => {
    let failure = () =>
      problem(400, 'BadRequest', 'previous terminated container "web" in pod "web-1" not found', {
        kubeReason: 'BadRequest',
      });
    await showPod(crashing, () => failure());
    const banner = await screen.findByRole('alert', { name: 'Could not read the log' });
    expect(banner).toHaveTextContent('Kubernetes API: BadRequest');
    expect(banner).not.toHaveTextContent('AWS error');
    expect(screen.getAllByText('Could not read the log')).toHaveLength(1);
    expect(within(banner).queryByRole('button', { name: /retry/i })).not.toBeInTheDocument();

    failure = () => problem(502, 'Bad gateway', 'the cluster did not answer');
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    const again = await screen.findByRole('alert', { name: 'Could not read the log' });
    await waitFor(() => expect(again).toHaveTextContent('the cluster did not answer'));
    expect(within(again).getByRole('button', { name: /retry/i })).toBeInTheDocument();
  });
});
