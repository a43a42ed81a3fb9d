import type { ContainerDetail } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { KeyValueList } from '../../../components/KeyValueList.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import type { Tone } from '../../../components/statusTone.ts';
import { podStatusTone } from '../display/podStatus.ts';
import { RecommendationSummary } from './RecommendationSummary.tsx';

function stateTone(container: ContainerDetail): Tone {
  if (container.state === 'running') return container.ready ? 'success' : 'warning';
  if (container.state === 'terminated') {
    return container.stateReason === 'Completed' ? 'neutral' : 'danger';
  }
  if (container.state === 'waiting') {
    return podStatusTone({ phase: 'Pending', reason: container.stateReason });
  }
  return 'neutral';
}

const amounts = (value: ContainerDetail['requests']) =>
  [value.cpu && `CPU ${value.cpu}`, value.memory && `memory ${value.memory}`]
    .filter(Boolean)
    .join(' · ') || undefined;

function LastTermination({ last }: { last: NonNullable<ContainerDetail['lastTermination']> }) {
  return (
    <span>
      {last.reason ?? 'Terminated'}
      {last.exitCode !== undefined && `, exit code ${last.exitCode}`}
      {last.finishedAt && (
        <>
          , <RelativeTime iso={last.finishedAt} />
        </>
      )}
    </span>
  );
}

function ContainerCard({ container }: { container: ContainerDetail }) {
  const tone = stateTone(container);
  return (
    <section
      aria-label={`Container ${container.name}`}
      className="card flex flex-col gap-3 px-4 py-3"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">{container.name}</h3>
        {container.init && <Chip>init</Chip>}
        <Chip tone={tone}>
          {container.state}
          {container.stateReason && `: ${container.stateReason}`}
        </Chip>
        <Chip tone={container.ready ? 'success' : 'neutral'}>
          {container.ready ? 'Ready' : 'Not ready'}
        </Chip>
      </div>
      {container.stateMessage && (
        <p className={`break-words ${tone === 'danger' ? 'text-danger-fg' : 'text-fg-muted'}`}>
          {container.stateMessage}
        </p>
      )}
      <KeyValueList
        items={[
          {
            label: 'Image',
            value: (
              <span className="inline-flex max-w-full items-center gap-1">
                <code className="truncate text-xs" title={container.image}>
                  {container.image}
                </code>
                <CopyButton text={container.image} label={`Copy image of ${container.name}`} />
              </span>
            ),
          },
          {
            label: 'Restarts',
            value: (
              <span className={container.restarts > 0 ? 'font-semibold text-warning-fg' : ''}>
                {container.restarts}
              </span>
            ),
          },
          {
            label: 'Last termination',
            value: container.lastTermination && (
              <LastTermination last={container.lastTermination} />
            ),
          },
          { label: 'Requests', value: amounts(container.requests) },
          { label: 'Limits', value: amounts(container.limits) },
          ...(container.recommendation
            ? [
                {
                  label: 'VPA recommendation',
                  value: <RecommendationSummary recommendation={container.recommendation} />,
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}

/** Each container (init containers first, as they run): image, state, restarts, resources, the VPA's advice. */
export function ContainersSection({ containers }: { containers: ContainerDetail[] }) {
  return (
    <section aria-label="Containers" className="flex flex-col gap-3">
      <h2 className="text-base font-semibold">
        Containers <span className="font-normal text-fg-muted">({containers.length})</span>
      </h2>
      {containers.map((container) => (
        <ContainerCard key={`${container.init}-${container.name}`} container={container} />
      ))}
    </section>
  );
}
