import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ColumnDef } from '@tanstack/react-table';
import { describe, expect, it, vi } from 'vitest';
import { ResourceListBody } from './ResourceListBody.tsx';

interface Item {
  name: string;
}

const columns: ColumnDef<Item, unknown>[] = [
  { id: 'name', header: 'Name', cell: ({ row }) => row.original.name },
];

function renderBody({
  query = {},
  data = [],
  nameFilter = '',
}: {
  query?: Partial<Parameters<typeof ResourceListBody>[0]['query']>;
  data?: Item[];
  nameFilter?: string;
}) {
  const refetch = vi.fn();
  render(
    <ResourceListBody
      query={{
        isPending: false,
        data: { items: data },
        error: null,
        isFetching: false,
        refetch,
        ...query,
      }}
      plural="gadgets"
      nameFilter={nameFilter}
      emptyText="This cluster has no gadgets."
      label="Gadgets"
      data={data}
      columns={columns}
      getRowId={(item) => item.name}
      sort={{ id: 'name', desc: false }}
      onSortChange={() => {}}
    />,
  );
  return { refetch };
}

describe('ResourceListBody', () => {
  it('says what is loading while the first read runs', () => {
    renderBody({ query: { isPending: true, data: undefined } });
    expect(screen.getByRole('status')).toHaveTextContent('Loading gadgets…');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('names what failed to load and retries on request', async () => {
    const { refetch } = renderBody({ query: { data: undefined, error: new Error('boom') } });
    const alert = screen.getByRole('alert', { name: 'Could not load gadgets' });
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(refetch).toHaveBeenCalledOnce();
  });

  it('says why an unfiltered list is empty', () => {
    renderBody({});
    expect(screen.getByRole('heading', { name: 'No gadgets' })).toBeInTheDocument();
    expect(screen.getByText('This cluster has no gadgets.')).toBeInTheDocument();
  });

  it('says when the name filter hides everything', () => {
    renderBody({ nameFilter: 'zz' });
    expect(screen.getByRole('heading', { name: 'No gadgets match this name' })).toBeInTheDocument();
    expect(screen.getByText('Try a shorter name.')).toBeInTheDocument();
    expect(screen.queryByText('This cluster has no gadgets.')).not.toBeInTheDocument();
  });

  it('shows the rows in a table named by its label', () => {
    renderBody({ data: [{ name: 'alpha' }, { name: 'beta' }] });
    const table = screen.getByRole('table', { name: 'Gadgets' });
    expect(within(table).getByText('alpha')).toBeInTheDocument();
    expect(within(table).getByText('beta')).toBeInTheDocument();
  });
});
