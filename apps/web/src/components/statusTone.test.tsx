import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusBadge, statusLabel } from './StatusBadge.tsx';
import { statusInProgress, statusTone } from './statusTone.ts';

describe('statusTone', () => {
  it.each([
    ['ACTIVE', 'success'],
    ['CREATING', 'info'],
    ['UPDATING', 'info'],
    ['DELETING', 'warning'],
    ['FAILED', 'danger'],
    ['PENDING', 'pending'],
  ] as const)('gives cluster status %s the %s tone', (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });

  it('maps the node group and update vocabularies onto the same tones', () => {
    expect(statusTone('CREATE_FAILED')).toBe('danger');
    expect(statusTone('DEGRADED')).toBe('danger');
    expect(statusTone('InProgress')).toBe('info');
    expect(statusTone('Successful')).toBe('success');
  });

  it('falls back to neutral for a status it does not know', () => {
    expect(statusTone('SOMETHING_NEW')).toBe('neutral');
  });

  it('marks only creating and updating as in progress', () => {
    expect(statusInProgress('CREATING')).toBe(true);
    expect(statusInProgress('UPDATING')).toBe(true);
    expect(statusInProgress('ACTIVE')).toBe(false);
    expect(statusInProgress('DELETING')).toBe(false);
  });
});

describe('StatusBadge', () => {
  it('shows the status as words with the tone colours and a pulsing dot while in progress', () => {
    render(<StatusBadge status="UPDATING" />);
    const badge = screen.getByText('Updating');
    expect(badge).toHaveClass('bg-info-bg', 'text-info-fg');
    expect(badge.querySelector('.wh-pulse')).not.toBeNull();
  });

  it('labels multi-word statuses readably', () => {
    expect(statusLabel('CREATE_FAILED')).toBe('Create failed');
    expect(statusLabel('InProgress')).toBe('In progress');
    expect(statusLabel('Successful')).toBe('Successful');
  });
});
