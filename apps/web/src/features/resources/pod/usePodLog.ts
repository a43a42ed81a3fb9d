import { useEffect, useState } from 'react';
import { streamPodLog } from '../../../api/workloads.ts';
import { appendLogText, EMPTY_LOG, endLog, type LogBuffer } from './logLines.ts';

/** How far reading a log has got. */
export type LogStatus = 'loading' | 'streaming' | 'done' | 'error';

export interface PodLogState {
  log: LogBuffer;
  status: LogStatus;
  error?: unknown;
}

/**
 * Reads the log at `url` into lines as the text arrives: once (tail), or for as long as the view
 * stays open when following. Changing the URL or unmounting aborts the request, which closes the
 * stream on the server too. A stream is not a snapshot to cache, so this lives outside TanStack
 * Query. `reload` (a counter) reads again; a `url` of null reads nothing.
 */
export function usePodLog(url: string | null, reload: number): PodLogState {
  const [state, setState] = useState<PodLogState>({ log: EMPTY_LOG, status: 'loading' });
  useEffect(() => {
    // Nothing to read (the container has not started): no request that can only be refused.
    if (url === null) {
      setState({ log: EMPTY_LOG, status: 'done' });
      return;
    }
    const abort = new AbortController();
    setState({ log: EMPTY_LOG, status: 'loading' });
    streamPodLog(
      url,
      (text) =>
        setState((current) => ({ log: appendLogText(current.log, text), status: 'streaming' })),
      abort.signal,
    ).then(
      () => {
        if (!abort.signal.aborted) {
          setState((current) => ({ log: endLog(current.log), status: 'done' }));
        }
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setState((current) => ({ ...current, status: 'error', error }));
      },
    );
    return () => abort.abort();
  }, [url, reload]);
  return state;
}
