import type { ReactNode } from 'react';
import { FieldError, INPUT_CLASSES } from '../FormField.tsx';
import { CloseIcon } from '../Icons.tsx';
import { newRow, type KeyValueRow, type RowErrors } from './keyValueRows.ts';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A row's key and value messages, under the row. */
export function RowError({ errors }: { errors: RowErrors | undefined }) {
  if (!errors) return null;
  return (
    <div className="flex flex-col gap-0.5">
      {errors.key && <FieldError>Key {errors.key}</FieldError>}
      {errors.value && <FieldError>Value {errors.value}</FieldError>}
    </div>
  );
}

interface RowsEditorProps<R extends KeyValueRow> {
  legend: string;
  /** What one row is, lower case: "label", "tag", "taint". */
  noun: string;
  rows: R[];
  onChange: (rows: R[]) => void;
  errors: Map<number, RowErrors>;
  showErrors: boolean;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
}

/**
 * Rows of key and value inputs with remove and add buttons; `createRow` makes an added row and
 * `extraFields` renders what a row holds beyond key and value (a taint's effect).
 */
export function RowsEditor<R extends KeyValueRow>({
  legend,
  noun,
  rows,
  onChange,
  errors,
  showErrors,
  keyPlaceholder = 'key',
  valuePlaceholder = 'value',
  createRow,
  extraFields,
}: RowsEditorProps<R> & {
  createRow: () => R;
  extraFields?: (row: R, name: string, update: (change: Partial<R>) => void) => ReactNode;
}) {
  const update = (id: number, change: Partial<R>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...change } : row)));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {rows.map((row, index) => {
        const name = `${capitalize(noun)} ${index + 1}`;
        const rowErrors = showErrors ? errors.get(row.id) : undefined;
        return (
          <div key={row.id} className="flex flex-col gap-1">
            <div className="flex items-center gap-2">
              <input
                aria-label={`${name} key`}
                aria-invalid={rowErrors?.key ? true : undefined}
                className={`${INPUT_CLASSES} font-mono`}
                placeholder={keyPlaceholder}
                value={row.key}
                onChange={(event) => update(row.id, { key: event.target.value } as Partial<R>)}
                autoComplete="off"
                spellCheck={false}
              />
              {!extraFields && (
                <span aria-hidden="true" className="text-fg-muted">
                  =
                </span>
              )}
              <input
                aria-label={`${name} value`}
                aria-invalid={rowErrors?.value ? true : undefined}
                className={`${INPUT_CLASSES} font-mono`}
                placeholder={valuePlaceholder}
                value={row.value}
                onChange={(event) => update(row.id, { value: event.target.value } as Partial<R>)}
                autoComplete="off"
                spellCheck={false}
              />
              {extraFields?.(row, name, (change) => update(row.id, change))}
              <button
                type="button"
                className="btn-ghost h-8 shrink-0 px-1.5"
                aria-label={`Remove ${noun} ${index + 1}`}
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
          onClick={() => onChange([...rows, createRow()])}
        >
          Add {noun}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * Editable key/value rows (labels, tags, selector labels) in a fieldset named by `legend`.
 * Inputs are named "<Noun> 1 key" / "<Noun> 1 value"; blank rows are ignored when sending.
 */
export function KeyValueRowsEditor(props: RowsEditorProps<KeyValueRow>) {
  return <RowsEditor {...props} createRow={() => newRow()} />;
}
