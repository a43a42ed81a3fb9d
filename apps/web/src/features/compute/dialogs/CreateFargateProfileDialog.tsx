import { useFieldArray } from 'react-hook-form';
import {
  CreateFargateProfileRequest,
  type ClusterRef,
  type FargateProfile,
} from '@wheelhouse/contract';
import { useCreateFargateProfile } from '../../../api/compute.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { Dialog, DialogSubmitFooter } from '../../../components/Dialog.tsx';
import { FieldError, FormField, INPUT_CLASSES } from '../../../components/FormField.tsx';
import { splitList } from '../../../components/forms/formValidation.ts';
import {
  labelRowErrors,
  rowsOf,
  rowsToRecord,
  tagRowErrors,
  type KeyValueRow,
} from '../../../components/forms/keyValueRows.ts';
import { KeyValueRowsEditor } from '../../../components/forms/KeyValueRowsEditor.tsx';
import { useChangeForm } from '../../../components/forms/useChangeForm.ts';
import { SubmitError } from '../../../components/SubmitError.tsx';

const MAX_SELECTORS = 5;

interface SelectorDraft {
  namespace: string;
  labelRows: KeyValueRow[];
}

/** The dialog's fields as typed; the selectors are a field array. */
interface FargateFormValues {
  name: string;
  podExecutionRoleArn: string;
  subnets: string;
  selectors: SelectorDraft[];
  tagRows: KeyValueRow[];
}

const newSelector = (namespace = '', labels?: Record<string, string>): SelectorDraft => ({
  namespace,
  labelRows: rowsOf(labels),
});

/** Empty, or the settings of the profile to copy (`from` keeps its selectors and tags too). */
function defaultsFrom(
  source: FargateProfile | undefined,
  from: FargateProfile | undefined,
  takenNames: readonly string[],
): FargateFormValues {
  return {
    name: from ? nextProfileName(from.name, takenNames) : '',
    podExecutionRoleArn: source?.podExecutionRoleArn ?? '',
    subnets: source?.subnets.join('\n') ?? '',
    selectors: from
      ? from.selectors.map((s) => newSelector(s.namespace, s.labels))
      : [newSelector()],
    tagRows: from ? rowsOf(from.tags) : [],
  };
}

function toCreateFargateProfileRequest(values: FargateFormValues) {
  const tags = rowsToRecord(values.tagRows);
  return {
    name: values.name.trim(),
    podExecutionRoleArn: values.podExecutionRoleArn.trim(),
    subnets: splitList(values.subnets),
    selectors: values.selectors.map((selector) => {
      const labels = rowsToRecord(selector.labelRows);
      return {
        namespace: selector.namespace.trim(),
        ...(Object.keys(labels).length ? { labels } : {}),
      };
    }),
    ...(Object.keys(tags).length ? { tags } : {}),
  };
}

/** Row problems block the send; the row editors show them on their rows. */
function rowErrorsOf(values: FargateFormValues) {
  const errors: Record<string, string> = {};
  values.selectors.forEach((selector, index) => {
    if (labelRowErrors(selector.labelRows).size) {
      errors[`selectors.${index}.labelRows`] = 'a label needs fixing';
    }
  });
  if (tagRowErrors(values.tagRows).size) errors.tagRows = 'a tag needs fixing';
  return errors;
}

/** "batch" → "batch-v2", "batch-v2" → "batch-v3", skipping names already taken. */
export function nextProfileName(name: string, taken: readonly string[]): string {
  const match = /^(.*)-v(\d+)$/.exec(name);
  const base = match ? match[1]! : name;
  let version = match ? Number(match[2]) + 1 : 2;
  while (taken.includes(`${base}-v${version}`)) version++;
  return `${base}-v${version}`;
}

/**
 * Create a Fargate profile, or (with `from`) create a changed copy of one: profiles are immutable,
 * so "editing" means creating a new profile and deleting the old one once the new one is active.
 */
