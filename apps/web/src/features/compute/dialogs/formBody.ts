import type { FieldErrors, Validation } from '../../../components/forms/formValidation.ts';

/**
 * One error map from the request's check and a nested part's own check (e.g. the sizes), the
 * part's paths moved under `prefix` ("minSize" → "scaling.minSize"); the request's own win.
 */
export function formBodyErrors(
  check: Validation<unknown>,
  partCheck: Validation<unknown>,
  prefix: string,
): FieldErrors {
  const errors: FieldErrors = check.ok ? {} : { ...check.errors };
  if (!partCheck.ok) {
    for (const [path, message] of Object.entries(partCheck.errors)) {
      if (path === 'clientRequestToken') continue;
      errors[`${prefix}.${path}`] ??= message;
    }
  }
  return errors;
}
