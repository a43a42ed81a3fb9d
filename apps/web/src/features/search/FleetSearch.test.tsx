import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResult } from '@wheelhouse/contract';
import { json, stubFetch } from '../../test/fetchStub.ts';
import { clusterSummary, operatorSession, sources } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const where = { accountId: '111111111111', region: 'eu-west-1' };
const pod = (cluster: string, name: string): SearchHit => ({
  kind: 'pod',
  name,
  namespace: 'shop',
  ...where,
  cluster,
  labels: { app: 'web' },
  href: `/clusters/111111111111/eu-west-1/${cluster}/pods/shop/${name}`,
});
const answer: SearchResult = {
  items: [
    {
      kind: 'workload',
      workloadKind: 'Deployment',
      name: 'web',
      namespace: 'shop',
      ...where,
      cluster: 'prod-web',
      href: '/clusters/111111111111/eu-west-1/prod-web?tab=resources&view=workloads&ns=shop&q=web',
    },
    pod('prod-web', 'web-7d9f-abcde'),
    pod('prod-api', 'web-5c8b-fghij'),
  ],
  errors: [{ ...where, cluster: 'legacy', code: 'Forbidden', message: 'pods is forbidden' }],
  mode: 'label',
  capped: [],
  clustersSearched: 3,
};

function stub() {
  return stubFetch({
    'GET /api/session': () => json(operatorSession),
    'GET /api/sources': () => json(sources),
    'GET /api/clusters': () => json({ items: [clusterSummary()], errors: [] }),
    'GET /api/search': () => json(answer),
  });
}

describe('fleet search', () => {
  it('opens with Ctrl-K, searches what was typed, moves with the arrows and opens the pod with Enter', async () => {
    const seen = stub();
    const user = userEvent.setup();
    const app = renderApp('/clusters');
    await screen.findByRole('button', { name: /Search/ });
    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Search the fleet' });
    const box = within(dialog).getByRole('combobox');
    await waitFor(() => expect(box).toHaveFocus());
    await user.type(box, 'app=web');
    const options = await within(dialog).findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      expect.stringContaining('web'),
      expect.stringContaining('web-7d9f-abcde'),
      expect.stringContaining('web-5c8b-fghij'),
    ]);
    expect(within(dialog).getByRole('group', { name: 'Pods' })).toHaveTextContent('prod-api');
    // The cluster that did not answer is named beside what the others gave.
    expect(dialog).toHaveTextContent('legacy');
    expect(dialog).toHaveTextContent('pods is forbidden');
    const searched = seen.filter((request) => request.path === '/api/search');
    expect(searched.at(-1)?.url.searchParams.get('q')).toBe('app=web');

    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(options[2]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[2]!.id);
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(app.location().pathname).toBe(
        '/clusters/111111111111/eu-west-1/prod-api/pods/shop/web-5c8b-fghij',
      ),
    );
    expect(screen.queryByRole('dialog', { name: 'Search the fleet' })).toBeNull();
  });

  it('opens with / outside a field and closes with Escape', async () => {
    stub();
    const user = userEvent.setup();
    renderApp('/clusters');
    await screen.findByRole('button', { name: /Search/ });
    await user.keyboard('/');
    const dialog = await screen.findByRole('dialog', { name: 'Search the fleet' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
  });
});
