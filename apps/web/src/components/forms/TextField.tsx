import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FormField, INPUT_CLASSES } from '../FormField.tsx';

/**
 * One typed value of a change form, bound to its react-hook-form field: a labelled input (or a
 * textarea with `rows`) with its hint and message. Identifiers are typed as is (`mono`: no
 * autofill, no spell check).
 */
export function TextField({
  label,
  hint,
  error,
  field,
  placeholder,
  mono = false,
  rows,
  className,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error: string | undefined;
  /** What `register(name)` returned. */
  field: UseFormRegisterReturn;
  placeholder?: string | undefined;
  mono?: boolean;
  /** A textarea of that many rows (lists, one item per line). */
  rows?: number;
  className?: string;
}) {
  const classes = `${INPUT_CLASSES} ${mono ? 'font-mono' : ''}`;
  return (
    <FormField label={label} hint={hint} error={error} {...(className ? { className } : {})}>
      {(control) =>
        rows ? (
          <textarea
            {...control}
            {...field}
            rows={rows}
            className={`${classes} h-auto py-1.5`}
            placeholder={placeholder}
            spellCheck={false}
          />
        ) : (
          <input
            {...control}
            {...field}
            className={classes}
            placeholder={placeholder}
            autoComplete="off"
            spellCheck={mono ? false : undefined}
          />
        )
      }
    </FormField>
  );
}
