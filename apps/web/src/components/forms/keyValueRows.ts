import { LabelKey, LabelValue, type Taint } from '@wheelhouse/contract';
import { fieldMessage } from './formValidation.ts';

/** One editable key/value row (a label, a tag, a selector label). */
export interface KeyValueRow {
  id: number;
  key: string;
  value: string;
}

/** One editable taint row; `effect` is EKS's spelling (NO_SCHEDULE…). */
export interface TaintRow extends KeyValueRow {
  effect: Taint['effect'];
}

export type RowErrors = Partial<Record<'key' | 'value', string>>;

let nextRowId = 1;
export const newRow = (key = '', value = ''): KeyValueRow => ({ id: nextRowId++, key, value });
export const newTaintRow = (taint: Partial<Taint> = {}): TaintRow => ({
  id: nextRowId++,
  key: taint.key ?? '',
  value: taint.value ?? '',
  effect: taint.effect ?? 'NO_SCHEDULE',
});

/** Rows from a map (e.g. a profile's selector labels), plus nothing else. */
export const rowsOf = (record: Record<string, string> | undefined): KeyValueRow[] =>
  Object.entries(record ?? {}).map(([key, value]) => newRow(key, value));

const isBlank = (row: KeyValueRow) => row.key.trim() === '' && row.value.trim() === '';

/** The filled-in rows as a map; untouched blank rows are ignored. */
export function rowsToRecord(rows: KeyValueRow[]): Record<string, string> {
  return Object.fromEntries(
    rows.filter((row) => !isBlank(row)).map((row) => [row.key.trim(), row.value.trim()]),
  );
}

export function rowsToTaints(rows: TaintRow[]): Taint[] {
  return rows
    .filter((row) => !isBlank(row))
    .map((row) => ({
      key: row.key.trim(),
      ...(row.value.trim() ? { value: row.value.trim() } : {}),
      effect: row.effect,
    }));
}

function duplicateErrors<R extends KeyValueRow>(
  rows: R[],
  identity: (row: R) => string,
  errors: Map<number, RowErrors>,
) {
  const seen = new Set<string>();
  for (const row of rows) {
    if (isBlank(row)) continue;
    const id = identity(row);
    if (seen.has(id)) errors.set(row.id, { ...errors.get(row.id), key: 'is already in this list' });
    seen.add(id);
  }
}

function kubernetesRowErrors(rows: KeyValueRow[]): Map<number, RowErrors> {
  const errors = new Map<number, RowErrors>();
  for (const row of rows) {
    if (isBlank(row)) continue;
    const key = row.key.trim() === '' ? 'is required' : fieldMessage(LabelKey, row.key.trim());
    const value = fieldMessage(LabelValue, row.value.trim());
    if (key || value) errors.set(row.id, { ...(key ? { key } : {}), ...(value ? { value } : {}) });
  }
  return errors;
}

/**
 * Row by row, the same key and value rules the contract (and EKS) apply to Kubernetes labels,
 * so a message lands on the row that needs fixing.
 */
export function labelRowErrors(rows: KeyValueRow[]): Map<number, RowErrors> {
  const errors = kubernetesRowErrors(rows);
  duplicateErrors(rows, (row) => row.key.trim(), errors);
  return errors;
}

/** Taints follow the label rules; one key may carry one taint per effect. */
export function taintRowErrors(rows: TaintRow[]): Map<number, RowErrors> {
  const errors = kubernetesRowErrors(rows);
  duplicateErrors(rows, (row) => `${row.key.trim()}:${row.effect}`, errors);
  return errors;
}

/** AWS tags: a key of 1-128 characters, a value of at most 256, each key once. */
export function tagRowErrors(rows: KeyValueRow[]): Map<number, RowErrors> {
  const errors = new Map<number, RowErrors>();
  for (const row of rows) {
    if (isBlank(row)) continue;
    const key =
      row.key.trim() === ''
        ? 'is required'
        : row.key.trim().length > 128
          ? 'must be at most 128 characters'
          : row.key.trim().startsWith('aws:')
            ? 'must not start with aws: (reserved by AWS)'
            : undefined;
    const value = row.value.trim().length > 256 ? 'must be at most 256 characters' : undefined;
    if (key || value) errors.set(row.id, { ...(key ? { key } : {}), ...(value ? { value } : {}) });
  }
  duplicateErrors(rows, (row) => row.key.trim(), errors);
  return errors;
}
