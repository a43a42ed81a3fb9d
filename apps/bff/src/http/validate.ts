import type { z } from 'zod';
import type { FieldError } from '@wheelhouse/contract';
import { InputError } from '../errors.ts';

const fieldOf = (path: readonly PropertyKey[]) =>
  path.length ? path.map(String).join('.') : '(body)';

/**
 * One field error per issue. A bad record key (a tag or label key) is named by the record's field,
 * with the key check's own words: the key itself may be the very text that must not be echoed.
 */
function fieldErrors(issue: z.core.$ZodIssue): FieldError[] {
  if (issue.code === 'invalid_key' && issue.issues.length) {
    const recordPath = issue.path.slice(0, -1);
    return issue.issues.map((inner) => ({
      field: fieldOf(recordPath),
      message: `key ${inner.message}`,
    }));
  }
  return [{ field: fieldOf(issue.path), message: issue.message }];
}

/** Parses request input with a contract schema; a failure names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.flatMap(fieldErrors);
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  throw new InputError(summary, fields);
}
