import type { Issue } from '@wheelhouse/contract';
import { Popover } from 'radix-ui';
import { ChevronDownIcon } from '../../components/Icons.tsx';
import { plural } from './computeDisplay.ts';

function IssueItem({ issue }: { issue: Issue }) {
  return (
    <li className="rounded-md border border-danger-line bg-danger-bg px-2 py-1.5 whitespace-normal">
      <p className="font-semibold text-danger-fg">
        <code className="text-xs">{issue.code}</code>
      </p>
      <p className="text-xs break-words text-fg">{issue.message}</p>
      {issue.resourceIds.length > 0 && (
        <p className="mt-0.5 font-mono text-xs break-all text-fg-muted">
          {issue.resourceIds.join(', ')}
        </p>
      )}
    </li>
  );
}

/** EKS health issues: the full list, each with its code, message and affected resources. */
export function HealthIssueList({ issues, label }: { issues: Issue[]; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-col gap-1.5">
      {issues.map((issue, index) => (
        <IssueItem key={`${issue.code}-${index}`} issue={issue} />
      ))}
    </ul>
  );
}

/**
 * A red count ("2 issues") that opens the messages in a popover, so a narrow table cell does not
 * clip them. The button says whose issues they are; aria-expanded tells whether they show.
 */
export function HealthIssuesDisclosure({ issues, owner }: { issues: Issue[]; owner: string }) {
  if (issues.length === 0) return <span className="text-fg-muted">None</span>;
  return (
    <Popover.Root>
      <Popover.Trigger
        aria-label={`${plural(issues.length, 'health issue')} of ${owner}`}
        className="inline-flex items-center gap-1 rounded border border-danger-line bg-danger-bg px-1.5 py-px text-xs font-semibold text-danger-fg"
      >
        {plural(issues.length, 'issue')}
        <ChevronDownIcon className="size-3.5" />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={4}
          aria-label={`Health issues of ${owner}`}
          className="z-30 max-h-96 w-96 max-w-[90vw] overflow-auto rounded-lg border border-line bg-surface-raised p-2 text-sm text-fg shadow-lg"
        >
          <HealthIssueList issues={issues} label={`Health issues of ${owner}`} />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
