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

/**
 * A request schema of the contract. Changes to EKS carry an idempotency token, which the form adds
 * on send; a schema without one (tags) is sent as checked.
 */
type ChangeSchema = z.ZodType<object>;

/** What the user asked for, checked: the request without its token (the form adds it on send). */
export type ChangePayload<S extends ChangeSchema> = Omit<z.output<S>, 'clientRequestToken'>;

/**
 * When messages show: `touched`, a field's own once the user has left it; `edited`, every message
 * as soon as any field changes (fields that constrain each other, like sizes); `manual`, only when
 * the caller asks (`form.trigger`), as a wizard does step by step. All of them after a submit.
 */
export type RevealErrors = 'touched' | 'edited' | 'manual';

/** How one dialog or wizard step turns what was typed into its contract request. */
export interface ChangeFormOptions<TValues extends FieldValues> {
  defaultValues: DefaultValues<TValues>;
  /** Text as typed → the request's shape (trimmed, numbers, lists); the schema checks the result. */
  toRequest: (values: TValues) => object;
  /** Checks beyond the schema (cross-field rules, row rules), by request path like the schema's. */
  check?: (values: TValues) => FieldErrors;
  /** Words for field names that cross-field messages mention ("maxSize" → "the maximum"). */
  names?: Record<string, string>;
  reveal?: RevealErrors;
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

/**
 * Where each message goes: the form field that holds its path, and when one text field holds a
 * whole list, the message names the item it is about ("subnet-xyz: must be a subnet id").
 */
function placed(values: FieldValues, request: object, flat: FieldErrors): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const [path, message] of Object.entries(flat)) {
    const field = fieldOf(values, path);
    if (seen.has(field)) continue;
    seen.add(field);
    const item: unknown = field === path ? undefined : get(request, path);
    out.push([field, typeof item === 'string' && item !== '' ? `${item}: ${message}` : message]);
  }
  return out;
}

function nested<TValues extends FieldValues>(
  values: TValues,
  request: object,
  flat: FieldErrors,
  type: string,
): FormErrors<TValues> {
  const errors: FormErrors<TValues> = {};
  for (const [field, message] of placed(values, request, flat)) {
    set(errors, field, { type, message } satisfies FieldError);
  }
  return errors;
}

type Checked<S extends ChangeSchema> =
  { ok: true; payload: ChangePayload<S> } | { ok: false; errors: FieldErrors };

/** The request checked by the schema and the extra rules, without the token placeholder. */
function checkRequest<TValues extends FieldValues, S extends ChangeSchema>(
  schema: S,
  values: TValues,
  { toRequest, check, names }: ChangeFormOptions<TValues>,
): Checked<S> {
  const checked = validateChange(schema, toRequest(values), names);
  const flat: FieldErrors = { ...(check?.(values) ?? {}), ...(checked.ok ? {} : checked.errors) };
  delete flat.clientRequestToken;
  if (!checked.ok || Object.keys(flat).length > 0) return { ok: false, errors: flat };
  const { clientRequestToken: _placeholder, ...payload } = checked.data as {
    clientRequestToken?: string;
  };
  return { ok: true, payload: payload as ChangePayload<S> };
}

/** Whether the schema keeps a token (zod drops keys a schema does not declare). */
function carriesToken(schema: ChangeSchema, payload: object): boolean {
  const checked = validateChange(schema, payload);
  return checked.ok && 'clientRequestToken' in checked.data;
}

/**
 * The one form of every change dialog and wizard step (react-hook-form): the contract's request
 * schema checks what was typed; messages show as `reveal` says, every one after a submit attempt,
 * and focus moves to the first; only the checked request is sent, with the dialog's idempotency
 * token; a 400 naming fields puts each message on its field, and nothing typed is lost.
 */
export function useChangeForm<
  TValues extends FieldValues,
  S extends ChangeSchema,
  TResult = unknown,
  TContext = unknown,
