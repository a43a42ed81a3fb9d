import type { SourceError } from '@wheelhouse/contract';
import { fromAwsError } from '../upstream/awsErrors.ts';

/** What one source contributed to a fan-out: its items and what went wrong. */
export interface SourceResult<T> {
  items: T[];
  errors: SourceError[];
}

/** Turns an upstream failure into the error entry that names its source. */
export function sourceError(
  error: unknown,
  where: { accountId: string; region: string; cluster?: string },
): SourceError {
  const upstream = fromAwsError(error);
  return { ...where, code: upstream.code, message: upstream.message };
}

/** Merges the results of many sources; one failed source never hides the others. */
export function mergeResults<T>(results: SourceResult<T>[]): SourceResult<T> {
  return {
    items: results.flatMap((result) => result.items),
    errors: results.flatMap((result) => result.errors),
  };
}