export function CreateFargateProfileDialog({
  clusterRef,
  from,
  template,
  takenNames,
  onClose,
  onDone,
}: {
  clusterRef: ClusterRef;
  /** The profile to recreate with changes. */
  from?: FargateProfile | undefined;
  /** A profile to copy the role and subnets from, when creating from scratch. */
  template?: FargateProfile | undefined;
  takenNames: readonly string[];
  onClose: () => void;
  onDone: (notice: ChangeNoticeContent) => void;
}) {
  const mutation = useCreateFargateProfile(clusterRef);
  const { form, errorOf, onSubmit } = useChangeForm(CreateFargateProfileRequest, mutation, {
    defaultValues: defaultsFrom(from ?? template, from, takenNames),
    toRequest: toCreateFargateProfileRequest,
    check: rowErrorsOf,
  });
  const { register, watch, setValue, control } = form;
  const selectorFields = useFieldArray({ control, name: 'selectors' });
  const selectors = watch('selectors');
  const tagRows = watch('tagRows');

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={from ? `Recreate Fargate profile ${from.name} with changes` : 'Create Fargate profile'}
      description="Pods whose namespace and labels match a selector run on Fargate, one pod per Fargate node, in the profile's private subnets."
      busy={mutation.isPending}
      size="lg"
    >
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={onSubmit((_result, body) =>
          onDone({
            text: from
              ? `Creating Fargate profile ${body.name}. Once it is Active, delete ${from.name}: until then a pod both match goes to either one at random.`
              : `Creating Fargate profile ${body.name}.`,
            doneText: from
              ? `Fargate profile ${body.name} is Active: you can delete ${from.name} now.`
              : `Fargate profile ${body.name} created: it is Active.`,
            subject: { kind: 'fargate-profile', name: body.name, until: 'settled' },
          }),
        )}
      >
        {from && (
          <div className="rounded-md border border-info-line bg-info-bg px-3 py-2 text-info-fg">
            <p className="font-semibold">Fargate profiles cannot be changed</p>
            <p className="text-fg">
              This creates a new profile from {from.name}&rsquo;s settings with your changes. When
              the new profile is Active, delete <strong>{from.name}</strong>: while both exist, a
              pod that matches both is placed by either of them at random.
            </p>
          </div>
        )}
        <FormField
          label="Profile name"
          hint={from ? 'A new name: the old profile still exists.' : undefined}
          error={errorOf('name')}
        >
          {(control) => (
            <input
              {...control}
              className={INPUT_CLASSES}
              {...register('name')}
              placeholder="batch-jobs"
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </FormField>
        <FormField
          label="Pod execution role ARN"
          hint="The role Fargate's kubelet uses to pull images and write logs."
          error={errorOf('podExecutionRoleArn')}
        >
          {(control) => (
            <input
              {...control}
              className={`${INPUT_CLASSES} font-mono`}
              {...register('podExecutionRoleArn')}
              placeholder="arn:aws:iam::111122223333:role/eks-fargate-pods"
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </FormField>
        <FormField
          label="Private subnets"
          hint="One per line or separated by commas. Fargate runs pods in private subnets only."
          error={errorOf('subnets')}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              className={`${INPUT_CLASSES} h-auto py-1.5 font-mono`}
              {...register('subnets')}
              placeholder="subnet-0abc1234"
              spellCheck={false}
            />
          )}
        </FormField>
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 text-sm font-medium">
            Selectors ({selectorFields.fields.length} of at most {MAX_SELECTORS})
          </legend>
          {errorOf('selectors') && <FieldError>Selectors {errorOf('selectors')}</FieldError>}
          {selectorFields.fields.map((selector, index) => {
            const field = `selectors.${index}.namespace` as const;
            const labelRows = selectors[index]?.labelRows ?? [];
            return (
              <div
                key={selector.id}
                role="group"
                aria-label={`Selector ${index + 1}`}
                className="flex flex-col gap-2 rounded-md border border-line p-3"
              >
                <div className="flex items-end gap-2">
                  <FormField
                    className="flex-1"
                    label={`Selector ${index + 1} namespace`}
                    error={errorOf(field)}
                  >
                    {(control) => (
                      <input
                        {...control}
                        className={`${INPUT_CLASSES} font-mono`}
                        {...register(field)}
                        placeholder="default"
                        autoComplete="off"
                        spellCheck={false}
                      />
                    )}
                  </FormField>
                  {selectorFields.fields.length > 1 && (
                    <button
                      type="button"
                      className="btn-ghost"
                      onClick={() => selectorFields.remove(index)}
                    >
                      Remove selector {index + 1}
                    </button>
                  )}
                </div>
                <KeyValueRowsEditor
                  legend={`Selector ${index + 1} labels (a pod needs all of them)`}
                  noun={`selector ${index + 1} label`}
                  rows={labelRows}
                  onChange={(rows) => setValue(`selectors.${index}.labelRows`, rows)}
                  errors={labelRowErrors(labelRows)}
                  showErrors
                />
              </div>
            );
          })}
          <div>
            <button
              type="button"
              className="btn-secondary h-7"
              disabled={selectorFields.fields.length >= MAX_SELECTORS}
              onClick={() => selectorFields.append({ namespace: '', labelRows: [] })}
            >
              Add selector
            </button>
          </div>
        </fieldset>
        <KeyValueRowsEditor
          legend="Tags"
          noun="tag"
          rows={tagRows}
          onChange={(rows) => setValue('tagRows', rows)}
          errors={tagRowErrors(tagRows)}
          showErrors
        />
        {mutation.isError && <SubmitError error={mutation.error} />}
        <DialogSubmitFooter
          onCancel={onClose}
          pending={mutation.isPending}
          label="Create Fargate profile"
          pendingLabel="Creating…"
        />
      </form>
    </Dialog>
  );
}
