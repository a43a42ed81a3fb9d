import { CreateDashboardTokenRequest } from '@wheelhouse/contract';
import { useCreateDashboardToken } from '../../../api/dashboard.ts';
import { FormField, INPUT_CLASSES } from '../../../components/FormField.tsx';
import { numberOrUndefined } from '../../../components/forms/formValidation.ts';
import { useSchemaForm } from '../../../components/forms/useSchemaForm.ts';
import { SubmitError } from '../../../components/SubmitError.tsx';
import { CreatedTokenView } from './CreatedTokenView.tsx';

/** Create a dashboard token (name, days until it expires); its secret is shown once, below. */
export function CreateTokenForm() {
  const create = useCreateDashboardToken();
  const { form, errorOf, onSubmit } = useSchemaForm(CreateDashboardTokenRequest, create, {
    defaultValues: { name: '', expiresInDays: '90' },
    toRequest: (values) => ({
      name: values.name.trim(),
      expiresInDays: numberOrUndefined(values.expiresInDays),
    }),
    toVariables: (request) => request,
  });
  const { register } = form;

  if (create.data) {
    return (
      <CreatedTokenView
        created={create.data}
        onDone={() => {
          create.reset();
          form.reset();
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
          if (create.isPending) event.preventDefault();
          else onSubmit()(event);
        }}
      >
        <FormField
          label="Name"
          error={errorOf('name')}
          hint="Where it is used, e.g. “Ops room TV”."
          className="min-w-56 flex-1"
        >
          {(control) => (
            <input
              {...control}
              className={INPUT_CLASSES}
              maxLength={64}
              {...register('name')}
              autoComplete="off"
            />
          )}
        </FormField>
        <FormField label="Expires in (days)" error={errorOf('expiresInDays')} className="w-40">
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={366}
              step={1}
              inputMode="numeric"
              className={`${INPUT_CLASSES} tabular-nums`}
              {...register('expiresInDays')}
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
