import { TaintEffect } from '@wheelhouse/contract';
import { INPUT_CLASSES } from '../../../components/FormField.tsx';
import {
  newTaintRow,
  type RowErrors,
  type TaintRow,
} from '../../../components/forms/keyValueRows.ts';
import { RowError } from '../../../components/forms/KeyValueRowsEditor.tsx';
import { CloseIcon } from '../../../components/Icons.tsx';
import { taintEffectLabel } from '../computeDisplay.ts';

/** Editable taint rows: key, optional value, effect. Inputs are named "Taint 1 key" and so on. */
export function TaintRowsEditor({
  legend,
  rows,
  onChange,
  errors,
  showErrors,
}: {
  legend: string;
  rows: TaintRow[];
  onChange: (rows: TaintRow[]) => void;
  errors: Map<number, RowErrors>;
  showErrors: boolean;
}) {
  const update = (id: number, change: Partial<TaintRow>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...change } : row)));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {rows.map((row, index) => {
        const name = `Taint ${index + 1}`;
        const rowErrors = showErrors ? errors.get(row.id) : undefined;
        return (
          <div key={row.id} className="flex flex-col gap-1">
            <div className="flex items-center gap-2">
              <input
                aria-label={`${name} key`}
                aria-invalid={rowErrors?.key ? true : undefined}
                className={`${INPUT_CLASSES} font-mono`}
                placeholder="key"
                value={row.key}
                onChange={(event) => update(row.id, { key: event.target.value })}
                autoComplete="off"
                spellCheck={false}
              />
              <input
                aria-label={`${name} value`}
                aria-invalid={rowErrors?.value ? true : undefined}
                className={`${INPUT_CLASSES} font-mono`}
                placeholder="value (optional)"
                value={row.value}
                onChange={(event) => update(row.id, { value: event.target.value })}
                autoComplete="off"
                spellCheck={false}
              />
              <select
                aria-label={`${name} effect`}
                className="input shrink-0"
                value={row.effect}
                onChange={(event) =>
                  update(row.id, { effect: event.target.value as TaintRow['effect'] })
                }
              >
                {TaintEffect.options.map((effect) => (
                  <option key={effect} value={effect}>
                    {taintEffectLabel(effect)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="btn-ghost h-8 shrink-0 px-1.5"
                aria-label={`Remove taint ${index + 1}`}
                onClick={() => onChange(rows.filter((other) => other.id !== row.id))}
              >
                <CloseIcon />
              </button>
            </div>
            <RowError errors={rowErrors} />
          </div>
        );
      })}
      <div>
        <button
          type="button"
          className="btn-secondary h-7"
          onClick={() => onChange([...rows, newTaintRow()])}
        >
          Add taint
        </button>
      </div>
    </fieldset>
  );
}
