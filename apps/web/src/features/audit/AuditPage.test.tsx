import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditPage as AuditPageBody } from '@wheelhouse/contract';
import { auditEntry, auditorSession } from '../../test/computeFixtures.ts';
import { json, problem, stubFetch, type StubRequest } from '../../test/fetchStub.ts';
import { operatorSession } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

function stubAudit(
  session = auditorSession,
  answer: (request: StubRequest) => Response = () =>
    json({ items: [auditEntry()] } satisfies AuditPageBody),
) {
  return stubFetch({
    'GET /api/session': () => json(session),
    'GET /api/audit': answer,
  });
}

const auditRequests = (seen: StubRequest[]) => seen.filter((r) => r.path === '/api/audit');

describe('AuditPage', () => {
  it('is in the navigation for every role', async () => {
    stubAudit(operatorSession);
    renderApp('/audit');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Audit' })).toHaveAttribute('href', '/audit');
  });

  it('shows time, user, role, action, target, outcome, error and request id', async () => {
    stubAudit(auditorSession, () =>
      json({
        items: [
          auditEntry(),
          auditEntry({
            id: 41,
            user: 'mallory',
            role: 'auditor',
            action: 'nodegroup.delete',
            outcome: 'denied',
            error: 'role auditor may not do this',
            requestId: undefined,
            params: undefined,
          }),
        ],
      }),
    );
    renderApp('/audit');
    const table = await screen.findByRole('table', { name: 'Audit log' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      '2024-05-03 09:15 UTC',
      'olivia',
      'operator',
      'nodegroup.scale',
      'arn:aws:eks:eu-west-1:111111111111:nodegroup/prod-web/general',
      'success',
      '—',
      'req-0001',
      'Show parameters of entry 42',
    ]);
    expect(within(rows[1]!).getByText('denied')).toHaveClass('bg-warning-bg');
    expect(rows[1]).toHaveTextContent('role auditor may not do this');
  });

  it('expands an entry’s parameters as JSON', async () => {
    stubAudit();
    const user = userEvent.setup();
    renderApp('/audit');
    await user.click(await screen.findByRole('button', { name: 'Show parameters of entry 42' }));
    const params = await screen.findByRole('dialog', { name: 'Parameters of entry 42' });
    expect(JSON.parse(params.textContent ?? '')).toEqual({
      minSize: 1,
      maxSize: 6,
      desiredSize: 4,
    });
  });

  it('reads the filters from the URL and asks the BFF for exactly those', async () => {
    const seen = stubAudit();
    renderApp(
      '/audit?user=olivia&action=nodegroup.scale&target=prod-web&outcome=failure&from=2024-05-01T00:00:00.000Z&to=2024-05-02T00:00:00.000Z',
    );
    await screen.findByRole('table', { name: 'Audit log' });
    const query = auditRequests(seen)[0]!.url.searchParams;
    expect(Object.fromEntries(query)).toEqual({
      user: 'olivia',
      action: 'nodegroup.scale',
      target: 'prod-web',
      outcome: 'failure',
      from: '2024-05-01T00:00:00.000Z',
      to: '2024-05-02T00:00:00.000Z',
      limit: '200',
    });
    expect(screen.getByLabelText('User')).toHaveValue('olivia');
    expect(screen.getByLabelText('Outcome')).toHaveValue('failure');
    expect(screen.getByLabelText('From (UTC)')).toHaveValue('2024-05-01T00:00');
    expect(screen.getByRole('list', { name: 'Active filters' })).toHaveTextContent(
      'Outcome: failure',
    );
  });

  it('applies filters as they are picked or typed, with no Apply button, and exports follow', async () => {
    const seen = stubAudit();
    const user = userEvent.setup();
    const app = renderApp('/audit');
    await screen.findByRole('table', { name: 'Audit log' });
    expect(screen.queryByRole('button', { name: /apply/i })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      '/api/audit?limit=5000&format=csv',
    );

    await user.selectOptions(screen.getByLabelText('Action'), 'every nodegroup.* action');
    await waitFor(() => expect(app.location().search).toBe('?action=nodegroup'));
    await user.selectOptions(screen.getByLabelText('Outcome'), 'denied');
    await user.type(screen.getByLabelText('From (UTC)'), '2024-05-01T08:30');
    await user.type(screen.getByLabelText('Target'), 'prod-web');

    await waitFor(() =>
      expect(app.location().search).toBe(
        '?action=nodegroup&target=prod-web&outcome=denied&from=2024-05-01T08%3A30%3A00.000Z',
      ),
    );
    // The box keeps focus and its text while the URL follows it.
    expect(screen.getByLabelText('Target')).toHaveFocus();
    expect(screen.getByLabelText('Target')).toHaveValue('prod-web');
    await waitFor(() =>
      expect(auditRequests(seen).at(-1)?.url.searchParams.get('target')).toBe('prod-web'),
    );
    // Typing does not send a request per keystroke.
    expect(
      auditRequests(seen).filter((r) => r.url.searchParams.get('target')?.startsWith('prod-')),
    ).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      '/api/audit?action=nodegroup&target=prod-web&outcome=denied&from=2024-05-01T08%3A30%3A00.000Z&limit=5000&format=csv',
    );
    expect(screen.getByRole('link', { name: 'Export JSON' })).toHaveAttribute(
      'href',
      '/api/audit?action=nodegroup&target=prod-web&outcome=denied&from=2024-05-01T08%3A30%3A00.000Z&limit=5000&format=json',
    );

    await user.click(screen.getByRole('button', { name: 'Remove filter Target: prod-web' }));
    await waitFor(() =>
      expect(app.location().search).toBe(
        '?action=nodegroup&outcome=denied&from=2024-05-01T08%3A30%3A00.000Z',
      ),
    );
    expect(screen.getByLabelText('Target')).toHaveValue('');
  });

  it('offers every action the console writes, by area, and a changes-only switch', async () => {
    const seen = stubAudit();
    const user = userEvent.setup();
    const app = renderApp('/audit?action=clu');
    await screen.findByRole('table', { name: 'Audit log' });
    const picker = screen.getByLabelText('Action');
    // A prefix from a shared link is kept and said as such.
    expect(picker).toHaveDisplayValue('starts with “clu”');
    const groups = within(picker).getAllByRole('group');
    expect(groups.map((group) => group.getAttribute('label'))).toEqual([
      'Sign-in',
      'Node groups',
      'Fargate profiles',
      'Clusters',
      'Connected clusters',
      'Access entries',
      'Access policies',
      'OIDC identity providers',
      'Pod Identity',
      'Dashboard tokens',
      'Workloads',
      'Pods',
      'Nodes',
      'Refused attempts',
    ]);
    expect(
      within(groups[1]!)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toContain('nodegroup.labels-taints');

    await user.click(screen.getByRole('checkbox', { name: 'Changes only' }));
    await waitFor(() => expect(app.location().search).toBe('?action=clu&changesOnly=true'));
    await waitFor(() =>
      expect(auditRequests(seen).at(-1)?.url.searchParams.get('changesOnly')).toBe('true'),
    );
    expect(screen.getByRole('list', { name: 'Active filters' })).toHaveTextContent(
      'Changes only (no sign-ins)',
    );
  });

  it('loads older entries with nextBefore', async () => {
    const seen = stubAudit(auditorSession, (request) =>
      request.url.searchParams.get('before') === '42'
        ? json({ items: [auditEntry({ id: 41, action: 'fargate.create' })] })
        : json({ items: [auditEntry()], nextBefore: 42 }),
    );
    const user = userEvent.setup();
    renderApp('/audit?outcome=success');
    await user.click(await screen.findByRole('button', { name: 'Load older entries' }));
    const table = screen.getByRole('table', { name: 'Audit log' });
    await within(table).findByText('fargate.create');
    expect(within(table).getByText('nodegroup.scale')).toBeInTheDocument();
    expect(auditRequests(seen).at(-1)!.url.searchParams.get('outcome')).toBe('success');
    expect(screen.queryByRole('button', { name: 'Load older entries' })).not.toBeInTheDocument();
  });

  it('tells operators they see only their own entries and offers no user filter', async () => {
    stubAudit(operatorSession);
    renderApp('/audit');
    await screen.findByRole('table', { name: 'Audit log' });
    expect(screen.getByText(/you see only your own entries/)).toBeInTheDocument();
    expect(screen.queryByLabelText('User')).not.toBeInTheDocument();
  });

  it('shows auditors everyone’s entries without that note', async () => {
    stubAudit(auditorSession);
    renderApp('/audit');
    await screen.findByRole('table', { name: 'Audit log' });
    expect(screen.queryByText(/you see only your own entries/)).not.toBeInTheDocument();
    expect(screen.getByLabelText('User')).toBeInTheDocument();
  });

  it('says when nothing matches, and when the log cannot be read', async () => {
    stubAudit(auditorSession, () => json({ items: [] }));
    const first = renderApp('/audit?user=nobody');
    expect(
      await screen.findByRole('heading', { name: 'No entries match these filters' }),
    ).toBeInTheDocument();
    first.unmount();

    stubAudit(auditorSession, () => problem(400, 'Invalid request', 'limit: must be at most 5000'));
    renderApp('/audit');
    expect(
      await screen.findByRole('alert', { name: 'Could not load the audit log' }),
    ).toHaveTextContent('limit: must be at most 5000');
  });
});
