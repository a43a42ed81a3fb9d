import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect } from 'react';
import { get, type FieldError, type FieldValues, type Path, type PathValue } from 'react-hook-form';
import type { z } from 'zod';
import { serverFieldErrors } from './formValidation.ts';
import { useChangeForm, type ChangeFormOptions } from './useChangeForm.ts';
import { useWizard } from './useWizard.ts';
import type { WizardStep } from './WizardSteps.tsx';

/** A wizard step and what it fills in. */
export interface ChangeWizardStep extends WizardStep {
  /** The request's top-level fields the step fills in, checked before the user moves on. */
  fields: readonly string[];
  /** Form fields of this step named unlike the request's (an endpoint mode that makes `endpoint`). */
  inputs?: readonly string[];
}

export interface ChangeWizardOptions<TValues extends FieldValues> extends Omit<
  ChangeFormOptions<TValues>,
  'reveal'
> {
  steps: readonly ChangeWizardStep[];
}

/**
 * `useChangeForm` spread over wizard steps: the same contract schema checks the whole request, but
 * a step's messages show only once the user tried to leave it (then follow each edit), Next moves
 * on only when the step's own fields are right, a submit that finds a problem goes to the first
 * step at fault, and so does a 400 from the BFF naming a field. Nothing typed is lost on the way.
 */
export function useChangeWizard<
  TValues extends FieldValues,
  S extends z.ZodType<object>,
  TResult = unknown,
  TContext = unknown,
>(
  schema: S,
  mutation: UseMutationResult<TResult, Error, z.input<S>, TContext>,
  { steps, ...options }: ChangeWizardOptions<TValues>,
) {
  const change = useChangeForm(schema, mutation, { ...options, reveal: 'manual' });
  const wizard = useWizard(steps.length);
  const { form } = change;
  const { step, checked, showInvalid } = wizard;

  const stepOf = (path: string): number => {
    const field = path.split('.')[0] ?? '';
    const index = steps.findIndex(
      (candidate) => candidate.fields.includes(field) || candidate.inputs?.includes(field),
    );
    return index === -1 ? steps.length - 1 : index;
  };
  const firstStepAtFault = (paths: readonly string[]) => Math.min(...paths.map(stepOf));

  // The BFF's field messages are set by useChangeForm; the user is taken to where they show.
  const { error } = mutation;
  useEffect(() => {
    const paths = Object.keys(serverFieldErrors(error));
    if (paths.length > 0) showInvalid(firstStepAtFault(paths));
    // Only a new answer moves the wizard; the steps are fixed for its lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error]);

  // The whole request is checked every time (cross-step rules hold), but a step's messages show
  // only once the user tried to leave it; the BFF's messages show wherever they are.
  const errorOf = (path: string): string | undefined => {
    const found: FieldError | undefined = get(form.formState.errors, path);
    if (found?.type !== 'server' && !checked.has(stepOf(path))) return undefined;
    return found?.message;
  };

  return {
    wizard,
    /** What the user typed so far. */
    values: form.watch(),
    /** Sets fields; once a step's messages show, they follow each edit. */
    update: (values: Partial<TValues>) => {
      for (const [field, value] of Object.entries(values)) {
        form.setValue(field as Path<TValues>, value as PathValue<TValues, Path<TValues>>, {
          shouldDirty: true,
        });
      }
      if (checked.size > 0) change.checkNow();
    },
    errorOf,
    /** Next: the wizard moves on only when the current step's fields are right. */
    next: () => {
      const checkedNow = change.checkNow();
      const paths = checkedNow.ok ? [] : Object.keys(checkedNow.errors);
      wizard.next(!paths.some((path) => stepOf(path) === step));
    },
    /** The last step's submit: the whole request is checked, then sent with its token. */
    submit: (onSuccess?: (result: TResult, request: z.output<S>) => void) => () => {
      const checkedNow = change.checkNow();
      if (checkedNow.ok) change.send(checkedNow.payload, onSuccess);
      else showInvalid(firstStepAtFault(Object.keys(checkedNow.errors)));
    },
    /** Back to an empty first step (after a completed submission). */
    reset: () => {
      form.reset();
      wizard.reset();
    },
  };
}
