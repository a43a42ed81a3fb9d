import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ClusterDetail } from '@wheelhouse/contract';
import {
  CLUSTER_PAGE,
  compute,
  computePageHandlers,
  fargateProfile,
} from '../../test/computeFixtures.ts';
import { stubFetch } from '../../test/fetchStub.ts';
import { operatorSession } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { ResourcePageHeader } from '../../components/PageHeader.tsx';
import { LabelTaintChips } from '../compute/LabelTaintChips.tsx';
import { TagChips } from './TagChips.tsx';
import { TagsSection } from './detail/TagsSection.tsx';

// What AWS may hand back: a tag, a label and a taint whose text an override would reorder.
const SPOOFED = 'prod\u202Edorp';

describe('names, tags, labels and taints from AWS', () => {
  it('show a bidirectional override as a visible ⟨U+202E⟩ in the tag chips and tags table', () => {
    render(<TagChips tags={{ env: SPOOFED }} />);
    expect(screen.getByText('⟨U+202E⟩')).toBeInTheDocument();
    expect(screen.getByTitle('env=prod⟨U+202E⟩dorp')).toBeInTheDocument();

    render(
      <TagsSection cluster={{ tags: { [`own\u2066er`]: SPOOFED } } as unknown as ClusterDetail} />,
    );
    const table = screen.getByRole('table', { name: 'Tags' });
    expect(table).toHaveTextContent('own⟨U+2066⟩er');
    expect(table).toHaveTextContent('prod⟨U+202E⟩dorp');
    expect(table.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('show them in labels and taints', () => {
    render(
      <LabelTaintChips
        labels={{ team: SPOOFED }}
        taints={[{ key: 'dedicated', value: `gpu\u2067`, effect: 'NO_SCHEDULE' }]}
      />,
    );
    expect(screen.getByRole('list', { name: 'Labels' })).toHaveTextContent('team=prod⟨U+202E⟩dorp');
    expect(screen.getByRole('list', { name: 'Taints' })).toHaveTextContent('gpu⟨U+2067⟩');
  });

  it('show them in a resource page heading such as a cluster name', () => {
    render(
      <MemoryRouter>
        <ResourcePageHeader trail={[]} name={`pay\u202Dments`} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('pay⟨U+202D⟩ments');
  });

  it('show them in a Fargate profile selector', async () => {
    stubFetch(
      computePageHandlers(
        operatorSession,
        compute({
          fargateProfiles: [
            fargateProfile({
              name: 'batch',
              selectors: [{ namespace: 'jobs\u202E', labels: { tier: 'batch' } }],
            }),
          ],
        }),
      ),
    );
    renderApp(`${CLUSTER_PAGE}?tab=compute`);
    const table = await screen.findByRole('table', { name: 'Fargate profiles' });
    const selectors = within(table).getByRole('listitem', { name: /^namespace jobs⟨U\+202E⟩/ });
    expect(selectors).toHaveTextContent('ns: jobs⟨U+202E⟩');
    expect(selectors.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});
