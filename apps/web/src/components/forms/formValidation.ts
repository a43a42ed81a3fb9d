import type { z } from 'zod';
import { isApiError } from '../../api/client.ts';

/** Messages by field path ("minSize", "selectors.0.namespace"), first problem per field. */
export type FieldErrors = Record<string, string>;

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

// Zod's own words for the checks that carry no message in the contract, said for people.
function friendlyMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'must be a whole number';
      if (issue.input === undefined || Number.isNaN(issue.input)) return 'is required';
      return undefined;
    case 'too_small':
      if (issue.origin === 'number') return `must be at least ${String(issue.minimum)}`;
      if (issue.origin === 'string' && issue.minimum === 1) return 'is required';
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)}`;
      return undefined;
    case 'too_big':
      if (issue.origin === 'number') return `must be at most ${String(issue.maximum)}`;
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters`;
      if (issue.origin === 'array') return `at most ${String(issue.maximum)}`;
      return undefined;
    default:
      return undefined;
  }
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Checks a request body against the contract schema the BFF uses, before it is sent. `names` turns
 * the field names that cross-field rules mention into words ("must be at most maxSize" → "… the
 * maximum").
 * An empty required text reads "is required" rather than a pattern's explanation.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  names: Record<string, string> = {},
): Validation<z.infer<S>> {
  const result = schema.safeParse(input, { error: friendlyMessage });
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    if (path in errors) continue;
    let message = issue.message;
    if (issue.code === 'invalid_key') message = issue.issues[0]?.message ?? message;
    if (issue.code === 'invalid_format' && valueAt(input, issue.path) === '') {
      message = 'is required';
    }
    // Only cross-field refinements name other fields; other messages are already plain words.
    if (issue.code === 'custom') {
      for (const [field, words] of Object.entries(names)) {
        message = message.replace(new RegExp(`\\b${field}\\b`, 'g'), words);
      }
    }
    errors[path] = message;
  }
  return { ok: false, errors };
}

/** The message for one value checked against one schema (a label key, a label value), or undefined. */
export function fieldMessage(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value, { error: friendlyMessage });
  return result.success ? undefined : result.error.issues[0]?.message;
}

/** The field errors of a 400 answer, by field path, so they can show next to the fields. */
export function serverFieldErrors(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!isApiError(error)) return errors;
  for (const { field, message } of error.problem?.errors ?? []) errors[field] ??= message;
  return errors;
}

/** Text → number for number inputs: empty stays undefined, so the schema can say "is required". */
export function numberOrUndefined(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/** Items of a list typed one per line or separated by commas / spaces. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}
