import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { SearchHit, SearchKind } from '@wheelhouse/contract';
import { SEARCH_MIN_LENGTH, useFleetSearch } from '../../api/search.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { SourceErrorsBanner } from '../../components/SourceErrorsBanner.tsx';
import { useDebouncedValue } from './useDebouncedValue.ts';

const DEBOUNCE_MS = 250;
const GROUPS: { kind: SearchKind; label: string }[] = [
  { kind: 'cluster', label: 'Clusters' },
  { kind: 'nodegroup', label: 'Node groups' },
  { kind: 'namespace', label: 'Namespaces' },
  { kind: 'workload', label: 'Workloads' },
  { kind: 'pod', label: 'Pods' },
];

function detailOf(hit: SearchHit): string {
  const what = hit.kind === 'workload' ? hit.workloadKind : undefined;
  const ns = hit.namespace ? `in ${hit.namespace}` : undefined;
  return [what, ns].filter(Boolean).join(' ');
}

/**
 * The fleet search box: finds clusters, node groups, namespaces, workloads and pods by name or
 * label across every cluster. A combobox over a grouped listbox: arrow keys move, Enter opens,
 * Escape closes; the result under the arrow is announced through aria-activedescendant.
 */
export default function FleetSearchDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const debounced = useDebouncedValue(text, DEBOUNCE_MS);
  const search = useFleetSearch(debounced);
  const listId = useId();
  const hintId = useId();
  const typedEnough = text.trim().length >= SEARCH_MIN_LENGTH;
  const result = typedEnough ? search.data : undefined;
  // Keyboard order is display order: group by group.
  const hits = useMemo(
    () => GROUPS.flatMap(({ kind }) => (result?.items ?? []).filter((hit) => hit.kind === kind)),
    [result],
  );
  const current = Math.min(active, Math.max(0, hits.length - 1));
  const optionId = (index: number) => `${listId}-option-${index}`;

  const openHit = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onOpenChange(false);
    void navigate(hit.href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!hits.length) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + hits.length) % hits.length);
      document
        .getElementById(optionId((current + step + hits.length) % hits.length))
        ?.scrollIntoView?.({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      openHit(hits[current]);
    }
  };

  let status: string;
  if (!typedEnough) status = 'Type a name, or a label such as app=web.';
  else if (search.isError) status = `Search failed: ${search.error.message}`;
  else if (!result || search.isFetching) status = 'Searching the fleet…';
  else if (hits.length === 0) status = 'Nothing found.';
  else
    status = `${hits.length} ${hits.length === 1 ? 'result' : 'results'} (${result.mode === 'label' ? 'label selector' : 'name'}).`;

  let index = -1;
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Search the fleet" size="lg">
      <div className="flex flex-col gap-3">
        <input
          type="search"
          role="combobox"
          aria-label="Search clusters, node groups, namespaces, workloads and pods"
          aria-describedby={hintId}
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={hits.length ? optionId(current) : undefined}
          autoComplete="off"
          spellCheck={false}
          className="input w-full"
          placeholder="Name, or label (app=web, tier in (a,b), label:team)"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <p id={hintId} role="status" className="text-sm text-fg-muted">
          {status}
        </p>
        {result && result.errors.length > 0 && (
          <SourceErrorsBanner errors={result.errors} sources={undefined} />
        )}
        <div
          id={listId}
          role="listbox"
          aria-label="Results"
          className="max-h-[55vh] overflow-y-auto"
        >
          {GROUPS.map(({ kind, label }) => {
            const group = hits.filter((hit) => hit.kind === kind);
            if (!group.length) return null;
            const headingId = `${listId}-${kind}`;
            return (
              <div key={kind} role="group" aria-labelledby={headingId} className="mb-2">
                <div
                  id={headingId}
                  role="presentation"
                  className="px-2 py-1 text-xs font-semibold text-fg-muted uppercase"
                >
                  {label}
                  {result?.capped.includes(kind) &&
                    ` (first ${group.length} shown; narrow the search)`}
                </div>
                {group.map((hit) => {
                  index += 1;
                  const mine = index;
                  const selected = mine === current;
                  return (
                    <div
                      key={`${hit.accountId}|${hit.region}|${hit.cluster}|${hit.kind}|${hit.namespace ?? ''}|${hit.workloadKind ?? ''}|${hit.name}`}
                      id={optionId(mine)}
                      role="option"
                      aria-selected={selected}
                      tabIndex={-1}
                      onMouseMove={() => setActive(mine)}
                      onClick={() => openHit(hit)}
                      className={`flex cursor-pointer flex-wrap items-baseline gap-x-3 rounded px-2 py-1.5 ${selected ? 'bg-accent/15' : ''}`}
                    >
                      <span className="font-medium break-all">{hit.name}</span>
                      {detailOf(hit) && (
                        <span className="text-sm text-fg-muted">{detailOf(hit)}</span>
                      )}
                      <span className="ml-auto text-xs text-fg-muted">
                        {hit.kind === 'cluster' ? '' : `${hit.cluster} · `}
                        {hit.accountName ?? hit.accountId} · {hit.region}
                      </span>
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </Dialog>
  );
}
