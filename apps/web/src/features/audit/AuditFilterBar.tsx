import { useEffect, useRef, useState } from 'react';
import type { AuditFilters } from '../../api/audit.ts';
import { ActiveFilters, type ActiveFilter } from '../../components/FilterBar.tsx';
import { FormField, INPUT_CLASSES } from '../../components/FormField.tsx';
import { formatDateTime } from '../../components/dateFormat.ts';
import {
  AUDIT_OUTCOMES,
  EMPTY_AUDIT_FILTERS,
  actionGroups,
  fromUtcInput,
  toUtcInput,
} from './auditFilters.ts';
import type { FilterChangeOptions } from './useAuditFilters.ts';

/** The pause after the last keystroke before a typed filter reaches the URL (and the BFF). */
export const TYPING_MS = 300;

const LABELS: Record<keyof AuditFilters, string> = {
  user: 'User',
  action: 'Action',
  target: 'Target',
  outcome: 'Outcome',
  from: 'From',
  to: 'To',
  changesOnly: 'Changes only',
};

const GROUPS = actionGroups();
const KNOWN = new Set(GROUPS.flatMap((group) => [group.area, ...group.actions]));

function activeLabel(key: keyof AuditFilters, value: string): string {
  if (key === 'changesOnly') return 'Changes only (no sign-ins)';
  if (key === 'action' && GROUPS.some((group) => group.area === value))
    return `Action: every ${value}.* action`;
  const shown = key === 'from' || key === 'to' ? formatDateTime(value) : value;
  return `${LABELS[key]}: ${shown}`;
}

type Typed = Pick<AuditFilters, 'user' | 'target'>;
const typedOf = (filters: AuditFilters): Typed => ({ user: filters.user, target: filters.target });

/**
 * The audit filters, live like every other filter in the console: a pick applies at once, typing
 * applies after a short pause, and everything is kept in the URL.
 */
export function AuditFilterBar({
  filters,
  onChange,
  showUser,
}: {
  filters: AuditFilters;
  onChange: (filters: AuditFilters, options?: FilterChangeOptions) => void;
  /** Operators see only their own entries, so filtering by user means nothing to them. */
  showUser: boolean;
}) {
  const [typed, setTyped] = useState<Typed>(() => typedOf(filters));
  const sent = useRef<Typed>(typedOf(filters));

  // The URL changed elsewhere (a chip removed, Back): the boxes show what is in force.
  useEffect(() => {
    if (filters.user !== sent.current.user || filters.target !== sent.current.target) {
      sent.current = typedOf(filters);
      setTyped(typedOf(filters));
    }
  }, [filters]);

  useEffect(() => {
    const next = { user: showUser ? typed.user.trim() : '', target: typed.target.trim() };
    if (next.user === filters.user && next.target === filters.target) return;
    const timer = setTimeout(() => {
      sent.current = next;
      onChange({ ...filters, ...next }, { replace: true });
    }, TYPING_MS);
    return () => clearTimeout(timer);
  }, [typed, filters, onChange, showUser]);

  const pick = (patch: Partial<AuditFilters>) => onChange({ ...filters, ...patch });

  const active: ActiveFilter[] = (Object.keys(LABELS) as (keyof AuditFilters)[])
    .filter((key) => filters[key])
    .map((key) => ({
      key,
      label: activeLabel(key, filters[key]),
      onRemove: () => pick({ [key]: '' }),
    }));

  const text = (key: keyof Typed, placeholder: string) => (
    <FormField label={LABELS[key]} className="w-44">
      {(control) => (
        <input
          {...control}
          type="search"
          className={INPUT_CLASSES}
          placeholder={placeholder}
          value={typed[key]}
          onChange={(event) => setTyped({ ...typed, [key]: event.target.value })}
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
        onSubmit={(event) => event.preventDefault()}
      >
        {showUser && text('user', 'any user')}
        <FormField label={LABELS.action} className="w-60">
          {(control) => (
            <select
              {...control}
              className={INPUT_CLASSES}
              value={filters.action}
              onChange={(event) => pick({ action: event.target.value })}
            >
              <option value="">Any action</option>
              {filters.action && !KNOWN.has(filters.action) && (
                <option value={filters.action}>starts with “{filters.action}”</option>
              )}
              {GROUPS.map((group) => (
                <optgroup key={group.area} label={group.label}>
                  <option value={group.area}>every {group.area}.* action</option>
                  {group.actions.map((action) => (
                    <option key={action} value={action}>
                      {action}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </FormField>
        {text('target', 'ARN or path contains…')}
        <FormField label={LABELS.outcome} className="w-36">
          {(control) => (
            <select
              {...control}
              className={INPUT_CLASSES}
              value={filters.outcome}
              onChange={(event) => pick({ outcome: event.target.value as AuditFilters['outcome'] })}
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
                // A half-typed date has the value '' and stays in the box until it is whole.
                value={toUtcInput(filters[key])}
                onChange={(event) => pick({ [key]: fromUtcInput(event.target.value) })}
              />
            )}
          </FormField>
        ))}
        <label className="flex h-9 items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            className="size-4"
            checked={filters.changesOnly === 'true'}
            onChange={(event) => pick({ changesOnly: event.target.checked ? 'true' : '' })}
          />
          Changes only
        </label>
      </form>
      <ActiveFilters filters={active} onClear={() => onChange(EMPTY_AUDIT_FILTERS)} />
    </div>
  );
}
