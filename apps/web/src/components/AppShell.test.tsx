import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../api/client.ts';
import { json, problem, stubFetch } from '../test/fetchStub.ts';
import { clusterDetail, clusterSummary, operatorSession, sources } from '../test/fixtures.ts';
import { renderApp } from '../test/renderApp.tsx';

function stubSignedIn() {
  let signedIn = true;
  const seen = stubFetch({
    'GET /api/session': () => (signedIn ? json(operatorSession) : problem(401, 'Unauthorized')),
    'DELETE /api/session': () => {
      signedIn = false;
      return new Response(null, { status: 204 });
    },
    'GET /api/sources': () => json(sources),
    'GET /api/clusters': () => json({ items: [clusterSummary()], errors: [] }),
    'GET /api/clusters/111111111111/eu-west-1/prod-web': () => json(clusterDetail()),
  });
  return seen;
}

describe('AppShell', () => {
  it('shows the user, the role and the sandbox backend', async () => {
    stubSignedIn();
    renderApp('/clusters');
    const banner = await screen.findByRole('banner');
    expect(banner).toHaveTextContent('Signed in as olivia, role operator');
    expect(banner).toHaveTextContent('Sandbox');
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Clusters');
  });

  it('signs out with the CSRF token and goes to sign-in', async () => {
    const seen = stubSignedIn();
    const user = userEvent.setup();
    const app = renderApp('/clusters');
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await screen.findByLabelText('User name');
    expect(app.location().pathname).toBe('/login');
    const signOut = seen.find((request) => request.method === 'DELETE');
    expect(signOut?.headers.get(CSRF_HEADER)).toBe(operatorSession.csrfToken);
  });

  it('moves focus to the new page heading after following a link', async () => {
    stubSignedIn();
    const user = userEvent.setup();
    renderApp('/clusters');
    await user.click(await screen.findByRole('link', { name: 'prod-web' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'prod-web' });
    await waitFor(() => expect(heading).toHaveFocus());
  });
});
