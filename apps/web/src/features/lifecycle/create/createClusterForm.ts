import { CreateClusterRequest, type LogType } from '@wheelhouse/contract';
import { splitList, validate, type FieldErrors } from '../../../components/forms/formValidation.ts';
import {
  rowsToRecord,
  tagRowErrors,
  type KeyValueRow,
} from '../../../components/forms/keyValueRows.ts';
import type { WizardStep } from '../../../components/forms/WizardSteps.tsx';
import { endpointAccessOf, type EndpointMode } from '../forms/endpointAccess.ts';

/** Everything the create-cluster wizard holds, as typed (lists still as text). */
export interface CreateClusterForm {
  accountId: string;
  region: string;
  name: string;
  /** Empty until chosen: the region's default version is proposed. */
  version: string;
  roleArn: string;
  subnetIds: string;
  securityGroupIds: string;
  endpointMode: EndpointMode;
  publicAccessCidrs: string[];
  logTypes: LogType[];
  secretsKmsKeyArn: string;
  tags: KeyValueRow[];
}

export const EMPTY_CREATE_FORM: CreateClusterForm = {
  accountId: '',
  region: '',
  name: '',
  version: '',
  roleArn: '',
  subnetIds: '',
  securityGroupIds: '',
  endpointMode: 'public',
  publicAccessCidrs: [],
  logTypes: [],
  secretsKmsKeyArn: '',
  tags: [],
};

type RequestField = Exclude<keyof CreateClusterRequest, 'clientRequestToken'>;

/** The wizard's steps and the request fields each one fills in (and checks before moving on). */
export const CREATE_STEPS: readonly (WizardStep & { fields: readonly RequestField[] })[] = [
  { id: 'general', label: 'General', fields: ['accountId', 'region', 'name', 'version'] },
  {
    id: 'access',
    label: 'Access & networking',
    fields: ['roleArn', 'subnetIds', 'securityGroupIds', 'endpoint'],
  },
  { id: 'logging', label: 'Logging', fields: ['logTypes'] },
  { id: 'encryption', label: 'Encryption', fields: ['secretsKmsKeyArn'] },
  { id: 'tags', label: 'Tags', fields: ['tags'] },
  { id: 'review', label: 'Review', fields: [] },
];

export const REVIEW_STEP = CREATE_STEPS.length - 1;

/** The request the form stands for, without its clientRequestToken. */
export function createPayload(form: CreateClusterForm, defaultVersion: string | undefined) {
  const kms = form.secretsKmsKeyArn.trim();
  return {
    accountId: form.accountId,
    region: form.region,
    name: form.name.trim(),
    version: form.version || defaultVersion || '',
    roleArn: form.roleArn.trim(),
    subnetIds: splitList(form.subnetIds),
    securityGroupIds: splitList(form.securityGroupIds),
    endpoint: endpointAccessOf(form.endpointMode, form.publicAccessCidrs),
    logTypes: form.logTypes,
    ...(kms ? { secretsKmsKeyArn: kms } : {}),
    tags: rowsToRecord(form.tags),
  };
}
export type CreatePayload = ReturnType<typeof createPayload>;

const pickSchemas = CREATE_STEPS.map((step) =>
  step.fields.length > 0
    ? CreateClusterRequest.pick(
        Object.fromEntries(step.fields.map((field) => [field, true])) as Record<RequestField, true>,
      )
    : undefined,
);

/** What is wrong in one step, by request path ("subnetIds", "endpoint.publicAccessCidrs.1"). */
export function stepErrors(step: number, payload: CreatePayload): FieldErrors {
  const schema = pickSchemas[step];
  if (!schema) return {};
  const result = validate(schema, payload);
  return result.ok ? {} : result.errors;
}

/** Every step's errors; the review step checks the whole request before it is sent. */
export function allErrors(payload: CreatePayload, form: CreateClusterForm): FieldErrors {
  const errors: FieldErrors = {};
  CREATE_STEPS.forEach((_, step) => Object.assign(errors, stepErrors(step, payload)));
  if (tagRowErrors(form.tags).size > 0) errors.tags ??= 'fix the tags marked on the Tags step';
  return errors;
}

/** The step that holds a request path, so an error (ours or the BFF's) can be shown where it is. */
export function stepOfPath(path: string): number {
  const field = path.split('.')[0];
  const index = CREATE_STEPS.findIndex((step) =>
    (step.fields as readonly string[]).includes(field ?? ''),
  );
  return index === -1 ? REVIEW_STEP : index;
}

/**
 * The message for a list field (subnets, security groups): the list's own ("needs at least 2…"),
 * or the first bad item's, naming that item ("subnet-xyz: must be a subnet id").
 */
export function listError(
  errors: FieldErrors,
  field: string,
  values: readonly string[],
): string | undefined {
  if (errors[field]) return errors[field];
  for (const [path, message] of Object.entries(errors)) {
    const match = path.match(new RegExp(`^${field}\\.(\\d+)$`));
    if (match) return `${values[Number(match[1])] ?? 'an item'}: ${message}`;
  }
  return undefined;
}
