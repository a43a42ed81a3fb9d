import { useEffect, useRef } from 'react';
import { AlertIcon, CheckIcon, CloseIcon, SpinnerIcon } from './Icons.tsx';

/** The resource a change acts on, so its notice can follow the change to its end. */
export type ChangeSubject =
  | { kind: 'nodegroup'; name: string; until: 'settled' | 'gone' }
  | { kind: 'fargate-profile'; name: string; until: 'settled' | 'gone' }
  /** A cluster update (version, logging, endpoint access), followed through its `updateId`. */
  | { kind: 'cluster'; name: string };

/** What the console says after EKS accepted a change. */
export interface ChangeNoticeContent {
  /** The change while it runs ("Updating labels and taints of general-od."). */
  text: string;
  /** The change once EKS finished it ("Labels and taints of general-od updated."). */
  doneText?: string;
  /** The EKS update id, when EKS started one (scaling, labels, version). */
  updateId?: string;
  /** What to watch; without it the notice cannot know the end and stays until dismissed. */
  subject?: ChangeSubject;
}

/** Where a followed change stands. */
export type ChangePhase =
  { state: 'in-progress' } | { state: 'done' } | { state: 'failed'; reason?: string };

/** A finished change's notice goes after this long: long enough to read, short enough not to lie later. */
export const DONE_NOTICE_MS = 6_000;

const TONES = {
  'in-progress': 'border-info-line bg-info-bg text-info-fg',
  done: 'border-success-line bg-success-bg text-success-fg',
  failed: 'border-danger-line bg-danger-bg text-danger-fg',
} as const;

/**
 * The message of a change, announced politely (role="status", named by `label` so two on one page
 * stay distinct). With a `phase` it follows the change: in progress, then done (and gone after
 * DONE_NOTICE_MS) or failed (kept, with EKS's reason, until dismissed).
 */
export function ChangeNotice({
  notice,
  phase,
  onDismiss,
  label = 'Change status',
}: {
  notice: ChangeNoticeContent | null;
  phase?: ChangePhase | undefined;
  onDismiss: () => void;
  label?: string;
}) {
  const state = phase?.state;
  // The page re-renders on every poll with a new callback; the timer must not restart each time.
  const dismiss = useRef(onDismiss);
  useEffect(() => {
    dismiss.current = onDismiss;
  });
  useEffect(() => {
    if (state !== 'done') return;
    const timer = setTimeout(() => dismiss.current(), DONE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [state, notice]);

  // Without a phase the notice only knows that EKS accepted the change.
  const shown = state ?? 'done';
  const text =
    state === 'done'
      ? (notice?.doneText ?? notice?.text)
      : state === 'failed'
        ? `Failed: ${notice?.text ?? ''}`
        : notice?.text;
  const Icon = shown === 'in-progress' ? SpinnerIcon : shown === 'failed' ? AlertIcon : CheckIcon;
  return (
    <div role="status" aria-label={label}>
      {notice && (
        <div className={`flex items-start gap-3 rounded-lg border px-4 py-3 ${TONES[shown]}`}>
          <Icon className="mt-0.5 size-4 shrink-0" />
          <div className="min-w-0 flex-1">
            <p className="font-semibold">
              {text}
              {state === 'in-progress' && <span className="font-normal"> In progress…</span>}
            </p>
            {phase?.state === 'failed' && phase.reason && (
              <p className="mt-0.5 text-fg">{phase.reason}</p>
            )}
            {notice.updateId && (
              <p className="mt-0.5 text-fg">
                EKS update <code className="text-xs break-all">{notice.updateId}</code>
              </p>
            )}
          </div>
          <button
            type="button"
            className="btn-ghost h-7 px-1.5"
            aria-label="Dismiss"
            onClick={onDismiss}
          >
            <CloseIcon />
          </button>
        </div>
      )}
    </div>
  );
}
