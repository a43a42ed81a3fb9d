import { RegisterClusterRequest } from '@wheelhouse/contract';
import { validate, type FieldErrors } from '../../../components/forms/formValidation.ts';
import {
  rowsToRecord,
  tagRowErrors,
  type KeyValueRow,
} from '../../../components/forms/keyValueRows.ts';
import type { WizardStep } from '../../../components/forms/WizardSteps.tsx';

/** What the register wizard holds, as typed. */
export interface RegisterForm {
  accountId: string;
  region: string;
  name: string;
  provider: RegisterClusterRequest['provider'] | '';
  roleArn: string;
  tags: KeyValueRow[];
}

export const EMPTY_REGISTER_FORM: RegisterForm = {
  accountId: '',
  region: '',
  name: '',
  provider: '',
  roleArn: '',
  tags: [],
};

type RequestField = Exclude<keyof RegisterClusterRequest, 'clientRequestToken'>;

export const REGISTER_STEPS: readonly (WizardStep & { fields: readonly RequestField[] })[] = [
  {
    id: 'cluster',
    label: 'Cluster',
    fields: ['accountId', 'region', 'name', 'provider', 'roleArn'],
  },
  { id: 'tags', label: 'Tags', fields: ['tags'] },
  { id: 'review', label: 'Review', fields: [] },
];

/** The request the form stands for, without its clientRequestToken. */
export function registerPayload(form: RegisterForm) {
  return {
    accountId: form.accountId,
    region: form.region,
    name: form.name.trim(),
    provider: form.provider,
    roleArn: form.roleArn.trim(),
    tags: rowsToRecord(form.tags),
  };
}
export type RegisterPayload = ReturnType<typeof registerPayload>;

const pickSchemas = REGISTER_STEPS.map((step) =>
  step.fields.length > 0
    ? RegisterClusterRequest.pick(
        Object.fromEntries(step.fields.map((field) => [field, true])) as Record<RequestField, true>,
      )
    : undefined,
);

/** What is wrong in one step (tags row by row as well), by request path. */
export function registerStepErrors(
  step: number,
  payload: RegisterPayload,
  form: RegisterForm,
): FieldErrors {
  const schema = pickSchemas[step];
  const result = schema ? validate(schema, payload) : undefined;
  const errors: FieldErrors = result && !result.ok ? { ...result.errors } : {};
  // An empty select reads as a choice to make, not as "invalid option".
  if (errors.provider && payload.provider === '') errors.provider = 'is required';
  if (REGISTER_STEPS[step]?.id === 'tags' && tagRowErrors(form.tags).size > 0) {
    errors.tags ??= 'fix the tags marked above';
  }
  return errors;
}
