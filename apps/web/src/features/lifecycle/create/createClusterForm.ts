import type { CreateClusterRequest } from '@wheelhouse/contract';
import { type LogType } from '@wheelhouse/contract';
import { splitList, type FieldErrors } from '../../../components/forms/formValidation.ts';
import {
  rowsToRecord,
  tagRowErrors,
  type KeyValueRow,
} from '../../../components/forms/keyValueRows.ts';
import type { ChangeWizardStep } from '../../../components/forms/useChangeWizard.ts';
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
export const CREATE_STEPS: readonly (ChangeWizardStep & { fields: readonly RequestField[] })[] = [
  { id: 'general', label: 'General', fields: ['accountId', 'region', 'name', 'version'] },
  {
    id: 'access',
    label: 'Access & networking',
    fields: ['roleArn', 'subnetIds', 'securityGroupIds', 'endpoint'],
    inputs: ['endpointMode', 'publicAccessCidrs'],
  },
  { id: 'logging', label: 'Logging', fields: ['logTypes'] },
  { id: 'encryption', label: 'Encryption', fields: ['secretsKmsKeyArn'] },
  { id: 'tags', label: 'Tags', fields: ['tags'] },
  { id: 'review', label: 'Review', fields: [] },
];

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

/** Beyond the schema: tag rows a record cannot hold (blank or repeated keys), marked row by row. */
export function checkTagRows(form: CreateClusterForm): FieldErrors {
  return tagRowErrors(form.tags).size > 0 ? { tags: 'fix the tags marked on the Tags step' } : {};
}