>(
  schema: S,
  // The endpoint takes the schema's input; what the form sends is its output (defaults filled in).
  mutation: UseMutationResult<TResult, Error, z.input<S>, TContext>,
  options: ChangeFormOptions<TValues>,
) {
  const { toRequest, reveal = 'touched' } = options;
  const resolver: Resolver<TValues, unknown, ChangePayload<S>> = (values) => {
    const checked = checkRequest(schema, values, options);
    if (checked.ok) return { values: checked.payload, errors: {} };
    return { values: {}, errors: nested(values, toRequest(values), checked.errors, 'schema') };
  };
  const form = useForm<TValues, unknown, ChangePayload<S>>({
    defaultValues: options.defaultValues,
    resolver,
    mode: reveal === 'touched' ? 'onTouched' : reveal === 'edited' ? 'onChange' : 'onSubmit',
    reValidateMode: 'onChange',
    // A wizard moves focus itself, to the step that holds the first problem.
    shouldFocusError: reveal !== 'manual',
  });
  const tokenFor = useRequestToken();

  const { error } = mutation;
  const { setError, getValues, watch, trigger } = form;
  useEffect(() => {
    const values = getValues();
    for (const [field, message] of placed(values, toRequest(values), serverFieldErrors(error))) {
      setError(field as Path<TValues>, { type: 'server', message });
    }
    // A new answer places its messages; toRequest is the caller's and may change every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error, setError, getValues]);

  // Fields that constrain each other: a change to one can make another's message right or wrong.
  useEffect(() => {
    if (reveal !== 'edited') return;
    const subscription = watch((_values, { type }) => {
      if (type === 'change') void trigger();
    });
    return () => subscription.unsubscribe();
  }, [reveal, watch, trigger]);

  const send = (
    payload: ChangePayload<S>,
    onSuccess?: (result: TResult, request: z.output<S>) => void,
  ) => {
    const request = (
      carriesToken(schema, payload)
        ? { ...payload, clientRequestToken: tokenFor(payload) }
        : payload
    ) as z.output<S>;
    // A checked request is a valid input too: defaults filled in only make optional keys present.
    mutation.mutate(request as z.input<S>, {
      ...(onSuccess ? { onSuccess: (result: TResult) => onSuccess(result, request) } : {}),
    });
  };

  return {
    form,
    /**
     * Checks what is typed now and shows every message at once, synchronously (a wizard's Next,
     * which moves focus in the same render): the checked request, or the request paths at fault.
     */
    checkNow: (): Checked<S> => {
      const values = getValues();
      const checked = checkRequest(schema, values, options);
      form.clearErrors();
      if (!checked.ok) {
        for (const [field, message] of placed(values, toRequest(values), checked.errors)) {
          setError(field as Path<TValues>, { type: 'schema', message });
        }
      }
      return checked;
    },
    /** Sends a checked request with the form's idempotency token. */
    send,
    /** The message to show under a field, if any (its own, the schema's or the BFF's). */
    errorOf: (field: string): string | undefined => {
      const found: FieldError | undefined = get(form.formState.errors, field);
      return found?.message;
    },
    /** True once the user tried to submit: row editors show every message from then on. */
    submitted: form.formState.submitCount > 0,
    /** The checked request `values` stand for, or undefined while something is wrong (previews). */
    preview: (values: TValues): ChangePayload<S> | undefined => {
      const checked = checkRequest(schema, values, options);
      return checked.ok ? checked.payload : undefined;
    },
    /**
     * The form's onSubmit: check, then send the checked request with its idempotency token;
     * `onInvalid` hears about a check that failed (a wizard goes to the step at fault).
     */
    onSubmit:
      (
        onSuccess?: (result: TResult, request: z.output<S>) => void,
        onInvalid?: (errors: FormErrors<TValues>) => void,
      ) =>
      (event?: BaseSyntheticEvent) => {
        const submit = form.handleSubmit((payload) => send(payload, onSuccess), onInvalid);
        // handleSubmit settles after the check; the form's state carries the outcome.
        void submit(event);
      },
  };
}
