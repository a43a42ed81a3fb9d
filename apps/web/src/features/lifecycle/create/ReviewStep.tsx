import type { ReactNode } from 'react';
import type { Sources } from '@wheelhouse/contract';
import { KeyValueList } from '../../../components/KeyValueList.tsx';
import { LOG_TYPE_LABELS } from '@wheelhouse/contract/constants';
import { ENDPOINT_MODES } from '../forms/endpointAccess.ts';
import { CREATE_STEPS, type CreateClusterForm, type CreatePayload } from './createClusterForm.ts';

const mono = (text: string) => <span className="font-mono text-xs break-all">{text}</span>;
const list = (items: string[]) => (items.length > 0 ? mono(items.join(', ')) : undefined);

function ReviewSection({
  step,
  onEdit,
  items,
}: {
  step: number;
  onEdit: (step: number) => void;
  items: { label: string; value: ReactNode }[];
}) {
  const label = CREATE_STEPS[step]?.label ?? '';
  return (
    <section aria-label={label} className="rounded-md border border-line p-3">
      <div className="mb-2 flex items-center gap-2">
        <h3 className="font-semibold">{label}</h3>
        <button
          type="button"
          className="btn-ghost ml-auto h-7 px-2 text-link"
          aria-label={`Edit ${label}`}
          onClick={() => onEdit(step)}
        >
          Edit
        </button>
      </div>
      <KeyValueList items={items} />
    </section>
  );
}

/** The last step: everything that will be sent, by step, each with a way back to change it. */
export function ReviewStep({
  form,
  payload,
  sources,
  onEdit,
}: {
  form: CreateClusterForm;
  payload: CreatePayload;
  sources: Sources | undefined;
  onEdit: (step: number) => void;
}) {
  const account = sources?.accounts.find((candidate) => candidate.id === payload.accountId);
  const tags = Object.entries(payload.tags).map(([key, value]) => `${key}=${value}`);
  return (
    <div className="flex flex-col gap-3">
      <ReviewSection
        step={0}
        onEdit={onEdit}
        items={[
          {
            label: 'Account',
            value: account ? `${account.name} (${account.id})` : payload.accountId,
          },
          { label: 'Region', value: payload.region },
          { label: 'Cluster name', value: payload.name && mono(payload.name) },
          { label: 'Kubernetes version', value: payload.version },
        ]}
      />
      <ReviewSection
        step={1}
        onEdit={onEdit}
        items={[
          { label: 'Cluster IAM role', value: payload.roleArn && mono(payload.roleArn) },
          { label: 'Subnets', value: list(payload.subnetIds) },
          { label: 'Security groups', value: list(payload.securityGroupIds) },
          {
            label: 'Endpoint access',
            value: ENDPOINT_MODES.find((option) => option.mode === form.endpointMode)?.label,
          },
          {
            label: 'Public access CIDRs',
            value: payload.endpoint.publicAccessCidrs && list(payload.endpoint.publicAccessCidrs),
          },
        ]}
      />
      <ReviewSection
        step={2}
        onEdit={onEdit}
        items={[
          {
            label: 'Control plane logs',
            value:
              payload.logTypes.length > 0
                ? payload.logTypes.map((type) => LOG_TYPE_LABELS[type]).join(', ')
                : 'None',
          },
        ]}
      />
      <ReviewSection
        step={3}
        onEdit={onEdit}
        items={[
          {
            label: 'Secrets encryption',
            value: payload.secretsKmsKeyArn ? mono(payload.secretsKmsKeyArn) : 'Off',
          },
        ]}
      />
      <ReviewSection
        step={4}
        onEdit={onEdit}
        items={[{ label: 'Tags', value: tags.length > 0 ? list(tags) : 'None' }]}
      />
    </div>
  );
}
