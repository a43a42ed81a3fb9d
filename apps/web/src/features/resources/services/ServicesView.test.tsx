import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubEventSource } from '../../../test/eventSourceStub.ts';
import { json, stubFetch } from '../../../test/fetchStub.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import {
  K8S_API,
  resourcesHandlers,
  resourcesPage,
  service,
} from '../../../test/workloadFixtures.ts';

describe('Services view', () => {
  it('shows type, cluster IP, external address, ports and selector', async () => {
    stubEventSource();
    const seen = stubFetch({
      ...resourcesHandlers(),
      [`GET ${K8S_API}/services`]: () =>
        json({
          items: [
            service({
              name: 'shop-lb',
              type: 'LoadBalancer',
              externalAddress: 'a1b2c3.elb.eu-west-1.amazonaws.com',
              ports: ['443:31443/TCP → 8443'],
            }),
          ],
        }),
    });
    renderApp(resourcesPage('services', '&ns=shop'));
    const table = await screen.findByRole('table', { name: 'Services' });
    const row = within(table).getByText('shop-lb').closest('tr')!;
    expect(row).toHaveTextContent('LoadBalancer');
    expect(row).toHaveTextContent('10.100.12.7');
    expect(row).toHaveTextContent('a1b2c3.elb.eu-west-1.amazonaws.com');
    expect(row).toHaveTextContent('443:31443/TCP → 8443');
    expect(within(row).getByRole('list', { name: 'Selector' })).toHaveTextContent('app=web');
    expect(
      seen.find((r) => r.path === `${K8S_API}/services`)?.url.searchParams.get('namespace'),
    ).toBe('shop');
  });
});
