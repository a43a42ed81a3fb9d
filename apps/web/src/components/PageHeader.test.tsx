import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Breadcrumb, ResourcePageHeader } from './PageHeader.tsx';

describe('Breadcrumb', () => {
  it('links each level above the page and marks the page itself as current', () => {
    render(
      <MemoryRouter>
        <Breadcrumb
          trail={[{ label: 'Settings' }, { label: 'Clusters', to: '/clusters' }]}
          current="prod-web"
        />
      </MemoryRouter>,
    );
    const trail = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(trail).getByText('Settings')).not.toHaveAttribute('href');
    expect(within(trail).getByRole('link', { name: 'Clusters' })).toHaveAttribute(
      'href',
      '/clusters',
    );
    expect(within(trail).getByText('prod-web')).toHaveAttribute('aria-current', 'page');
    expect(trail).toHaveTextContent('Settings/Clusters/prod-web');
  });
});

describe('ResourcePageHeader', () => {
  it('makes the resource name the page heading, with what the page puts beside it', () => {
    render(
      <MemoryRouter>
        <ResourcePageHeader trail={[{ label: 'Clusters', to: '/clusters' }]} name="prod-web">
          <button type="button">Refresh</button>
        </ResourcePageHeader>
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'prod-web' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeInTheDocument();
  });
});
