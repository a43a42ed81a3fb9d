import { useId, useState } from 'react';
import type { Issue } from '@wheelhouse/contract';
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

/** A red count ("2 issues") that expands to the messages, for a table cell. */
export function HealthIssuesDisclosure({ issues, owner }: { issues: Issue[]; owner: string }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (issues.length === 0) return <span className="text-fg-muted">None</span>;
  return (
    <div className="flex min-w-0 flex-col items-start gap-1">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`${plural(issues.length, 'health issue')} of ${owner}`}
        onClick={() => setOpen(!open)}
        className="inline-flex items-center gap-1 rounded border border-danger-line bg-danger-bg px-1.5 py-px text-xs font-semibold text-danger-fg"
      >
        {plural(issues.length, 'issue')}
        <ChevronDownIcon className={`size-3.5 ${open ? 'rotate-180' : ''}`} />
      </button>
      <div id={listId} hidden={!open} className="w-64">
        {open && <HealthIssueList issues={issues} label={`Health issues of ${owner}`} />}
      </div>
    </div>
  );
}
