import { useEffect, useRef } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { FieldErrors } from '../../components/forms/formValidation.ts';
import { configurationValuesProblem } from './configurationValues.ts';

/**
 * The check of a dialog's configuration values against the schema of the build it is about. The
 * schema arrives after the dialog opened and changes with the chosen build, while the form's
 * check is set once: it reads the schema through a ref that `useFollowSchema` keeps current.
 */
export function useConfigurationCheck() {
  const schema = useRef<string | undefined>(undefined);
  return {
    schema,
    check: (values: { configurationValues: string }): FieldErrors => {
      const problem = configurationValuesProblem(values.configurationValues, schema.current);
      return problem ? { configurationValues: problem } : {};
    },
  };
}

/** Keeps the check's schema current and rechecks what was typed once it arrives or changes. */
export function useFollowSchema<TValues extends FieldValues>(
  form: Pick<UseFormReturn<TValues>, 'trigger' | 'getFieldState'> & {
    formState: { submitCount: number };
  },
  holder: { current: string | undefined },
  schema: string | undefined,
) {
  const { trigger, getFieldState } = form;
  const { submitCount } = form.formState;
  useEffect(() => {
    holder.current = schema;
    const field = 'configurationValues' as Path<TValues>;
    if (schema !== undefined && (submitCount > 0 || getFieldState(field).isTouched))
      void trigger(field);
  }, [holder, schema, trigger, getFieldState, submitCount]);
}
