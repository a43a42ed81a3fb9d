import { useState } from 'react';
import type { FieldErrors } from '../../../components/forms/formValidation.ts';

/**
 * Which messages a create form shows: a field's own once the user has left it, all of them after
 * a submit attempt; a 400 from the BFF names fields too, shown until the next attempt.
 */
export function useVisibleErrors(
  clientErrors: FieldErrors,
  serverErrors: FieldErrors,
  submitted: boolean,
) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  return {
    errorOf: (field: string): string | undefined =>
      (submitted || touched.has(field) ? clientErrors[field] : undefined) ?? serverErrors[field],
    touch: (field: string) => {
      if (!touched.has(field)) setTouched(new Set([...touched, field]));
    },
  };
}
