import { useState } from 'react';
import {
  CreateNodegroupRequest,
  ScaleNodegroupRequest,
  type ClusterRef,
  type Nodegroup,
} from '@wheelhouse/contract';
import { useCreateNodegroup } from '../../../api/compute.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { Dialog, DialogSubmitFooter } from '../../../components/Dialog.tsx';
import { FormField, INPUT_CLASSES } from '../../../components/FormField.tsx';
import {
  numberOrUndefined,
  serverFieldErrors,
  splitList,
  validate,
} from '../../../components/forms/formValidation.ts';
import {
  labelRowErrors,
  rowsToRecord,
  rowsToTaints,
  tagRowErrors,
  taintRowErrors,
  type KeyValueRow,
  type TaintRow,
} from '../../../components/forms/keyValueRows.ts';
import { KeyValueRowsEditor } from '../../../components/forms/KeyValueRowsEditor.tsx';
import { useChangeSubmit, validateChange } from '../../../components/forms/useChangeSubmit.ts';
import { SubmitError } from '../../../components/SubmitError.tsx';
import { formBodyErrors } from './formBody.ts';
import { useVisibleErrors } from './formLayout.ts';
import { TaintRowsEditor } from './TaintRowsEditor.tsx';

/** AMI families EKS offers for managed node groups; empty lets EKS pick its default. */
const AMI_TYPES = [
  'AL2023_x86_64_STANDARD',
  'AL2023_ARM_64_STANDARD',
  'AL2023_x86_64_NVIDIA',
  'BOTTLEROCKET_x86_64',
  'BOTTLEROCKET_ARM_64',
  'AL2_x86_64',
  'AL2_ARM_64',
  'WINDOWS_CORE_2022_x86_64',
  'CUSTOM',
];

const CAPACITY_TYPES = [
  { value: 'ON_DEMAND', label: 'On-Demand' },
  { value: 'SPOT', label: 'Spot' },
  { value: 'CAPACITY_BLOCK', label: 'Capacity Block' },
] as const;

const NAMES = { minSize: 'the minimum', maxSize: 'the maximum', desiredSize: 'the desired size' };

type SizeField = 'minSize' | 'desiredSize' | 'maxSize';

/**
 * Create a managed node group. The node role and subnets start from an existing node group of
 * the cluster (usually what a new one needs too); everything is checked before sending.
 */
