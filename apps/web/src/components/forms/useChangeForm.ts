import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect, type BaseSyntheticEvent } from 'react';
import {
  get,
  set,
  useForm,
  type DefaultValues,
  type FieldError,
  type FieldErrors as FormErrors,
  type FieldValues,
  type Path,
  type Resolver,
} from 'react-hook-form';
import type { z } from 'zod';
import { serverFieldErrors, type FieldErrors } from './formValidation.ts';
import { useRequestToken } from './requestToken.ts';
import { validateChange } from './useChangeSubmit.ts';

/** A request schema of the contract: every change carries an idempotency token. */
type ChangeSchema = z.ZodType<{ clientRequestToken: string }>;

/** What the user asked for, checked: the request without its token (the form adds it on send). */
export type ChangePayload<S extends ChangeSchema> = Omit<z.output<S>, 'clientRequestToken'>;

/** How one dialog or wizard step turns what was typed into its contract request. */
export interface ChangeFormOptions<TValues extends FieldValues> {
  defaultValues: DefaultValues<TValues>;
  /** Text as typed → the request's shape (trimmed, numbers, lists); the schema checks the result. */
  toRequest: (values: TValues) => object;
  /** Checks beyond the schema (cross-field rules, row rules), by request path like the schema's. */
  check?: (values: TValues) => FieldErrors;
  /** Words for field names that cross-field messages mention ("maxSize" → "the maximum"). */
  names?: Record<string, string>;
}

/**
 * A request path ("subnets.0", "scaling.minSize") → the form field that holds it: the longest
 * prefix that is a field of its own (a textarea of subnets holds every "subnets.N").
 */
function fieldOf(values: FieldValues, path: string): string {
  const parts = path.split('.');
  for (let length = 1; length <= parts.length; length += 1) {
    const prefix = parts.slice(0, length).join('.');
    const value: unknown = get(values, prefix);
    if (value === undefined) return path;
    if (typeof value !== 'object' || value === null) return prefix;
  }
  return path;
}

function nested<TValues extends FieldValues>(
  values: TValues,
  flat: FieldErrors,
  type: string,
): FormErrors<TValues> {
  const errors: FormErrors<TValues> = {};
  for (const [path, message] of Object.entries(flat)) {
    const field = fieldOf(values, path);
    if (get(errors, field) === undefined)
      set(errors, field, { type, message } satisfies FieldError);
  }
  return errors;
}

/**
 * The one form of every change dialog and wizard step (react-hook-form): the contract's request
 * schema checks what was typed; a field's error shows once the user has left it, every error after
 * a submit attempt, and focus moves to the first; only the checked request is sent, with the
 * dialog's idempotency token; a 400 naming fields puts each message on its field, and nothing
 * typed is lost.
 */
export function useChangeForm<
  TValues extends FieldValues,
  S extends ChangeSchema,
  TResult = unknown,
  TContext = unknown,
>(
  schema: S,
  mutation: UseMutationResult<TResult, Error, z.output<S>, TContext>,
  options: ChangeFormOptions<TValues>,
) {
  const { toRequest, check, names } = options;
  const resolver: Resolver<TValues, unknown, ChangePayload<S>> = (values) => {
    const checked = validateChange(schema, toRequest(values), names);
    const extra = check?.(values) ?? {};
    const flat: FieldErrors = { ...extra, ...(checked.ok ? {} : checked.errors) };
    delete flat.clientRequestToken;
    if (checked.ok && Object.keys(flat).length === 0) {
      const { clientRequestToken: _placeholder, ...payload } = checked.data;
      return { values: payload as ChangePayload<S>, errors: {} };
    }
    return { values: {}, errors: nested(values, flat, 'schema') };
  };
  const form = useForm<TValues, unknown, ChangePayload<S>>({
    defaultValues: options.defaultValues,
    resolver,
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
  const tokenFor = useRequestToken();

  const { error } = mutation;
  const { setError, getValues } = form;
  useEffect(() => {
    const values = getValues();
    for (const [path, message] of Object.entries(serverFieldErrors(error))) {
      setError(fieldOf(values, path) as Path<TValues>, { type: 'server', message });
    }
  }, [error, setError, getValues]);

  return {
    form,
    /** The message to show under a field, if any (its own, the schema's or the BFF's). */
    errorOf: (field: string): string | undefined => {
      const found: FieldError | undefined = get(form.formState.errors, field);
      return found?.message;
    },
    /** True once the user tried to submit: row editors show every message from then on. */
    submitted: form.formState.submitCount > 0,
    /** The form's onSubmit: check, then send the checked request with its idempotency token. */
    onSubmit:
      (onSuccess?: (result: TResult, request: z.output<S>) => void) =>
      (event: BaseSyntheticEvent) => {
        const send = form.handleSubmit((payload) => {
          const request = { ...payload, clientRequestToken: tokenFor(payload) } as z.output<S>;
          mutation.mutate(request, {
            ...(onSuccess ? { onSuccess: (result: TResult) => onSuccess(result, request) } : {}),
          });
        });
        // handleSubmit settles after the check; the form's state carries the outcome.
        void send(event);
      },
  };
}
