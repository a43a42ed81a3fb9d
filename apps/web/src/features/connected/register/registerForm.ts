import type { RegisterClusterRequest } from '@wheelhouse/contract';
import type { FieldErrors } from '../../../components/forms/formValidation.ts';
import {
  rowsToRecord,
  tagRowErrors,
  type KeyValueRow,
} from '../../../components/forms/keyValueRows.ts';
import type { ChangeWizardStep } from '../../../components/forms/useChangeWizard.ts';

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

export const REGISTER_STEPS: readonly (ChangeWizardStep & { fields: readonly RequestField[] })[] = [
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
    // An empty select is a choice still to make: the schema says "is required".
    provider: form.provider || undefined,
    roleArn: form.roleArn.trim(),
    tags: rowsToRecord(form.tags),
  };
}
export type RegisterPayload = ReturnType<typeof registerPayload>;

/** Beyond the schema: tag rows a record cannot hold (blank or repeated keys), marked row by row. */
export function checkTagRows(form: RegisterForm): FieldErrors {
  return tagRowErrors(form.tags).size > 0 ? { tags: 'fix the tags marked above' } : {};
}
