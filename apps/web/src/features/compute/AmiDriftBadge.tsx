import type { AmiDrift } from '@wheelhouse/contract';
import { Chip } from '../../components/Chip.tsx';
import { formatDate } from '../../components/dateFormat.ts';
import type { Tone } from '../../components/statusTone.ts';
import { TruncatedText } from '../../components/TruncatedText.tsx';

/** Past this many days behind, a node group's AMI misses enough security fixes to show red. */
export const AMI_RED_AFTER_DAYS = 90;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** What the badge says and how it is tinted. */
export function amiDriftLabel(drift: AmiDrift): { text: string; tone: Tone } {
  if (drift.status === 'latest') return { text: 'latest', tone: 'success' };
  if (drift.status === 'unknown') return { text: 'unknown', tone: 'neutral' };
  const days = drift.daysBehind ?? 0;
  return {
    text: `${plural(drift.releasesBehind ?? 0, 'release')} / ${plural(days, 'day')} behind`,
    tone: days > AMI_RED_AFTER_DAYS ? 'danger' : 'warning',
  };
}

function latestTitle(drift: AmiDrift): string {
  if (drift.status === 'unknown') return drift.reason ?? 'No published release to compare with.';
  if (!drift.latestReleaseVersion) return 'Latest release unknown';
  const released = drift.latestReleasedAt
    ? ` (released ${formatDate(drift.latestReleasedAt)})`
    : '';
  return `Latest release: ${drift.latestReleaseVersion}${released}`;
}

/** A node group's AMI release with how far it lags the newest one AWS publishes. */
export function AmiDriftCell({
  releaseVersion,
  drift,
}: {
  releaseVersion?: string | undefined;
  drift?: AmiDrift | undefined;
}) {
  const release = releaseVersion ?? drift?.releaseVersion;
  const label = drift ? amiDriftLabel(drift) : undefined;
  return (
    <div className="flex min-w-0 flex-col items-start gap-0.5 leading-tight">
      {release ? (
        <TruncatedText text={release} copy className="w-full font-mono text-xs" />
      ) : (
        <span className="text-xs text-fg-muted">—</span>
      )}
      {label && drift ? (
        <Chip tone={label.tone} title={latestTitle(drift)}>
          {label.text}
        </Chip>
      ) : (
        <span className="text-xs text-fg-muted" title="AMI releases could not be read">
          drift not known
        </span>
      )}
    </div>
  );
}
