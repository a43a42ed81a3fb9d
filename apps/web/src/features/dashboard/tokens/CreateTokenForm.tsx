import { useState } from 'react';
import { CreateDashboardTokenRequest } from '@wheelhouse/contract';
import { useCreateDashboardToken } from '../../../api/dashboard.ts';
import { FormField, INPUT_CLASSES } from '../../../components/FormField.tsx';
import {
  numberOrUndefined,
  serverFieldErrors,
  validate,
} from '../../../components/forms/formValidation.ts';
import { SubmitError } from '../../../components/SubmitError.tsx';
import { CreatedTokenView } from './CreatedTokenView.tsx';

/** Create a dashboard token (name, days until it expires); its secret is shown once, below. */
export function CreateTokenForm() {
  const create = useCreateDashboardToken();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [submitted, setSubmitted] = useState(false);
  const body = { name: name.trim(), expiresInDays: numberOrUndefined(days) };
  const check = validate(CreateDashboardTokenRequest, body);
  const errors = {
    ...serverFieldErrors(create.error),
    ...(submitted && !check.ok ? check.errors : {}),
  };

  if (create.data) {
    return (
      <CreatedTokenView
        created={create.data}
        onDone={() => {
          create.reset();
          setName('');
          setDays('90');
          setSubmitted(false);
        }}
      />
    );
  }
  return (
    <section aria-labelledby="create-token-title" className="card flex flex-col gap-3 p-4">
      <h2 id="create-token-title" className="text-base font-semibold">
        Create a token
      </h2>
      <form
        noValidate
        aria-label="Create a dashboard token"
        className="flex flex-wrap items-start gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          if (check.ok && !create.isPending) create.mutate(check.data);
        }}
      >
        <FormField
          label="Name"
          error={errors.name}
          hint="Where it is used, e.g. “Ops room TV”."
          className="min-w-56 flex-1"
        >
          {(control) => (
            <input
              {...control}
              className={INPUT_CLASSES}
              value={name}
              maxLength={64}
              onChange={(event) => setName(event.target.value)}
              autoComplete="off"
            />
          )}
        </FormField>
        <FormField label="Expires in (days)" error={errors.expiresInDays} className="w-40">
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={366}
              step={1}
              inputMode="numeric"
              className={`${INPUT_CLASSES} tabular-nums`}
              value={days}
              onChange={(event) => setDays(event.target.value)}
            />
          )}
        </FormField>
        <button type="submit" className="btn-primary mt-6" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
      </form>
      {create.isError && <SubmitError error={create.error} />}
    </section>
  );
}
