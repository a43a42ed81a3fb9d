import type { Taint } from '@wheelhouse/contract';
import { Chip } from '../../components/Chip.tsx';
import { labelPairs, taintText } from './computeDisplay.ts';
import { visibleControls, visibleControlsText } from '../../components/VisibleControls.tsx';

/** The word that tells a label from a taint without its colour. */
function Kind({ children }: { children: string }) {
  return (
    <span className="font-sans text-[0.65rem] font-semibold uppercase opacity-80">{children}</span>
  );
}

/**
 * Kubernetes labels (neutral) and taints (amber: they keep pods away) as chips, named lists so
 * they read as "Labels" and "Taints"; each chip also says which it is in words, since colour alone
 * does not tell them apart. Nothing at all reads "—".
 */
export function LabelTaintChips({
  labels,
  taints,
}: {
  labels: Record<string, string>;
  taints: Taint[];
}) {
  const pairs = labelPairs(labels);
  if (pairs.length === 0 && taints.length === 0) return <span className="text-fg-muted">—</span>;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      {pairs.length > 0 && (
        <ul aria-label="Labels" className="flex flex-wrap gap-1">
          {pairs.map((pair) => (
            <li key={pair} className="max-w-full">
              <Chip className="font-mono font-normal" title={`Label ${visibleControlsText(pair)}`}>
                <Kind>label</Kind>
                {visibleControls(pair)}
              </Chip>
            </li>
          ))}
        </ul>
      )}
      {taints.length > 0 && (
        <ul aria-label="Taints" className="flex flex-wrap gap-1">
          {taints.map((taint) => (
            <li key={taintText(taint)} className="max-w-full">
              <Chip
                tone="warning"
                className="font-mono font-normal"
                title={visibleControlsText(`Taint ${taintText(taint)}`)}
              >
                <Kind>taint</Kind>
                {visibleControls(taintText(taint))}
              </Chip>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
