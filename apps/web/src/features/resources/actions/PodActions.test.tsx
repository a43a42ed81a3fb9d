import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../api/queryClient.ts';
import { queryKeys } from '../../../api/queryKeys.ts';
import { json, problem, stubFetch } from '../../../test/fetchStub.ts';
import { operatorSession } from '../../../test/fixtures.ts';
import { K8S_API, podDetail } from '../../../test/workloadFixtures.ts';
import { PodActions } from './PodActions.tsx';

const ref = { accountId: '111111111111', region: 'eu-west-1', name: 'prod-web' };

describe('pod actions', () => {
  it('sends the typed name to delete a pod and puts a 400 about it on the name field', async () => {
    const pod = podDetail();
    const path = `${K8S_API}/pods/${pod.namespace}/${pod.name}`;
    const seen = stubFetch({
      'GET /api/session': () => json(operatorSession),
      [`DELETE ${path}`]: () =>
        problem(400, 'Bad Request', 'The request has invalid fields.', {
          errors: [{ field: 'confirmName', message: 'names another pod' }],
        }),
    });
    const queryClient = createQueryClient({ queries: { retry: false } });
    queryClient.setQueryData(queryKeys.session(), operatorSession);
    render(
      <QueryClientProvider client={queryClient}>
        <PodActions clusterRef={ref} pod={pod} />
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete pod' }));
    const dialog = screen.getByRole('dialog', { name: `Delete pod ${pod.name}?` });
    const field = within(dialog).getByLabelText(`Type ${pod.name} to confirm`);
    expect(within(dialog).getByRole('button', { name: 'Delete pod' })).toBeDisabled();
    await user.type(field, pod.name);
    await user.click(within(dialog).getByRole('button', { name: 'Delete pod' }));

    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/names another pod/);
    expect(field).toHaveValue(pod.name);
    expect(seen.filter((r) => r.method === 'DELETE').map((r) => r.body)).toEqual([
      { confirmName: pod.name },
    ]);
  });
});
