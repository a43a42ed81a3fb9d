import { CheckIcon, CloseIcon } from './Icons.tsx';

/** What the console says after EKS accepted a change; stays until dismissed or replaced. */
export interface ChangeNoticeContent {
  text: string;
  /** The EKS update id, when EKS started one (scaling, labels, version). */
  updateId?: string;
}

/**
 * The success message of a change, announced politely (role="status", named by `label` so two
 * on one page stay distinct).
 */
export function ChangeNotice({
  notice,
  onDismiss,
  label = 'Change status',
}: {
  notice: ChangeNoticeContent | null;
  onDismiss: () => void;
  label?: string;
}) {
  return (
    <div role="status" aria-label={label}>
      {notice && (
        <div className="flex items-start gap-3 rounded-lg border border-success-line bg-success-bg px-4 py-3 text-success-fg">
          <CheckIcon className="mt-0.5 size-4 shrink-0" />
          <div className="min-w-0 flex-1">
            <p className="font-semibold">{notice.text}</p>
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
