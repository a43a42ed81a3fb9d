import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from './api/queryClient.ts';
import { sessionQueryOptions } from './api/session.ts';
import { routes } from './routes.tsx';
import './index.css';

const queryClient = createQueryClient();
// Ask for the session while the first route's code loads.
void queryClient.prefetchQuery(sessionQueryOptions());
const router = createBrowserRouter(routes);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
