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
  const text =
    state.status === 'reconnecting' && state.retryInMs !== undefined
      ? `Reconnecting in ${Math.ceil(state.retryInMs / 1000)} s`
      : TEXT[state.status];
  return (
    <LiveStatus
      live={state.status === 'live'}
      state={state.status}
      text={text}
      title={state.message ? `Watch stream: ${state.message}` : undefined}
    />
  );
}

/**
 * The same indicator for a view that polls instead of watching: "Live · every 5 s" while the
 * polls succeed, "Refresh failed · retrying every 5 s" (amber dot) while they fail. Views that
 * watch and views that poll read alike, and each says how fresh it is.
 */
export function PollingIndicator({ everyMs, failing }: { everyMs: number; failing: boolean }) {
  const every = `every ${everyMs / 1000} s`;
  return (
    <LiveStatus
      live={!failing}
      state={failing ? 'failing' : 'live'}
      text={failing ? `Refresh failed · retrying ${every}` : `Live · ${every}`}
      title={failing ? undefined : `Refreshes ${every}`}
    />
  );
}

function LiveStatus({
  live,
  state,
  text,
  title,
}: {
  live: boolean;
  state: string;
  text: string;
  title: string | undefined;
}) {
  return (
    <span
      role="status"
      aria-label="Live updates"
      data-state={state}
      title={title}
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
