import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PodList } from '@wheelhouse/contract';
import { stubEventSource } from '../../../test/eventSourceStub.ts';
import { json, stubFetch, type StubRequest } from '../../../test/fetchStub.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import {
  K8S_API,
  manyPods,
  pod,
  podList,
  resourcesHandlers,
  resourcesPage,
} from '../../../test/workloadFixtures.ts';

const podRequests = (seen: StubRequest[]) => seen.filter((r) => r.path === `${K8S_API}/pods`);
const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr')!;
const live = () => screen.getByRole('status', { name: 'Live updates' });

/**
 * Serves the pods list as the API server does: each page holds the `limit` it asks for, and the
 * continue token ("from-N") says where the next one starts.
 */
function paged(items: ReturnType<typeof manyPods>, resourceVersion = '1000') {
  return (request: StubRequest) => {
    const token = request.url.searchParams.get('continue');
    const from = token ? Number(token.slice('from-'.length)) : 0;
    const to = from + Number(request.url.searchParams.get('limit'));
    return json({
      items: items.slice(from, to),
      resourceVersion,
      ...(to < items.length ? { continue: `from-${to}` } : {}),
    } satisfies PodList);
  };
}

async function showPods(
  pods: PodList | ((request: StubRequest) => Response | Promise<Response>),
  extra = '',
) {
  const streams = stubEventSource();
  const seen = stubFetch({
    ...resourcesHandlers(),
    [`GET ${K8S_API}/pods`]: typeof pods === 'function' ? pods : () => json(pods),
  });
  const app = renderApp(resourcesPage('pods', extra));
  await screen.findByRole('table', { name: 'Pods' });
  return { streams, seen, app };
}

