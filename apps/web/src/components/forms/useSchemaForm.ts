import type { UseMutationResult } from '@tanstack/react-query';
import type { FieldValues } from 'react-hook-form';
import { z } from 'zod';
import { useChangeForm, type ChangeFormOptions } from './useChangeForm.ts';

type Schema = z.ZodObject;

export interface SchemaFormOptions<
  TValues extends FieldValues,
  S extends Schema,
  TVariables,
> extends ChangeFormOptions<TValues> {
  /** The checked request → what the mutation takes (a bare number, the request itself). */
  toVariables: (request: z.output<S>) => TVariables;
}

/**
 * `useChangeForm` for requests that carry no idempotency token, and for mutations that take
 * something other than the checked request (`useScaleWorkload` takes the replica count): the same
 * form, checks, focus and server field errors, so every dialog follows one convention. A request
 * without a token of its own gets none: the one useChangeForm adds is dropped before sending.
 */
export function useSchemaForm<
  TValues extends FieldValues,
  S extends Schema,
  TVariables,
  TResult = unknown,
  TContext = unknown,
>(
  schema: S,
  mutation: UseMutationResult<TResult, Error, TVariables, TContext>,
  options: SchemaFormOptions<TValues, S, TVariables>,
) {
  const { toVariables, ...formOptions } = options;
  const ownToken = 'clientRequestToken' in schema.shape;
  type Tokened = z.output<S> & { clientRequestToken: string };
  const tokened = (ownToken
    ? schema
    : schema.extend({ clientRequestToken: z.string() })) as unknown as z.ZodType<Tokened, Tokened>;
  const adapted = {
    ...mutation,
    mutate: (request: Tokened, callbacks?: { onSuccess?: (result: TResult) => void }) => {
      const { clientRequestToken, ...body } = request;
      const sent = (ownToken ? { ...body, clientRequestToken } : body) as z.output<S>;
      mutation.mutate(toVariables(sent), {
        ...(callbacks?.onSuccess ? { onSuccess: callbacks.onSuccess } : {}),
      });
    },
    // Only mutate differs; useChangeForm reads the rest (error, isPending) as they are.
  } as unknown as UseMutationResult<TResult, Error, Tokened, TContext>;
  return useChangeForm(tokened, adapted, formOptions);
}
