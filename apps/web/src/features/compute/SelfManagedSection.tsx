import type { SelfManagedGroup, Uniformity } from '@wheelhouse/contract';
import { Chip } from '../../components/Chip.tsx';
import { Section } from '../../components/Section.tsx';
import { AMI_RED_AFTER_DAYS } from './AmiDriftBadge.tsx';
import { UpdateMethodsPanel } from './UpdateMethodsPanel.tsx';

type Trait = Uniformity['outliers'][number]['differs'][number];

const TRAIT_NAMES: Record<Trait, string> = {
  instanceType: 'instance type',
  imageId: 'AMI',
  role: 'IAM role',
};

/** The traits whose values differ across the group's instances, with those values. */
export function differingTraits(
  uniformity: Uniformity,
): { label: string; phrase: string; values: string[] }[] {
  return [
    { label: 'Instance types', phrase: 'instance type', values: uniformity.instanceTypes },
    { label: 'AMIs', phrase: 'AMI', values: uniformity.imageIds },
    { label: 'IAM roles', phrase: 'IAM role', values: uniformity.roles },
  ].filter((trait) => trait.values.length > 1);
}

function UniformityDetails({ group }: { group: SelfManagedGroup }) {
  const { uniformity } = group;
  if (uniformity.uniform) {
    return (
      <p className="flex flex-wrap items-center gap-2">
        <Chip tone="success">uniform</Chip>
        <span className="text-fg-muted">
          {group.instances.length === 0
            ? 'No instances running.'
            : 'Every instance shares one instance type, AMI and IAM role.'}
        </span>
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <p className="flex flex-wrap items-center gap-2">
        <Chip tone="warning">mixed</Chip>
        <span>
          Instances differ in{' '}
          {differingTraits(uniformity)
            .map((trait) => trait.phrase)
            .join(', ')}
          .
        </span>
      </p>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        {differingTraits(uniformity).map((trait) => (
          <div key={trait.label} className="contents">
            <dt className="text-fg-muted">{trait.label}</dt>
            <dd className="flex flex-wrap gap-1">
              {trait.values.map((value) => (
                <Chip key={value} tone="warning" className="font-mono font-normal">
                  {value}
                </Chip>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      {uniformity.outliers.length > 0 && (
        <div>
          <p className="text-fg-muted">
            {uniformity.outliers.length === 1
              ? '1 instance differs'
              : `${uniformity.outliers.length} instances differ`}{' '}
            from the rest of the group:
          </p>
          <ul
            aria-label={`Outlier instances of ${group.name}`}
            className="mt-1 flex flex-col gap-0.5"
          >
            {uniformity.outliers.map((outlier) => (
              <li key={outlier.instanceId}>
                <code className="text-xs">{outlier.instanceId}</code>
                <span className="text-fg-muted">
                  {' '}
                  — different {outlier.differs.map((trait) => TRAIT_NAMES[trait]).join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** Instances on an older EKS-optimized release than the newest of their image's family. */
function AmiBehindDetails({ group }: { group: SelfManagedGroup }) {
  const behind = group.amiBehind;
  // Unread (SSM failed: the page lists the error) or nothing behind: nothing to add here.
  if (!behind || behind.length === 0) return null;
  const worst = Math.max(...behind.map((entry) => entry.daysBehind));
  return (
    <div>
      <p className="flex flex-wrap items-center gap-2">
        <Chip tone={worst > AMI_RED_AFTER_DAYS ? 'danger' : 'warning'}>AMI behind</Chip>
        <span>
          {behind.length === 1 ? '1 instance runs' : `${behind.length} instances run`} an older AMI
          release than the latest.
        </span>
      </p>
      <ul
        aria-label={`Instances behind the AMI of ${group.name}`}
        className="mt-1 flex flex-col gap-0.5"
      >
        {behind.map((entry) => (
          <li key={entry.instanceId} title={`Latest image: ${entry.latestImageId}`}>
            <code className="text-xs">{entry.instanceId}</code>
            <span className="text-fg-muted">
              {' '}
              — {entry.release}: {entry.releasesBehind} release
              {entry.releasesBehind === 1 ? '' : 's'} / {entry.daysBehind} day
              {entry.daysBehind === 1 ? '' : 's'} behind
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function SelfManagedCard({ group }: { group: SelfManagedGroup }) {
  return (
    <article aria-label={group.name} className="card flex flex-col gap-3 p-4">
      <h3 className="font-semibold break-all">{group.name}</h3>
      <dl className="flex flex-wrap gap-x-6 gap-y-1">
        <div className="flex gap-1.5">
          <dt className="text-fg-muted">Desired / min / max</dt>
          <dd className="tabular-nums">
            {group.scaling.desiredSize} / {group.scaling.minSize} / {group.scaling.maxSize}
          </dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-fg-muted">Instances</dt>
          <dd className="tabular-nums">{group.instances.length}</dd>
        </div>
        <div className="flex min-w-0 gap-1.5">
          <dt className="text-fg-muted">Launch template</dt>
          <dd className="font-mono text-xs break-all">{group.launchTemplate ?? '—'}</dd>
        </div>
      </dl>
      <UniformityDetails group={group} />
      <AmiBehindDetails group={group} />
    </article>
  );
}

/**
 * Self-managed node groups: Auto Scaling groups tagged for the cluster that EKS does not manage.
 * Each says whether its instances are uniform (as they should be) or mixed, and which differ.
 */
export function SelfManagedSection({ groups }: { groups: SelfManagedGroup[] }) {
  const anyMixed = groups.some((group) => !group.uniformity.uniform);
  return (
    <Section plain title="Self-managed node groups" count={groups.length}>
      {groups.length === 0 ? (
        <p className="card px-4 py-6 text-center text-fg-muted">
          No Auto Scaling groups are tagged for this cluster outside its managed node groups.
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          {groups.map((group) => (
            <SelfManagedCard key={group.name} group={group} />
          ))}
        </div>
      )}
      {groups.length > 0 && <UpdateMethodsPanel defaultOpen={anyMixed} />}
    </Section>
  );
}
