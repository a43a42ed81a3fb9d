import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Condition } from '@wheelhouse/contract';
import { ConditionChips } from './ConditionChips.tsx';

const CONDITIONS: Condition[] = [
  { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
  { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
  { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' },
];

// jsdom lays nothing out; a cut row is one whose content is wider than its box.
function layOut(contentWidth: number, boxWidth: number): void {
  Object.defineProperty(HTMLElement.prototype, 'scrollWidth', {
    configurable: true,
    get: () => contentWidth,
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get: () => boxWidth,
  });
}
const original = {
  scrollWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'scrollWidth'),
  clientWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
};
afterEach(() => {
  for (const [name, descriptor] of Object.entries(original)) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
    else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
  }
});

describe('ConditionChips on one line', () => {
  it('when the cell cuts them, can be focused and shows every condition with its reason', async () => {
    layOut(400, 150);
    const user = userEvent.setup();
    render(<ConditionChips conditions={CONDITIONS} nowrap />);
    await user.tab();
    expect(screen.getByRole('list', { name: 'Conditions' })).toHaveFocus();
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent('Available: MinimumReplicasAvailable');
    expect(tooltip).toHaveTextContent('Progressing: NewReplicaSetAvailable');
    expect(tooltip).toHaveTextContent('ReplicaFailure: FailedCreate');
  });

  it('adds no stop and no tooltip when they fit', async () => {
    layOut(100, 150);
    const user = userEvent.setup();
    render(<ConditionChips conditions={CONDITIONS} nowrap />);
    expect(screen.getByRole('list', { name: 'Conditions' })).not.toHaveAttribute('tabindex');
    await user.tab();
    expect(document.body).toHaveFocus();
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});
