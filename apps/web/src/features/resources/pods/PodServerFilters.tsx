import { useId, useState } from 'react';
import { parseLabelSelector } from '@wheelhouse/contract';
import { FieldError } from '../../../components/FormField.tsx';
import { POD_PHASES } from '../resourcesParams.ts';

/** The phase select: applied at once, by the Kubernetes API. */
export function PhaseSelect({
  value,
  onChange,
}: {
  value: string;
  onChange: (phase: string) => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="font-medium">Phase</span>
      <select className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">All phases</option>
        {POD_PHASES.map((phase) => (
          <option key={phase} value={phase}>
            {phase}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Node and label selector, filtered by the Kubernetes API: typed freely, sent on Enter or
 * "Apply" (one request per search, not per keystroke). A selector kubectl would refuse is
 * flagged here. The parent remounts it when the URL changes elsewhere.
 */
export function NodeLabelFilters({
  node,
  labels,
  nodeNames,
  onApply,
}: {
  node: string;
  labels: string;
  /** Suggestions for the node field. */
  nodeNames: string[];
  onApply: (filters: { node: string; labels: string }) => void;
}) {
  const [draft, setDraft] = useState({ node, labels });
  const [invalid, setInvalid] = useState(false);
  const listId = useId();
  const errorId = useId();
  return (
    <form
      aria-label="Node and label filters"
      className="flex flex-wrap items-start gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const labelsText = draft.labels.trim();
        if (parseLabelSelector(labelsText) === undefined) {
          setInvalid(true);
          return;
        }
        setInvalid(false);
        onApply({ node: draft.node.trim(), labels: labelsText });
      }}
    >
      <label className="flex items-center gap-2 text-sm">
        <span className="font-medium">Node</span>
        <input
          className="input w-52"
          value={draft.node}
          list={listId}
          placeholder="Any node"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setDraft({ ...draft, node: event.target.value })}
        />
        <datalist id={listId}>
          {nodeNames.map((nodeName) => (
            <option key={nodeName} value={nodeName} />
          ))}
        </datalist>
      </label>
      <div className="flex flex-col gap-1">
        <label className="flex items-center gap-2 text-sm">
          <span className="font-medium">Label selector</span>
          <input
            className="input w-56 font-mono aria-[invalid=true]:border-danger-fg"
            value={draft.labels}
            placeholder="app=web,tier!=batch"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? errorId : undefined}
            onChange={(event) => setDraft({ ...draft, labels: event.target.value })}
          />
        </label>
        {invalid && (
          <FieldError id={errorId}>
            Use key=value, key!=value, key in (a,b), key or !key, separated by commas.
          </FieldError>
        )}
      </div>
      <button type="submit" className="btn-secondary">
        Apply
      </button>
    </form>
  );
}
