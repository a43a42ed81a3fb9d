import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CreatedDashboardToken, DashboardToken } from '@wheelhouse/contract';
import { json, problem, stubFetch } from '../../../test/fetchStub.ts';
import { adminSession } from '../../../test/dashboardFixtures.ts';
import { operatorSession } from '../../../test/fixtures.ts';
import { renderApp } from '../../../test/renderApp.tsx';

const LOBBY = '8d0c2c4e-1111-4aaa-8bbb-000000000001';
const tokens: DashboardToken[] = [
  {
    id: LOBBY,
    name: 'Lobby TV',
    createdBy: 'ada',
    createdAt: '2025-01-01T10:00:00.000Z',
    expiresAt: '2099-01-01T00:00:00.000Z',
    lastUsedAt: '2025-01-02T10:00:00.000Z',
  },
  {
    id: '8d0c2c4e-1111-4aaa-8bbb-000000000002',
    name: 'Old ops screen',
    createdBy: 'ada',
    createdAt: '2024-01-01T10:00:00.000Z',
    expiresAt: '2099-01-01T00:00:00.000Z',
    revokedAt: '2024-06-01T10:00:00.000Z',
  },
  {
    id: '8d0c2c4e-1111-4aaa-8bbb-000000000003',
    name: 'Trial',
    createdBy: 'bob',
    createdAt: '2024-01-01T10:00:00.000Z',
    expiresAt: '2024-02-01T00:00:00.000Z',
  },
];

const created: CreatedDashboardToken = {
  id: '8d0c2c4e-1111-4aaa-8bbb-000000000009',
  name: 'Ops room',
  createdBy: 'ada',
  createdAt: '2025-01-03T10:00:00.000Z',
  expiresAt: '2025-02-02T10:00:00.000Z',
  token: 'whd_SuperSecretValue',
  url: 'https://wheelhouse.example/dashboard?token=whd_SuperSecretValue',
};

function stubTokens(session = adminSession) {
  return stubFetch({
    'GET /api/session': () => json(session),
    'GET /api/dashboard-tokens': () => json(tokens),
    'POST /api/dashboard-tokens': () => json(created, 201),
    [`DELETE /api/dashboard-tokens/${LOBBY}`]: () => new Response(null, { status: 204 }),
  });
}

describe('DashboardTokensPage', () => {
  it('lists the tokens with who made them, expiry, last use and status', async () => {
    stubTokens();
    renderApp('/settings/dashboard-tokens');
    const table = await screen.findByRole('table', { name: 'Dashboard tokens' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Lobby TVada');
    expect(rows[0]).toHaveTextContent('2099-01-01 00:00 UTC');
    expect(rows[0]).toHaveTextContent('Active');
    expect(rows[1]).toHaveTextContent('Revoked');
    expect(rows[1]).toHaveTextContent('never');
    expect(rows[2]).toHaveTextContent('Expired');
    expect(within(table).getAllByRole('button', { name: /^Revoke/ })).toHaveLength(1);
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Settings');
  });

  it('creates a token and shows it and its URLs once, with copy buttons', async () => {
    const seen = stubTokens();
    const user = userEvent.setup();
    renderApp('/settings/dashboard-tokens');
    const form = await screen.findByRole('form', { name: 'Create a dashboard token' });
    await user.click(within(form).getByRole('button', { name: 'Create token' }));
    expect(within(form).getByText('is required')).toBeInTheDocument();
    expect(seen.some((request) => request.method === 'POST')).toBe(false);

    await user.type(within(form).getByLabelText('Name'), 'Ops room');
    await user.clear(within(form).getByLabelText('Expires in (days)'));
    await user.type(within(form).getByLabelText('Expires in (days)'), '30');
    await user.click(within(form).getByRole('button', { name: 'Create token' }));

    const shown = await screen.findByRole('region', { name: 'Token “Ops room” created' });
    expect(seen.find((request) => request.method === 'POST')?.body).toEqual({
      name: 'Ops room',
      expiresInDays: 30,
    });
    expect(within(shown).getByRole('note', { name: 'Shown only once' })).toBeInTheDocument();
    expect(shown).toHaveTextContent('whd_SuperSecretValue');
    expect(shown).toHaveTextContent(
      'https://wheelhouse.example/dashboard?token=whd_SuperSecretValue&kiosk=1',
    );
    for (const name of ['Copy token', 'Copy dashboard URL', 'Copy kiosk URL']) {
      expect(within(shown).getByRole('button', { name })).toBeInTheDocument();
    }
    await waitFor(() =>
      expect(
        seen.filter(
          (request) => request.path === '/api/dashboard-tokens' && request.method === 'GET',
        ),
      ).toHaveLength(2),
    );

    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('whd_SuperSecretValue')).not.toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Create a dashboard token' })).toBeInTheDocument();
  });

  it('sends the checked token request and puts a 400 about the name on the Name field', async () => {
    const seen = stubFetch({
      'GET /api/session': () => json(adminSession),
      'GET /api/dashboard-tokens': () => json(tokens),
      'POST /api/dashboard-tokens': () =>
        problem(400, 'Bad Request', 'The request has invalid fields.', {
          errors: [{ field: 'name', message: 'is already the name of an active token' }],
        }),
    });
    const user = userEvent.setup();
    renderApp('/settings/dashboard-tokens');
    const form = await screen.findByRole('form', { name: 'Create a dashboard token' });
    await user.type(within(form).getByLabelText('Name'), '  Lobby TV ');
    await user.clear(within(form).getByLabelText('Expires in (days)'));
    await user.click(within(form).getByRole('button', { name: 'Create token' }));

    const name = within(form).getByLabelText('Name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(/is already the name of an active token/);
    expect(name).toHaveValue('  Lobby TV ');
    // An empty expiry is the contract's default, 90 days; the name is sent trimmed.
    expect(seen.filter((request) => request.method === 'POST').map((r) => r.body)).toEqual([
      { name: 'Lobby TV', expiresInDays: 90 },
    ]);
  });

  it('revokes a token after confirmation', async () => {
    const seen = stubTokens();
    const user = userEvent.setup();
    renderApp('/settings/dashboard-tokens');
    await user.click(await screen.findByRole('button', { name: 'Revoke Lobby TV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke dashboard token' });
    expect(dialog).toHaveTextContent('Screens using Lobby TV lose the dashboard');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke token' }));
    expect(await screen.findByRole('status', { name: 'Change status' })).toHaveTextContent(
      'Token “Lobby TV” revoked.',
    );
    expect(seen.find((request) => request.method === 'DELETE')?.path).toBe(
      `/api/dashboard-tokens/${LOBBY}`,
    );
  });

  it('is for admins only', async () => {
    const seen = stubTokens(operatorSession);
    renderApp('/settings/dashboard-tokens');
    await screen.findByRole('heading', { name: 'Only administrators manage dashboard tokens' });
    expect(screen.getByRole('navigation', { name: 'Main' })).not.toHaveTextContent('Settings');
    expect(seen.some((request) => request.path === '/api/dashboard-tokens')).toBe(false);
  });
});
