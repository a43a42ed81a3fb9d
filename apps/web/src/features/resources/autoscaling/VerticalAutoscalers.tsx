import { resourceOfKind, type AutoscalingView, type Vpa } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import type { Tone } from '../../../components/statusTone.ts';
import { formatResources, sameResources } from '../display/resourceNumbers.ts';
import { filterByName } from '../display/sortRows.ts';
import { ObjectNameLink } from '../objects/ObjectNameLink.tsx';

/** Modes that evict or resize pods are worth noticing; Off only recommends. */
const MODE_TONE: Record<string, Tone> = {
  Off: 'neutral',
  Initial: 'info',
  Recreate: 'warning',
  InPlaceOrRecreate: 'warning',
  Auto: 'warning',
};

const MODE_MEANING: Record<string, string> = {
  Off: 'Recommends only; pods keep their requests',
  Initial: 'Sets requests when pods are created, never evicts',
  Recreate: 'Evicts pods to apply new requests',
  InPlaceOrRecreate: 'Resizes pods in place, evicting when it must',
  Auto: 'Applies new requests, evicting pods when needed',
};

function UpdateModeChip({ mode }: { mode: string }) {
  return (
    <Chip tone={MODE_TONE[mode] ?? 'neutral'} title={MODE_MEANING[mode]}>
      {mode}
    </Chip>
  );
}

const HEADERS = [
  'Namespace',
  'Name',
  'Workload',
  'Update mode',
  'Container',
  'Target',
  'Lower bound',
  'Upper bound',
  'Uncapped',
];

function VpaRows({ vpa }: { vpa: Vpa }) {
  const containers = vpa.containers.length > 0 ? vpa.containers : undefined;
  const span = containers?.length ?? 1;
  const shared = (
    <>
      <td rowSpan={span} className="px-3 py-2 align-top">
        {vpa.namespace}
      </td>
      <td rowSpan={span} className="px-3 py-2 align-top">
        <ObjectNameLink
          resource="verticalpodautoscalers"
          kind="VerticalPodAutoscaler"
          namespace={vpa.namespace}
          name={vpa.name}
          className="font-medium"
        />
      </td>
      <td rowSpan={span} className="px-3 py-2 align-top">
        <span className="text-fg-muted">{vpa.target.kind}/</span>
        <ObjectNameLink
          resource={resourceOfKind(vpa.target.kind)}
          kind={vpa.target.kind}
          namespace={vpa.namespace}
          name={vpa.target.name}
          className="inline"
        />
      </td>
      <td rowSpan={span} className="px-3 py-2 align-top">
        <UpdateModeChip mode={vpa.updateMode} />
      </td>
    </>
  );
  if (!containers) {
    return (
      <tr className="border-t border-line">
        {shared}
        <td colSpan={5} className="px-3 py-2 text-fg-muted">
          No recommendation yet: the recommender has not seen this workload&apos;s pods.
        </td>
      </tr>
    );
  }
  return (
    <>
      {containers.map((container, index) => {
        const capped = !sameResources(container.target, container.uncappedTarget);
        return (
          <tr key={container.container} className="border-t border-line">
            {index === 0 && shared}
            <td className="px-3 py-2">{container.container}</td>
            <td className="px-3 py-2 font-semibold tabular-nums">
              {formatResources(container.target)}
            </td>
            <td className="px-3 py-2 tabular-nums">{formatResources(container.lowerBound)}</td>
            <td className="px-3 py-2 tabular-nums">{formatResources(container.upperBound)}</td>
            <td className="px-3 py-2 tabular-nums">
              {formatResources(container.uncappedTarget)}
              {capped && (
                <span className="block text-xs text-warning-fg">capped by its resource policy</span>
              )}
            </td>
          </tr>
        );
      })}
    </>
  );
}

/** What each VerticalPodAutoscaler recommends per container, or why there is nothing to show. */
export function VerticalAutoscalers({
  view,
  namespace,
  query,
}: {
  view: AutoscalingView;
  /** The namespace filter; empty for all. */
  namespace: string;
  query: string;
}) {
  const rows = filterByName(
    view.verticalAutoscalers.filter((vpa) => !namespace || vpa.namespace === namespace),
    query,
  ).sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  return (
    <section aria-label="Vertical Pod Autoscalers" className="flex flex-col gap-3">
      <h2 className="text-base font-semibold">
        Vertical Pod Autoscalers{' '}
        <span className="font-normal text-fg-muted tabular-nums">({rows.length})</span>
      </h2>
      <p className="max-w-prose text-fg-muted">
        Each one recommends CPU and memory requests for a workload&apos;s containers from what they
        use; its update mode says whether it also applies them.
      </p>
      {view.verticalAutoscalersHidden ? (
        <ErrorBanner title="Vertical Pod Autoscalers are hidden from you" tone="warning">
          <p className="break-words">{view.verticalAutoscalersHidden}</p>
        </ErrorBanner>
      ) : !view.vpaInstalled ? (
        <p className="card px-4 py-6 text-center text-fg-muted">
          VPA is not installed on this cluster (it has no VerticalPodAutoscaler CRD).
        </p>
      ) : rows.length === 0 ? (
        <p className="card px-4 py-6 text-center text-fg-muted">
          {view.verticalAutoscalers.length === 0
            ? 'No Vertical Pod Autoscalers in this cluster.'
            : 'No Vertical Pod Autoscalers match these filters.'}
        </p>
      ) : (
        <div className="card overflow-x-auto">
          <table aria-label="Vertical Pod Autoscalers" className="w-full text-left text-sm">
            <thead className="text-fg-muted">
              <tr>
                {HEADERS.map((header) => (
                  <th key={header} scope="col" className="px-3 py-2 font-medium">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((vpa) => (
                <VpaRows key={`${vpa.namespace}/${vpa.name}`} vpa={vpa} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
