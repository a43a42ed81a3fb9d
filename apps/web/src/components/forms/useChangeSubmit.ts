import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { validate, type Validation } from './formValidation.ts';
import { useRequestToken } from './requestToken.ts';

// Stands in for the real token while checking a form, so the check is about what the user typed.
const TOKEN_PLACEHOLDER = 'checking';

/** Checks a change's payload (everything but its token) with the contract's request schema. */
export function validateChange<S extends z.ZodType>(
  schema: S,
  payload: object,
  names?: Record<string, string>,
): Validation<z.infer<S>> {
  return validate(schema, { ...payload, clientRequestToken: TOKEN_PLACEHOLDER }, names);
}

/**
 * The submit step every change dialog shares: count the attempt (errors show from then on), move
 * focus to the first invalid field, or send the payload with the dialog's idempotency token.
 */
export function useChangeSubmit<TPayload extends object>(
  send: (body: TPayload & { clientRequestToken: string }) => void,
) {
  const tokenFor = useRequestToken();
  const [attempts, setAttempts] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (attempts === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts]);
  return {
    formRef,
    /** True once the user tried to submit: every error shows from then on. */
    submitted: attempts > 0,
    submit: (payload: TPayload, valid: boolean) => {
      setAttempts((count) => count + 1);
      if (valid) send({ ...payload, clientRequestToken: tokenFor(payload) });
    },
  };
}
