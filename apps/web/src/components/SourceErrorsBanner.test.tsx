import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SourceError } from '@wheelhouse/contract';
import { sources } from '../test/fixtures.ts';
import { SourceErrorsBanner } from './SourceErrorsBanner.tsx';

const accessDenied: SourceError = {
  accountId: '222222222222',
  region: 'us-east-1',
  code: 'AccessDeniedException',
  message:
    'User: arn:aws:sts::222222222222:assumed-role/Wheelhouse/console is not authorized to perform: eks:ListClusters on resource: arn:aws:eks:us-east-1:222222222222:cluster/*',
};

describe('SourceErrorsBanner', () => {
  it('names each failed account and region, with the AWS code and message verbatim', () => {
    render(
      <SourceErrorsBanner
        errors={[
          accessDenied,
          {
            accountId: '333333333333',
            region: 'eu-west-1',
            code: 'ThrottlingException',
            message: 'Rate exceeded',
          },
        ]}
        sources={sources}
      />,
    );
    const banner = screen.getByRole('alert', { name: /2 sources could not be read/ });
    const [first, second] = within(banner).getAllByRole('listitem');
    expect(first).toHaveTextContent('staging (222222222222) · us-east-1');
    expect(first).toHaveTextContent('AccessDeniedException');
    expect(first).toHaveTextContent(accessDenied.message);
    // An account missing from the configuration is named by its id.
    expect(second).toHaveTextContent('333333333333 · eu-west-1');
    expect(second).toHaveTextContent('Rate exceeded');
  });

  it('names the cluster when only one cluster could not be described', () => {
    render(
      <SourceErrorsBanner
        errors={[
          {
            accountId: '111111111111',
            region: 'eu-west-1',
            cluster: 'prod-db',
            code: 'TimeoutError',
            message: 'timed out',
          },
        ]}
        sources={sources}
      />,
    );
    expect(screen.getByRole('alert', { name: /1 source could not be read/ })).toHaveTextContent(
      'production (111111111111) · eu-west-1 · cluster prod-db',
    );
  });

  it('renders nothing when every source answered', () => {
    const { container } = render(<SourceErrorsBanner errors={[]} sources={sources} />);
    expect(container).toBeEmptyDOMElement();
  });
});
