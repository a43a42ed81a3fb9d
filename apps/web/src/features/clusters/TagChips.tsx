import { Chip } from '../../components/Chip.tsx';
import { tagPairs } from '../../components/clusterDisplay.ts';
import { visibleControls, visibleControlsText } from '../../components/VisibleControls.tsx';

/** The first few tags as chips and "+n" for the rest; every tag is in the tooltip and for screen readers. */
export function TagChips({ tags, max = 2 }: { tags: Record<string, string>; max?: number }) {
  const pairs = tagPairs(tags);
  if (pairs.length === 0) return <span className="text-fg-muted">—</span>;
  const shown = pairs.slice(0, max);
  const rest = pairs.slice(max);
  return (
    <span
      className="flex max-h-10 min-w-0 flex-wrap items-center gap-x-1 gap-y-0.5 overflow-hidden"
      title={visibleControlsText(pairs.join('\n'))}
    >
      {shown.map((pair) => (
        <Chip key={pair} className="font-normal">
          {visibleControls(pair)}
        </Chip>
      ))}
      {rest.length > 0 && (
        <Chip className="shrink-0">
          +{rest.length}
          <span className="sr-only"> more: {visibleControlsText(rest.join(', '))}</span>
        </Chip>
      )}
    </span>
  );
}
