import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChangeNotice, DONE_NOTICE_MS, type ChangePhase } from './ChangeNotice.tsx';

const notice = {
  text: 'Deleting Fargate profile batch.',
  doneText: 'Fargate profile batch deleted.',
  subject: { kind: 'fargate-profile', name: 'batch', until: 'gone' },
} as const;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function show(phase: ChangePhase) {
  const onDismiss = vi.fn();
  const view = render(<ChangeNotice notice={notice} phase={phase} onDismiss={onDismiss} />);
  return { onDismiss, view };
}

describe('ChangeNotice', () => {
  it('goes by itself once the change is done, however often the page re-renders', () => {
    const { onDismiss, view } = show({ state: 'done' });
    expect(screen.getByRole('status')).toHaveTextContent('Fargate profile batch deleted.');
    act(() => {
      vi.advanceTimersByTime(DONE_NOTICE_MS - 100);
    });
    view.rerender(<ChangeNotice notice={notice} phase={{ state: 'done' }} onDismiss={onDismiss} />);
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('stays while the change runs, and when it failed', () => {
    const running = show({ state: 'in-progress' });
    expect(screen.getByRole('status')).toHaveTextContent(
      'Deleting Fargate profile batch. In progress…',
    );
    act(() => {
      vi.advanceTimersByTime(10 * DONE_NOTICE_MS);
    });
    expect(running.onDismiss).not.toHaveBeenCalled();
    running.view.unmount();

    const failed = show({ state: 'failed', reason: 'AccessDenied: not allowed' });
    expect(screen.getByRole('status')).toHaveTextContent(
      'Failed: Deleting Fargate profile batch.AccessDenied: not allowed',
    );
    act(() => {
      vi.advanceTimersByTime(10 * DONE_NOTICE_MS);
    });
    expect(failed.onDismiss).not.toHaveBeenCalled();
  });
});