describe('Pods view', () => {
  it('renders 10,000 pods virtualised: all counted, only a window in the DOM', async () => {
    const { seen } = await showPods(paged(manyPods(10_000)));
    await screen.findByText('10,000 pods');
    const table = screen.getByRole('table', { name: 'Pods' });
    expect(table).toHaveAttribute('aria-rowcount', '10001');
    const rendered = within(table).getAllByRole('row').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    // A small first page for the first rows, then pages doubling up to 2,000: 100 + 500 + 1,000 +
    // 4 × 2,000 + the last 400 (asked for with the same limit).
    const limits = podRequests(seen).map((r) => r.url.searchParams.get('limit'));
    expect(limits).toEqual(['100', '500', '1000', ...Array<string>(5).fill('2000')]);
  });

  it('shows the first page at once and loads the rest with continue tokens', async () => {
    let releaseLast!: () => void;
    const last = new Promise<void>((resolve) => (releaseLast = resolve));
    const pods = manyPods(1100);
    const serve = paged(pods);
    const { seen } = await showPods(async (request) => {
      if (request.url.searchParams.get('continue') === 'from-600') await last;
      return serve(request);
    });
    expect(screen.getByRole('link', { name: 'pod-00000' })).toBeInTheDocument();
    await screen.findByText('600 pods so far, loading more…');
    expect(podRequests(seen).map((r) => r.url.searchParams.get('continue'))).toEqual([
      null,
      'from-100',
      'from-600',
    ]);
    act(() => releaseLast());
    await screen.findByText('1,100 pods');
  });

  it('follows the watch from the list version: Pending turns Running in place, deleted rows go, new ones come', async () => {
    const { streams, seen } = await showPods(
      podList(
        [
          pod({
            name: 'web-1',
            phase: 'Pending',
            reason: 'Unschedulable',
            node: undefined,
            runsOn: { kind: 'unscheduled' },
            ready: false,
            readyContainers: 0,
          }),
          pod({ name: 'web-2' }),
        ],
        { resourceVersion: '4711' },
      ),
      '&ns=shop',
    );
    await waitFor(() => expect(streams).toHaveLength(1));
    const stream = streams[0]!;
    expect(stream.params.get('kind')).toBe('pods');
    expect(stream.params.get('namespace')).toBe('shop');
    expect(stream.params.get('resourceVersion')).toBe('4711');
    expect(live()).toHaveTextContent('Connecting…');
    stream.open();
    expect(live()).toHaveTextContent('Live');
    expect(live()).toHaveAttribute('data-state', 'live');

    const row = rowOf('web-1');
    expect(within(row).getByText('Unschedulable')).toHaveAttribute('data-tone', 'warning');
    expect(row).toHaveTextContent('unscheduled');
    stream.send({
      kind: 'pod',
      type: 'MODIFIED',
      object: pod({ name: 'web-1', runsOn: { kind: 'managed', name: 'general' } }),
    });
    await waitFor(() =>
      expect(within(row).getByText('Running')).toHaveAttribute('data-tone', 'success'),
    );
    // The same row element, updated: no reload, no extra list request.
    expect(rowOf('web-1')).toBe(row);
    expect(row).toHaveTextContent('general');
    expect(podRequests(seen)).toHaveLength(1);

    stream.send({ kind: 'pod', type: 'DELETED', object: pod({ name: 'web-2' }) });
    stream.send({ kind: 'pod', type: 'ADDED', object: pod({ name: 'web-3', phase: 'Pending' }) });
    await screen.findByRole('link', { name: 'web-3' });
    expect(screen.queryByRole('link', { name: 'web-2' })).not.toBeInTheDocument();
    expect(screen.getByText('2 pods')).toBeInTheDocument();
  });

  it('lists again after a reset and watches from the new version', async () => {
    let version = 1000;
    const { streams, seen } = await showPods(() =>
      json(podList([pod({ name: `web-${version}` })], { resourceVersion: String(version) })),
    );
    await waitFor(() => expect(streams).toHaveLength(1));
    version = 2000;
    streams[0]!.send({ kind: 'reset' });
    await screen.findByRole('link', { name: 'web-2000' });
    expect(podRequests(seen)).toHaveLength(2);
    await waitFor(() => expect(streams).toHaveLength(2));
    expect(streams[0]!.closed).toBe(true);
    expect(streams[1]!.params.get('resourceVersion')).toBe('2000');
  });

  it('says when the watch drops and reconnects', async () => {
    const { streams } = await showPods(podList([pod()]));
    await waitFor(() => expect(streams).toHaveLength(1));
    streams[0]!.open();
    streams[0]!.serverError('Kubernetes API unavailable');
    expect(live()).toHaveTextContent('Reconnecting in 1 s');
    expect(live()).toHaveAttribute('title', 'Watch stream: Kubernetes API unavailable');
    await waitFor(() => expect(streams).toHaveLength(2));
    streams[1]!.open();
    expect(live()).toHaveTextContent('Live');
  });

  it('filters phase, node and labels on the server and names in the browser', async () => {
    const { seen, app } = await showPods(
      podList([pod({ name: 'web-1' }), pod({ name: 'api-1', labels: { app: 'api' } })]),
    );
    const filters = screen.getByRole('search', { name: 'Pod filters' });
    const lastQuery = () => podRequests(seen).at(-1)!.url.searchParams;

    await userEvent.selectOptions(
      within(filters).getByRole('combobox', { name: 'Phase' }),
      'Pending',
    );
    await waitFor(() => expect(lastQuery().get('phase')).toBe('Pending'));

    await userEvent.type(within(filters).getByRole('combobox', { name: 'Node' }), 'ip-10-0-1-5');
    await userEvent.type(
      within(filters).getByRole('textbox', { name: 'Label selector' }),
      'app in (web',
    );
    await userEvent.click(within(filters).getByRole('button', { name: 'Apply' }));
    expect(within(filters).getByRole('textbox', { name: 'Label selector' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await userEvent.type(within(filters).getByRole('textbox', { name: 'Label selector' }), ')');
    await userEvent.click(within(filters).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(lastQuery().get('labelSelector')).toBe('app in (web)'));
    expect(lastQuery().get('node')).toBe('ip-10-0-1-5');
    expect(lastQuery().get('phase')).toBe('Pending');
    const url = new URLSearchParams(app.location().search);
    expect(url.get('labels')).toBe('app in (web)');
    expect(url.get('node')).toBe('ip-10-0-1-5');

    const requests = podRequests(seen).length;
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter by name' }), 'api');
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'web-1' })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('link', { name: 'api-1' })).toBeInTheDocument();
    expect(podRequests(seen)).toHaveLength(requests);
  });

  it('drops a watched pod that no longer matches the phase filter', async () => {
    const { streams } = await showPods(
      podList([pod({ name: 'web-1', phase: 'Pending' })]),
      '&phase=Pending',
    );
    await waitFor(() => expect(streams).toHaveLength(1));
    streams[0]!.send({
      kind: 'pod',
      type: 'MODIFIED',
      object: pod({ name: 'web-1', phase: 'Running' }),
    });
    await screen.findByRole('heading', { name: 'No pods match these filters' });
  });

  it('shows status, ready, restarts, runs on and owner of each pod', async () => {
    await showPods(
      podList([
        pod({
          name: 'crashy',
          reason: 'CrashLoopBackOff',
          restarts: 7,
          ready: false,
          readyContainers: 1,
          containers: 2,
        }),
        pod({
          name: 'fargate-1',
          runsOn: { kind: 'fargate', name: 'fp-default' },
          owner: { kind: 'StatefulSet', name: 'db' },
        }),
        pod({
          name: 'done',
          phase: 'Succeeded',
          runsOn: { kind: 'self-managed' },
          ready: false,
          readyContainers: 0,
        }),
      ]),
    );
    const crashy = rowOf('crashy');
    expect(within(crashy).getByText('CrashLoopBackOff')).toHaveAttribute('data-tone', 'danger');
    expect(within(crashy).getByTitle('1 of 2 containers ready')).toHaveTextContent('1/2');
    expect(within(crashy).getByTitle('Containers restarted 7 times')).toHaveAttribute(
      'data-highlight',
      'restarts',
    );
    expect(rowOf('fargate-1')).toHaveTextContent('Fargate: fp-default');
    expect(rowOf('fargate-1')).toHaveTextContent('StatefulSet db');
    expect(within(rowOf('done')).getByText('Succeeded')).toHaveAttribute('data-tone', 'neutral');
    expect(rowOf('done')).toHaveTextContent('self-managed');
    expect(screen.getByRole('link', { name: 'crashy' })).toHaveAttribute(
      'href',
      '/clusters/111111111111/eu-west-1/prod-web/pods/shop/crashy',
    );
  });
});
