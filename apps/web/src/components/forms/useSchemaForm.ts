import type { UseMutationResult } from '@tanstack/react-query';
import type { FieldValues } from 'react-hook-form';
import { z } from 'zod';
import { useChangeForm, type ChangeFormOptions } from './useChangeForm.ts';

/** A contract request schema without an idempotency token (Kubernetes changes, console settings). */
type PlainSchema = z.ZodObject;

export interface SchemaFormOptions<TValues extends FieldValues, S extends PlainSchema, TVariables>
  extends ChangeFormOptions<TValues> {
  /** The checked request → what the mutation takes (a bare number, the request itself). */
  toVariables: (request: z.output<S>) => TVariables;
}

/**
 * `useChangeForm` for requests that carry no idempotency token, and for mutations that take
 * something other than the request body (`useScaleWorkload` takes the replica count): the same
 * form, checks, focus and server field errors, so every dialog follows one convention. The token
 * useChangeForm adds is dropped before the mutation sees the request.
 */
export function useSchemaForm<
  TValues extends FieldValues,
  S extends PlainSchema,
  TVariables,
  TResult = unknown,
  TContext = unknown,
>(
  schema: S,
  mutation: UseMutationResult<TResult, Error, TVariables, TContext>,
  options: SchemaFormOptions<TValues, S, TVariables>,
) {
  const { toVariables, ...formOptions } = options;
  const tokened = schema.extend({ clientRequestToken: z.string() });
  type Tokened = z.output<typeof tokened>;
  const adapted = {
    ...mutation,
    mutate: (request: Tokened, callbacks?: { onSuccess?: (result: TResult) => void }) => {
      const { clientRequestToken: _unused, ...body } = request;
      mutation.mutate(toVariables(body as z.output<S>), {
        ...(callbacks?.onSuccess ? { onSuccess: callbacks.onSuccess } : {}),
      });
    },
  } as unknown as UseMutationResult<TResult, Error, Tokened, TContext>;
  return useChangeForm(tokened, adapted, formOptions);
}
