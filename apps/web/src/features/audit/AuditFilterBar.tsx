import { useId, useState } from 'react';
import type { AuditFilters } from '../../api/audit.ts';
import { ActiveFilters, type ActiveFilter } from '../../components/FilterBar.tsx';
import { FormField, INPUT_CLASSES } from '../../components/FormField.tsx';
import { formatDateTime } from '../../components/dateFormat.ts';
import {
  AUDIT_OUTCOMES,
  EMPTY_AUDIT_FILTERS,
  KNOWN_ACTIONS,
  fromUtcInput,
  toUtcInput,
} from './auditFilters.ts';

const LABELS: Record<keyof AuditFilters, string> = {
  user: 'User',
  action: 'Action',
  target: 'Target',
  outcome: 'Outcome',
  from: 'From',
  to: 'To',
};

function activeLabel(key: keyof AuditFilters, value: string): string {
  const shown = key === 'from' || key === 'to' ? formatDateTime(value) : value;
  return `${LABELS[key]}: ${shown}`;
}

/**
 * The audit filters as a form: the fields keep what is typed, "Apply filters" writes it to the
 * URL (one history entry per search). The parent remounts it when the URL changes elsewhere.
 */
export function AuditFilterBar({
  filters,
  onApply,
  showUser,
}: {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
  /** Operators see only their own entries, so filtering by user means nothing to them. */
  showUser: boolean;
}) {
  const [draft, setDraft] = useState({
    ...filters,
    from: toUtcInput(filters.from),
    to: toUtcInput(filters.to),
  });
  const actionsListId = useId();
  const set = (key: keyof AuditFilters) => (value: string) => setDraft({ ...draft, [key]: value });

  const active: ActiveFilter[] = (Object.keys(LABELS) as (keyof AuditFilters)[])
    .filter((key) => filters[key])
    .map((key) => ({
      key,
      label: activeLabel(key, filters[key]),
      onRemove: () => onApply({ ...filters, [key]: '' }),
    }));

  const text = (key: 'user' | 'action' | 'target', placeholder: string, list?: string) => (
    <FormField label={LABELS[key]} className="w-44">
      {(control) => (
        <input
          {...control}
          className={INPUT_CLASSES}
          placeholder={placeholder}
          value={draft[key]}
          list={list}
          onChange={(event) => set(key)(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </FormField>
  );

  return (
    <div className="flex flex-col gap-2">
      <form
        role="search"
        aria-label="Audit filters"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          onApply({
            user: showUser ? draft.user.trim() : '',
            action: draft.action.trim(),
            target: draft.target.trim(),
            outcome: draft.outcome,
            from: fromUtcInput(draft.from),
            to: fromUtcInput(draft.to),
          });
        }}
      >
        {showUser && text('user', 'any user')}
        {text('action', 'e.g. nodegroup.scale', actionsListId)}
        <datalist id={actionsListId}>
          {KNOWN_ACTIONS.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
        {text('target', 'ARN or path contains…')}
        <FormField label="Outcome" className="w-36">
          {(control) => (
            <select
              {...control}
              className={INPUT_CLASSES}
              value={draft.outcome}
              onChange={(event) => set('outcome')(event.target.value)}
            >
              <option value="">Any</option>
              {AUDIT_OUTCOMES.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {outcome}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {(['from', 'to'] as const).map((key) => (
          <FormField key={key} label={`${LABELS[key]} (UTC)`} className="w-52">
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                className={INPUT_CLASSES}
                value={draft[key]}
                onChange={(event) => set(key)(event.target.value)}
              />
            )}
          </FormField>
        ))}
        <button type="submit" className="btn-primary">
          Apply filters
        </button>
      </form>
      <ActiveFilters filters={active} onClear={() => onApply(EMPTY_AUDIT_FILTERS)} />
    </div>
  );
}
