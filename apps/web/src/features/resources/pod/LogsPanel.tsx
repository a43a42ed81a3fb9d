import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ClusterRef, PodDetail } from '@wheelhouse/contract';
import { podLogUrl } from '../../../api/workloads.ts';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { ProblemDetails } from '../../../components/ProblemDetails.tsx';
import { LogOptions, type LogSettings } from './LogOptions.tsx';
import { LogSearch } from './LogSearch.tsx';
import { LogText } from './LogText.tsx';
import { notStartedReason, retryMayHelp } from './logAvailability.ts';
import { findLogMatches } from './logSearch.ts';
import { usePodLog, type PodLogState } from './usePodLog.ts';

// Within this many pixels of the end counts as "at the bottom" (sub-pixel scroll positions).
const BOTTOM_SLACK_PX = 24;

function statusText(state: PodLogState, follow: boolean): string {
  const lines = `${state.log.lines.length.toLocaleString('en')} ${state.log.lines.length === 1 ? 'line' : 'lines'}`;
  switch (state.status) {
    case 'loading':
      return follow ? 'Connecting to the log stream…' : 'Loading log…';
    case 'streaming':
      return follow ? `Following · ${lines}` : `Loading · ${lines}`;
    case 'done':
      return follow ? `Stream ended · ${lines}` : lines;
    case 'error':
      // The banner below says what went wrong; this line only keeps what was read.
      return state.log.lines.length > 0 ? `Stopped · ${lines}` : '';
  }
}

/**
 * A container's log: container picker, tail length, Follow (streams new lines as they are
 * written), Previous container, timestamps (Kubernetes `timestamps=true`), line wrap, search
 * that marks every match and jumps between them, and a download of what is shown. While
 * following it keeps the newest line in view, and pauses that when the user scrolls up to read
 * or jumps to a match.
 */
export function LogsPanel({ clusterRef, pod }: { clusterRef: ClusterRef; pod: PodDetail }) {
  const containers = pod.containerDetails;
  const firstApp = containers.find((c) => !c.init) ?? containers[0];
  const [settings, setSettings] = useState<LogSettings>({
    container: firstApp?.name ?? '',
    tailLines: 500,
    follow: false,
    previous: false,
    timestamps: false,
    wrap: true,
  });
  const [reload, setReload] = useState(0);
  const [stick, setStick] = useState(true);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const logRef = useRef<HTMLPreElement>(null);
  const notStartedId = useId();

  const { container } = settings;
  const selected = containers.find((c) => c.name === container);
  const hasPrevious = (selected?.restarts ?? 0) > 0;
  const previous = settings.previous && hasPrevious;
  const following = settings.follow && !previous;
  const notStarted = previous ? undefined : notStartedReason(selected);
  const url = podLogUrl(clusterRef, pod.namespace, pod.name, {
    container,
    tailLines: settings.tailLines,
    previous,
    follow: following,
    timestamps: settings.timestamps,
  });
  const state = usePodLog(notStarted ? null : url, reload);
  const matches = useMemo(() => findLogMatches(state.log.lines, query), [state.log.lines, query]);
  const currentMatch = matches.length === 0 ? 0 : Math.min(current, matches.length - 1);

  // A new log starts at its end again.
  useLayoutEffect(() => setStick(true), [url, reload]);
  useLayoutEffect(() => {
    const element = logRef.current;
    if (element && stick) element.scrollTop = element.scrollHeight;
  }, [state.log, stick]);
  useLayoutEffect(() => {
    const mark = logRef.current?.querySelector<HTMLElement>('mark[data-current]');
    // jsdom has no scrollIntoView; browsers do.
    mark?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
  }, [currentMatch, query]);

  const onScroll = () => {
    const element = logRef.current;
    if (!element) return;
    const atBottom =
      element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK_PX;
    setStick(atBottom);
  };
  const step = (by: 1 | -1) => {
    // Reading a match is reading further up: the stream must not pull the view away from it.
    setStick(false);
    setCurrent((currentMatch + by + matches.length) % matches.length);
  };

  const text = state.log.lines.join('\n');
  const fileName = `${pod.name}_${container}${previous ? '_previous' : ''}.log`;

  return (
    <section aria-label="Logs" className="flex flex-col gap-3">
      <h2 className="text-base font-semibold">Logs</h2>
      <LogOptions
        containers={containers}
        settings={settings}
        hasPrevious={hasPrevious}
        onChange={(next) => setSettings((now) => ({ ...now, ...next }))}
        onReload={() => setReload((n) => n + 1)}
        download={state.log.lines.length === 0 ? undefined : { text: `${text}\n`, fileName }}
      />
      <LogSearch
        query={query}
        onQueryChange={(next) => {
          setQuery(next);
          setCurrent(0);
        }}
        count={matches.length}
        current={currentMatch}
        onStep={step}
      />
      <div className="flex flex-wrap items-center gap-3 text-xs text-fg-muted">
        <p role="status" data-state={notStarted ? 'not-started' : state.status}>
          {notStarted ? '' : statusText(state, following)}
        </p>
        {following && !stick && !notStarted && (
          <>
            <span className="font-medium text-warning-fg">Auto-scroll paused</span>
            <button
              type="button"
              className="btn-ghost h-6 px-2 text-xs text-link"
              onClick={() => setStick(true)}
            >
              Resume auto-scroll
            </button>
          </>
        )}
      </div>
      {!notStarted && state.status === 'error' && (
        <ErrorBanner
          title="Could not read the log"
          {...(retryMayHelp(state.error) ? { onRetry: () => setReload((n) => n + 1) } : {})}
        >
          <ProblemDetails error={state.error} />
        </ErrorBanner>
      )}
      <pre
        ref={logRef}
        role="log"
        aria-label={`Log of ${container}${previous ? ' (previous container)' : ''}`}
        aria-describedby={notStarted ? notStartedId : undefined}
        aria-live="off"
        tabIndex={0}
        onScroll={onScroll}
        data-wrap={settings.wrap}
        className={`card h-[70vh] min-h-80 overflow-auto p-3 font-mono text-xs leading-5 ${
          settings.wrap ? 'whitespace-pre-wrap break-all' : 'whitespace-pre'
        }`}
      >
        {notStarted ? (
          <span id={notStartedId} className="font-sans text-sm text-fg-muted">
            Container not started ({notStarted}): no logs yet. The log appears here once it runs.
          </span>
        ) : text ? (
          <LogText lines={state.log.lines} matches={matches} current={currentMatch} />
        ) : state.status === 'done' ? (
          <span className="text-fg-muted">The log is empty.</span>
        ) : null}
      </pre>
    </section>
  );
}
