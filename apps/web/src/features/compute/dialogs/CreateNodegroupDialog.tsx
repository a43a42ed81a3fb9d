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
import { useChangeForm } from '../../../components/forms/useChangeForm.ts';
import { SubmitError } from '../../../components/SubmitError.tsx';
import { formBodyErrors } from './formBody.ts';
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

/** The dialog's fields as typed: numbers and lists stay text until they are checked. */
interface NodegroupFormValues {
  name: string;
  nodeRole: string;
  subnets: string;
  instanceTypes: string;
  capacityType: string;
  amiType: string;
  diskSize: string;
  scaling: Record<SizeField, string>;
  labelRows: KeyValueRow[];
  taintRows: TaintRow[];
  tagRows: KeyValueRow[];
}

/** An empty form, with the node role and subnets of the template node group. */
const defaultsFrom = (template: Nodegroup | undefined): NodegroupFormValues => ({
  name: '',
  nodeRole: template?.nodeRole ?? '',
  subnets: template?.subnets.join('\n') ?? '',
  instanceTypes: '',
  capacityType: 'ON_DEMAND',
  amiType: '',
  diskSize: '',
  scaling: { minSize: '1', desiredSize: '2', maxSize: '3' },
  labelRows: [],
  taintRows: [],
  tagRows: [],
});

const toScaling = ({ scaling }: NodegroupFormValues) => ({
  minSize: numberOrUndefined(scaling.minSize),
  maxSize: numberOrUndefined(scaling.maxSize),
  desiredSize: numberOrUndefined(scaling.desiredSize),
});

function toCreateNodegroupRequest(values: NodegroupFormValues) {
  const labels = rowsToRecord(values.labelRows);
  const taints = rowsToTaints(values.taintRows);
  const tags = rowsToRecord(values.tagRows);
  const types = splitList(values.instanceTypes);
  return {
    name: values.name.trim(),
    nodeRole: values.nodeRole.trim(),
    subnets: splitList(values.subnets),
    ...(types.length ? { instanceTypes: types } : {}),
    capacityType: values.capacityType,
    ...(values.amiType ? { amiType: values.amiType } : {}),
    ...(values.diskSize.trim() ? { diskSize: numberOrUndefined(values.diskSize) } : {}),
    scaling: toScaling(values),
    ...(Object.keys(labels).length ? { labels } : {}),
    ...(taints.length ? { taints } : {}),
    ...(Object.keys(tags).length ? { tags } : {}),
  };
}

/** Row problems block the send; the row editors show them on their rows. */
function rowErrorsOf(values: NodegroupFormValues) {
  const errors: Record<string, string> = {};
  if (labelRowErrors(values.labelRows).size) errors.labelRows = 'a label needs fixing';
  if (taintRowErrors(values.taintRows).size) errors.taintRows = 'a taint needs fixing';
  if (tagRowErrors(values.tagRows).size) errors.tagRows = 'a tag needs fixing';
  return errors;
}

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
  const { form, errorOf, onSubmit } = useChangeForm(CreateNodegroupRequest, mutation, {
    defaultValues: defaultsFrom(template),
    toRequest: toCreateNodegroupRequest,
    check: (values) => ({
      // The create schema checks each size alone; the scale schema adds min <= desired <= max.
      ...formBodyErrors(
        { ok: true, data: undefined },
        validate(ScaleNodegroupRequest, { ...toScaling(values), clientRequestToken: 'x' }, NAMES),
        'scaling',
      ),
      ...rowErrorsOf(values),
    }),
    names: NAMES,
  });
  const { register, watch, setValue } = form;
  const [labelRows, taintRows, tagRows] = watch(['labelRows', 'taintRows', 'tagRows']);
  const rowErrors = {
    labels: labelRowErrors(labelRows),
    taints: taintRowErrors(taintRows),
    tags: tagRowErrors(tagRows),
  };

  const text = (
    field: 'name' | 'nodeRole' | 'instanceTypes' | 'diskSize',
    label: string,
    extra: { hint?: string; placeholder?: string; mono?: boolean } = {},
  ) => (
    <FormField label={label} hint={extra.hint} error={errorOf(field)}>
      {(control) => (
        <input
          {...control}
          {...register(field)}
          className={`${INPUT_CLASSES} ${extra.mono ? 'font-mono' : ''}`}
          placeholder={extra.placeholder}
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
        noValidate
        className="flex flex-col gap-4"
        onSubmit={onSubmit((_result, body) =>
          onDone({
            text: `Creating node group ${body.name}. It shows as Creating until its instances have joined the cluster.`,
            doneText: `Node group ${body.name} created: it is Active.`,
            subject: { kind: 'nodegroup', name: body.name, until: 'settled' },
          }),
        )}
      >
        {text('name', 'Node group name', { placeholder: 'general-purpose' })}
        {text('nodeRole', 'Node IAM role ARN', {
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
              {...register('subnets')}
              spellCheck={false}
            />
          )}
        </FormField>
        <div className="grid gap-3 sm:grid-cols-2">
          {text('instanceTypes', 'Instance types', {
            placeholder: 'm5.large, m5a.large',
            hint: 'Separated by commas; empty for EKS’s default (t3.medium).',
            mono: true,
          })}
          <FormField label="Capacity type" error={errorOf('capacityType')}>
            {(control) => (
              <select {...control} className={INPUT_CLASSES} {...register('capacityType')}>
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
              <select {...control} className={INPUT_CLASSES} {...register('amiType')}>
                <option value="">EKS default for the cluster version</option>
                {AMI_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {text('diskSize', 'Disk size (GiB)', {
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
                  {...register(`scaling.${field}`)}
                />
              )}
            </FormField>
          ))}
        </fieldset>
        <KeyValueRowsEditor
          legend="Kubernetes labels"
          noun="label"
          rows={labelRows}
          onChange={(rows) => setValue('labelRows', rows)}
          errors={rowErrors.labels}
          showErrors
        />
        <TaintRowsEditor
          legend="Taints"
          rows={taintRows}
          onChange={(rows) => setValue('taintRows', rows)}
          errors={rowErrors.taints}
          showErrors
        />
        <KeyValueRowsEditor
          legend="Tags"
          noun="tag"
          rows={tagRows}
          onChange={(rows) => setValue('tagRows', rows)}
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
