import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem, stubFetch } from '../../test/fetchStub.ts';
import { operatorSession, sources } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const signedOut = () => problem(401, 'Unauthorized', 'Sign in first.');

describe('SignInPage', () => {
  it('says so when the user name or password is wrong, and lets the user try again', async () => {
    const seen = stubFetch({
      'GET /api/session': signedOut,
      'POST /api/session': () => problem(401, 'Unauthorized', 'Wrong user name or password.'),
    });
    const user = userEvent.setup();
    const app = renderApp('/login');

    const name = await screen.findByLabelText('User name');
    expect(name).toHaveFocus();
    await user.type(name, 'olivia');
    await user.type(screen.getByLabelText('Password'), 'not-it{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong user name or password');
    expect(seen.find((request) => request.method === 'POST')?.body).toEqual({
      username: 'olivia',
      password: 'not-it',
    });
    const password = screen.getByLabelText('Password');
    expect(password).toHaveValue('');
    expect(password).toHaveFocus();
    expect(screen.getByLabelText('User name')).toHaveValue('olivia');
    expect(app.location().pathname).toBe('/login');
  });

  it('asks for missing fields without calling the server', async () => {
    const seen = stubFetch({ 'GET /api/session': signedOut });
    const user = userEvent.setup();
    renderApp('/login');
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter your user name.')).toBeInTheDocument();
    expect(screen.getByLabelText('User name')).toHaveAttribute('aria-invalid', 'true');
    expect(seen.some((request) => request.method === 'POST')).toBe(false);
  });

  it('shows the throttling message the server gives', async () => {
    stubFetch({
      'GET /api/session': signedOut,
      'POST /api/session': () =>
        problem(429, 'Too many requests', 'Too many failed sign-ins; try again in 30 seconds.'),
    });
    const user = userEvent.setup();
    renderApp('/login');
    await user.type(await screen.findByLabelText('User name'), 'olivia');
    await user.type(screen.getByLabelText('Password'), 'x{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('try again in 30 seconds');
  });

  it('goes to the page in ?next= after signing in', async () => {
    let signedIn = false;
    stubFetch({
      'GET /api/session': () => (signedIn ? json(operatorSession) : signedOut()),
      'POST /api/session': () => {
        signedIn = true;
        return json(operatorSession);
      },
      'GET /api/clusters': () => json({ items: [], errors: [] }),
      'GET /api/sources': () => json(sources),
    });
    const user = userEvent.setup();
    const app = renderApp('/login?next=%2Fclusters%3Fq%3Dprod');
    await user.type(await screen.findByLabelText('User name'), 'olivia');
    await user.type(screen.getByLabelText('Password'), 'right{Enter}');

    await screen.findByRole('heading', { name: 'Clusters', level: 1 });
    expect(app.location().pathname).toBe('/clusters');
    expect(app.location().search).toBe('?q=prod');
    expect(screen.getByText('olivia')).toBeInTheDocument();
  });

  it('sends a signed-out visitor of a page to sign-in, remembering the page', async () => {
    stubFetch({ 'GET /api/session': signedOut });
    const app = renderApp('/clusters?region=eu-west-1');
    await screen.findByLabelText('User name');
    await waitFor(() => expect(app.location().pathname).toBe('/login'));
    expect(new URLSearchParams(app.location().search).get('next')).toBe(
      '/clusters?region=eu-west-1',
    );
  });
});

describe('SignInPage with SSO', () => {
  it('offers "Sign in with <provider>" next to the password form, keeping ?next=', async () => {
    stubFetch({
      'GET /api/session': signedOut,
      'GET /api/auth/providers': () => json({ local: true, sso: { name: 'Okta' } }),
    });
    renderApp('/login?next=%2Faudit');
    const link = await screen.findByRole('link', { name: 'Sign in with Okta' });
    expect(link).toHaveAttribute('href', '/api/auth/oidc/login?next=%2Faudit');
    expect(screen.getByLabelText('User name')).toBeInTheDocument();
  });

  it('shows only the SSO way in when password sign-in is off', async () => {
    stubFetch({
      'GET /api/session': signedOut,
      'GET /api/auth/providers': () => json({ local: false, sso: { name: 'Okta' } }),
    });
    renderApp('/login');
    expect(await screen.findByRole('link', { name: 'Sign in with Okta' })).toBeInTheDocument();
    expect(screen.queryByLabelText('User name')).not.toBeInTheDocument();
  });

  it('explains a refused SSO sign-in of a user whose groups map to no role', async () => {
    stubFetch({ 'GET /api/session': signedOut });
    renderApp('/login/refused?reason=no-role&user=nemo');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /signed you in as nemo, but none of your groups is mapped to a Wheelhouse role/,
    );
    expect(screen.getByRole('link', { name: 'Back to sign-in' })).toHaveAttribute('href', '/login');
  });

  it('says when the identity provider could not be reached, with the reason', async () => {
    stubFetch({ 'GET /api/session': signedOut });
    renderApp('/login/refused?reason=unavailable&detail=connect%20ECONNREFUSED');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The identity provider could not be reached (connect ECONNREFUSED). Try again later.',
    );
  });
});
