import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { ClusterRef, PodDetail } from '@wheelhouse/contract';
import { podLogUrl } from '../../../api/workloads.ts';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { ProblemDetails } from '../../../components/ProblemDetails.tsx';
import { usePodLog, type PodLogState } from './usePodLog.ts';

export const TAIL_CHOICES = [100, 500, 2000] as const;
// Within this many pixels of the end counts as "at the bottom" (sub-pixel scroll positions).
const BOTTOM_SLACK_PX = 24;

function downloadText(text: string, fileName: string) {
  const href = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 0);
}

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
      return 'Could not read the log';
  }
}

/**
 * A container's log: container picker, tail length, Follow (streams new lines as they are
 * written) and Previous container (the log of the instance before the last restart), a download
 * of what is shown. While following it keeps the newest line in view, and pauses that when the
 * user scrolls up to read.
 */
export function LogsPanel({ clusterRef, pod }: { clusterRef: ClusterRef; pod: PodDetail }) {
  const containers = pod.containerDetails;
  const firstApp = containers.find((c) => !c.init) ?? containers[0];
  const [container, setContainer] = useState(firstApp?.name ?? '');
  const [tailLines, setTailLines] = useState<number>(500);
  const [follow, setFollow] = useState(false);
  const [previous, setPrevious] = useState(false);
  const [reload, setReload] = useState(0);
  const [stick, setStick] = useState(true);
  const logRef = useRef<HTMLPreElement>(null);
  const hintId = useId();

  const selected = containers.find((c) => c.name === container);
  const hasPrevious = (selected?.restarts ?? 0) > 0;
  const url = podLogUrl(clusterRef, pod.namespace, pod.name, {
    container,
    tailLines,
    previous: previous && hasPrevious,
    follow: follow && !previous,
  });
  const state = usePodLog(url, reload);
  const following = follow && !previous;

  // A new log starts at its end again.
  useLayoutEffect(() => setStick(true), [url, reload]);
  useLayoutEffect(() => {
    const element = logRef.current;
    if (element && stick) element.scrollTop = element.scrollHeight;
  }, [state.log, stick]);

  const onScroll = () => {
    const element = logRef.current;
    if (!element) return;
    const atBottom =
      element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK_PX;
    setStick(atBottom);
  };

  const text = state.log.lines.join('\n');
  const fileName = `${pod.name}_${container}${previous ? '_previous' : ''}.log`;

  return (
    <section aria-label="Logs" className="flex flex-col gap-3">
      <h2 className="text-base font-semibold">Logs</h2>
      <div role="group" aria-label="Log options" className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <span className="font-medium">Container</span>
          <select
            className="input"
            value={container}
            onChange={(event) => {
              setContainer(event.target.value);
              setPrevious(false);
            }}
          >
            {containers.map((c) => (
              <option key={c.name} value={c.name}>
                {c.init ? `${c.name} (init)` : c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <span className="font-medium">Tail lines</span>
          <select
            className="input"
            value={tailLines}
            onChange={(event) => setTailLines(Number(event.target.value))}
          >
            {TAIL_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice.toLocaleString('en')}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            role="switch"
            className="size-4 accent-accent"
            checked={following}
            disabled={previous}
            onChange={(event) => setFollow(event.target.checked)}
          />
          <span className="font-medium">Follow</span>
        </label>
        <label
          className="flex items-center gap-2 text-sm"
          title={
            hasPrevious
              ? undefined
              : 'This container has not restarted, so there is no previous log'
          }
        >
          <input
            type="checkbox"
            className="size-4 accent-accent"
            checked={previous && hasPrevious}
            disabled={!hasPrevious}
            aria-describedby={hintId}
            onChange={(event) => setPrevious(event.target.checked)}
          />
          <span className="font-medium">Previous container</span>
        </label>
        <span id={hintId} className="sr-only">
          {hasPrevious
            ? `The log of ${container} before its last restart.`
            : `${container} has not restarted, so there is no previous log.`}
        </span>
        <button type="button" className="btn-secondary" onClick={() => setReload((n) => n + 1)}>
          Reload
        </button>
        <button
          type="button"
          className="btn-secondary"
          disabled={state.log.lines.length === 0}
          onClick={() => downloadText(`${text}\n`, fileName)}
        >
          Download log
        </button>
      </div>
      <div className="flex flex-wrap items-center gap-3 text-xs text-fg-muted">
        <p role="status" data-state={state.status}>
          {statusText(state, following)}
        </p>
        {following && !stick && (
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
      {state.status === 'error' && (
        <ErrorBanner title="Could not read the log" onRetry={() => setReload((n) => n + 1)}>
          <ProblemDetails error={state.error} />
        </ErrorBanner>
      )}
      <pre
        ref={logRef}
        role="log"
        aria-label={`Log of ${container}${previous ? ' (previous container)' : ''}`}
        aria-live="off"
        tabIndex={0}
        onScroll={onScroll}
        className="card h-[32rem] overflow-auto p-3 font-mono text-xs leading-5 whitespace-pre-wrap break-all"
      >
        {text ||
          (state.status === 'done' ? (
            <span className="text-fg-muted">The log is empty.</span>
          ) : null)}
      </pre>
    </section>
  );
}
