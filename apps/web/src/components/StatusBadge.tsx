import { TONE_CHIP_CLASSES, TONE_DOT_CLASSES, statusInProgress, statusTone } from './statusTone.ts';

/** "UPDATING" → "Updating", "CREATE_FAILED" → "Create failed", "InProgress" → "In progress". */
export function statusLabel(status: string): string {
  // EKS update statuses are CamelCase, everything else SCREAMING_SNAKE: split both into words.
  const words = status
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An EKS update type in words: "VersionUpdate" → "Version update" (the same split as statuses). */
export function updateTypeLabel(type: string): string {
  return statusLabel(type);
}

/** A resource status as a coloured badge; in-progress states pulse (unless reduced motion is asked for). */
export function StatusBadge({ status }: { status: string }) {
  const tone = statusTone(status);
  return (
    <span
      data-status={status}
      className={`inline-flex items-center gap-1.5 rounded-full border px-2 py-px text-xs leading-4 font-medium whitespace-nowrap ${TONE_CHIP_CLASSES[tone]}`}
    >
      <span
        aria-hidden="true"
        className={`size-2 shrink-0 rounded-full ${TONE_DOT_CLASSES[tone]} ${statusInProgress(status) ? 'wh-pulse' : ''}`}
      />
      {statusLabel(status)}
    </span>
  );
}
