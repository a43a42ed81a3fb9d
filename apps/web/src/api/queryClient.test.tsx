import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { problem, stubFetch } from '../test/fetchStub.ts';
import { operatorSession } from '../test/fixtures.ts';
import { ApiError } from './client.ts';
import { clustersQueryOptions } from './clusters.ts';
import { createQueryClient, shouldRetry } from './queryClient.ts';
import { queryKeys } from './queryKeys.ts';

describe('shouldRetry', () => {
  it.each([400, 401, 403, 404, 429])('never retries a %i', (status) => {
    expect(shouldRetry(0, new ApiError(status, undefined))).toBe(false);
  });

  it('retries server errors and lost connections once', () => {
    expect(shouldRetry(0, new ApiError(503, undefined))).toBe(true);
    expect(shouldRetry(0, new ApiError(0, undefined))).toBe(true);
    expect(shouldRetry(1, new ApiError(500, undefined))).toBe(false);
  });
});

describe('createQueryClient', () => {
  it('ends the session when any query answers 401', async () => {
    stubFetch({ 'GET /api/clusters': () => problem(401, 'Unauthorized', 'Sign in first.') });
    const queryClient = createQueryClient({ queries: { retry: false } });
    queryClient.setQueryData(queryKeys.session(), operatorSession);

    function Clusters() {
      const clusters = useQuery(clustersQueryOptions());
      return <p>{clusters.status}</p>;
    }
    render(
      <QueryClientProvider client={queryClient}>
        <Clusters />
      </QueryClientProvider>,
    );
    await screen.findByText('error');
    await waitFor(() => expect(queryClient.getQueryData(queryKeys.session())).toBeNull());
  });

  it('leaves the session alone on a 403', async () => {
    stubFetch({ 'GET /api/clusters': () => problem(403, 'Forbidden') });
    const queryClient = createQueryClient({ queries: { retry: false } });
    queryClient.setQueryData(queryKeys.session(), operatorSession);
    await queryClient.prefetchQuery(clustersQueryOptions());
    expect(queryClient.getQueryData(queryKeys.session())).toEqual(operatorSession);
  });
});