export function CreateNodegroupDialog({
  clusterRef,
  template,
  onClose,
  onDone,
}: {
  clusterRef: ClusterRef;
  /** A node group to copy the node role and subnets from. */
  template: Nodegroup | undefined;
  onClose: () => void;
  onDone: (notice: ChangeNoticeContent) => void;
}) {
  const mutation = useCreateNodegroup(clusterRef);
  const [name, setName] = useState('');
  const [nodeRole, setNodeRole] = useState(template?.nodeRole ?? '');
  const [subnets, setSubnets] = useState(template?.subnets.join('\n') ?? '');
  const [instanceTypes, setInstanceTypes] = useState('');
  const [capacityType, setCapacityType] = useState<string>('ON_DEMAND');
  const [amiType, setAmiType] = useState('');
  const [diskSize, setDiskSize] = useState('');
  const [sizes, setSizes] = useState<Record<SizeField, string>>({
    minSize: '1',
    desiredSize: '2',
    maxSize: '3',
  });
  const [labelRows, setLabelRows] = useState<KeyValueRow[]>([]);
  const [taintRows, setTaintRows] = useState<TaintRow[]>([]);
  const [tagRows, setTagRows] = useState<KeyValueRow[]>([]);

  const scaling = {
    minSize: numberOrUndefined(sizes.minSize),
    maxSize: numberOrUndefined(sizes.maxSize),
    desiredSize: numberOrUndefined(sizes.desiredSize),
  };
  const labels = rowsToRecord(labelRows);
  const taints = rowsToTaints(taintRows);
  const tags = rowsToRecord(tagRows);
  const types = splitList(instanceTypes);
  const payload = {
    name: name.trim(),
    nodeRole: nodeRole.trim(),
    subnets: splitList(subnets),
    ...(types.length ? { instanceTypes: types } : {}),
    capacityType,
    ...(amiType ? { amiType } : {}),
    ...(diskSize.trim() ? { diskSize: numberOrUndefined(diskSize) } : {}),
    scaling,
    ...(Object.keys(labels).length ? { labels } : {}),
    ...(taints.length ? { taints } : {}),
    ...(Object.keys(tags).length ? { tags } : {}),
  };

  const check = validateChange(CreateNodegroupRequest, payload, NAMES);
  // The create schema checks each size alone; the scale schema adds min <= desired <= max.
  const sizeCheck = validate(ScaleNodegroupRequest, { ...scaling, clientRequestToken: 'x' }, NAMES);
  const clientErrors = formBodyErrors(check, sizeCheck, 'scaling');
  const rowErrors = {
    labels: labelRowErrors(labelRows),
    taints: taintRowErrors(taintRows),
    tags: tagRowErrors(tagRows),
  };
  const valid =
    check.ok &&
    sizeCheck.ok &&
    rowErrors.labels.size + rowErrors.taints.size + rowErrors.tags.size === 0;

  const { formRef, submitted, submit } = useChangeSubmit<typeof payload>((body) =>
    mutation.mutate(body as unknown as CreateNodegroupRequest, {
      onSuccess: () =>
        onDone({
          text: `Creating node group ${body.name}. It shows as Creating until its instances have joined the cluster.`,
          doneText: `Node group ${body.name} created: it is Active.`,
          subject: { kind: 'nodegroup', name: body.name, until: 'settled' },
        }),
    }),
  );
  const { errorOf, touch } = useVisibleErrors(
    clientErrors,
    serverFieldErrors(mutation.error),
    submitted,
  );

  const text = (
    field: string,
    label: string,
    value: string,
    set: (value: string) => void,
    extra: { hint?: string; placeholder?: string; mono?: boolean } = {},
  ) => (
    <FormField label={label} hint={extra.hint} error={errorOf(field)}>
      {(control) => (
        <input
          {...control}
          className={`${INPUT_CLASSES} ${extra.mono ? 'font-mono' : ''}`}
          placeholder={extra.placeholder}
          value={value}
          onChange={(event) => set(event.target.value)}
          onBlur={() => touch(field)}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </FormField>
  );

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Create node group"
      description={`A managed node group of cluster ${clusterRef.name}: EC2 instances in an Auto Scaling group that EKS keeps up to date.`}
      busy={mutation.isPending}
      size="lg"
    >
      <form
        ref={formRef}
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          submit(payload, valid);
        }}
      >
        {text('name', 'Node group name', name, setName, { placeholder: 'general-purpose' })}
        {text('nodeRole', 'Node IAM role ARN', nodeRole, setNodeRole, {
          mono: true,
          placeholder: 'arn:aws:iam::111122223333:role/eks-node-role',
          ...(template?.nodeRole ? { hint: `Prefilled from node group ${template.name}.` } : {}),
        })}
        <FormField
          label="Subnets"
          hint={`One per line or separated by commas.${template?.subnets.length ? ` Prefilled from node group ${template.name}.` : ''}`}
          error={errorOf('subnets')}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              className={`${INPUT_CLASSES} h-auto py-1.5 font-mono`}
              placeholder="subnet-0abc1234"
              value={subnets}
              onChange={(event) => setSubnets(event.target.value)}
              onBlur={() => touch('subnets')}
              spellCheck={false}
            />
          )}
        </FormField>
        <div className="grid gap-3 sm:grid-cols-2">
          {text('instanceTypes', 'Instance types', instanceTypes, setInstanceTypes, {
            placeholder: 'm5.large, m5a.large',
            hint: 'Separated by commas; empty for EKS’s default (t3.medium).',
            mono: true,
          })}
          <FormField label="Capacity type" error={errorOf('capacityType')}>
            {(control) => (
              <select
                {...control}
                className={INPUT_CLASSES}
                value={capacityType}
                onChange={(event) => setCapacityType(event.target.value)}
              >
                {CAPACITY_TYPES.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="AMI type" error={errorOf('amiType')}>
            {(control) => (
              <select
                {...control}
                className={INPUT_CLASSES}
                value={amiType}
                onChange={(event) => setAmiType(event.target.value)}
              >
                <option value="">EKS default for the cluster version</option>
                {AMI_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {text('diskSize', 'Disk size (GiB)', diskSize, setDiskSize, {
            placeholder: '20',
            hint: 'Empty for EKS’s default.',
          })}
        </div>
        <fieldset className="grid grid-cols-3 gap-3">
          <legend className="mb-1 text-sm font-medium">Scaling</legend>
          {(
            [
              ['minSize', 'Minimum size'],
              ['desiredSize', 'Desired size'],
              ['maxSize', 'Maximum size'],
            ] as const
          ).map(([field, label]) => (
            <FormField key={field} label={label} error={errorOf(`scaling.${field}`)}>
              {(control) => (
                <input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  className={`${INPUT_CLASSES} tabular-nums`}
                  value={sizes[field]}
                  onChange={(event) => setSizes({ ...sizes, [field]: event.target.value })}
                  onBlur={() => touch(`scaling.${field}`)}
                />
              )}
            </FormField>
          ))}
        </fieldset>
        <KeyValueRowsEditor
          legend="Kubernetes labels"
          noun="label"
          rows={labelRows}
          onChange={setLabelRows}
          errors={rowErrors.labels}
          showErrors
        />
        <TaintRowsEditor
          legend="Taints"
          rows={taintRows}
          onChange={setTaintRows}
          errors={rowErrors.taints}
          showErrors
        />
        <KeyValueRowsEditor
          legend="Tags"
          noun="tag"
          rows={tagRows}
          onChange={setTagRows}
          errors={rowErrors.tags}
          showErrors
        />
        {mutation.isError && <SubmitError error={mutation.error} />}
        <DialogSubmitFooter
          onCancel={onClose}
          pending={mutation.isPending}
          label="Create node group"
          pendingLabel="Creating…"
        />
      </form>
    </Dialog>
  );
}
