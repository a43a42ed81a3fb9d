import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createQueryClient } from '../api/queryClient.ts';
import { routes } from '../routes.tsx';

/**
 * Renders the real app (routes, guards, pages) at `url` with a fresh QueryClient that never
 * retries. Returns the router, so tests can read the URL the app ends up on.
 */
export function renderApp(url: string) {
  const queryClient = createQueryClient({ queries: { retry: false } });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  const location = () => router.state.location;
  return { ...view, router, queryClient, location };
}
