import type { WatchState } from '../../api/kubeWatch.ts';

const TEXT: Record<WatchState['status'], string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  resyncing: 'Reloading list…',
};

/**
 * Whether the view follows the cluster live: a status region named "Live updates" whose text is
 * "Live", "Connecting…", "Reconnecting in 4 s" or "Reloading list…" (`data-state` holds the
 * status). The dot pulses green only while the watch stream is open.
 */
export function LiveIndicator({ state }: { state: WatchState }) {
  const live = state.status === 'live';
  const text =
    state.status === 'reconnecting' && state.retryInMs !== undefined
      ? `Reconnecting in ${Math.ceil(state.retryInMs / 1000)} s`
      : TEXT[state.status];
  return (
    <span
      role="status"
      aria-label="Live updates"
      data-state={state.status}
      title={state.message ? `Watch stream: ${state.message}` : undefined}
      className="inline-flex items-center gap-1.5 text-xs text-fg-muted"
    >
      <span
        aria-hidden="true"
        className={`size-2 rounded-full ${live ? 'wh-pulse bg-success-dot' : 'bg-warning-dot'}`}
      />
      <span className={live ? 'font-medium text-success-fg' : ''}>{text}</span>
    </span>
  );
}
