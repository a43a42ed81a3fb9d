import { TaintEffect } from '@wheelhouse/contract';
import {
  newTaintRow,
  type RowErrors,
  type TaintRow,
} from '../../../components/forms/keyValueRows.ts';
import { RowsEditor } from '../../../components/forms/KeyValueRowsEditor.tsx';
import { taintEffectLabel } from '../computeDisplay.ts';

/** Editable taint rows: key, optional value, effect. Inputs are named "Taint 1 key" and so on. */
export function TaintRowsEditor(props: {
  legend: string;
  rows: TaintRow[];
  onChange: (rows: TaintRow[]) => void;
  errors: Map<number, RowErrors>;
  showErrors: boolean;
}) {
  return (
    <RowsEditor
      {...props}
      noun="taint"
      valuePlaceholder="value (optional)"
      createRow={() => newTaintRow()}
      extraFields={(row, name, update) => (
        <select
          aria-label={`${name} effect`}
          className="input shrink-0"
          value={row.effect}
          onChange={(event) => update({ effect: event.target.value as TaintRow['effect'] })}
        >
          {TaintEffect.options.map((effect) => (
            <option key={effect} value={effect}>
              {taintEffectLabel(effect)}
            </option>
          ))}
        </select>
      )}
    />
  );
}
