import { useState } from 'react';
import {
  CreateFargateProfileRequest,
  type ClusterRef,
  type FargateProfile,
} from '@wheelhouse/contract';
import { useCreateFargateProfile } from '../../../api/compute.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { Dialog, DialogSubmitFooter } from '../../../components/Dialog.tsx';
import { FieldError, FormField, INPUT_CLASSES } from '../../../components/FormField.tsx';
import { serverFieldErrors, splitList } from '../../../components/forms/formValidation.ts';
import {
  labelRowErrors,
  rowsOf,
  rowsToRecord,
  tagRowErrors,
  type KeyValueRow,
} from '../../../components/forms/keyValueRows.ts';
import { KeyValueRowsEditor } from '../../../components/forms/KeyValueRowsEditor.tsx';
import { useChangeSubmit, validateChange } from '../../../components/forms/useChangeSubmit.ts';
import { SubmitError } from '../../../components/SubmitError.tsx';
import { useVisibleErrors } from './formLayout.ts';

const MAX_SELECTORS = 5;

interface SelectorDraft {
  id: number;
  namespace: string;
  labelRows: KeyValueRow[];
}

let nextSelectorId = 1;
const newSelector = (namespace = '', labels?: Record<string, string>): SelectorDraft => ({
  id: nextSelectorId++,
  namespace,
  labelRows: rowsOf(labels),
});

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
  const source = from ?? template;
  const [name, setName] = useState(from ? nextProfileName(from.name, takenNames) : '');
  const [role, setRole] = useState(source?.podExecutionRoleArn ?? '');
  const [subnets, setSubnets] = useState(source?.subnets.join('\n') ?? '');
  const [selectors, setSelectors] = useState<SelectorDraft[]>(
    from ? from.selectors.map((s) => newSelector(s.namespace, s.labels)) : [newSelector()],
  );
  const [tagRows, setTagRows] = useState<KeyValueRow[]>(from ? rowsOf(from.tags) : []);

  const tags = rowsToRecord(tagRows);
  const payload = {
    name: name.trim(),
    podExecutionRoleArn: role.trim(),
    subnets: splitList(subnets),
    selectors: selectors.map((selector) => {
      const labels = rowsToRecord(selector.labelRows);
      return {
        namespace: selector.namespace.trim(),
        ...(Object.keys(labels).length ? { labels } : {}),
      };
    }),
    ...(Object.keys(tags).length ? { tags } : {}),
  };
  const check = validateChange(CreateFargateProfileRequest, payload);
  const selectorLabelErrors = new Map(selectors.map((s) => [s.id, labelRowErrors(s.labelRows)]));
  const tagErrors = tagRowErrors(tagRows);
  const rowErrorCount =
    [...selectorLabelErrors.values()].reduce((sum, errors) => sum + errors.size, 0) +
    tagErrors.size;
  const valid = check.ok && rowErrorCount === 0;

  const { formRef, submitted, submit } = useChangeSubmit<typeof payload>((body) =>
    mutation.mutate(body, {
      onSuccess: () =>
        onDone({
          text: from
            ? `Creating Fargate profile ${body.name}. Once it is Active, delete ${from.name}: until then a pod both match goes to either one at random.`
            : `Creating Fargate profile ${body.name}.`,
          doneText: from
            ? `Fargate profile ${body.name} is Active: you can delete ${from.name} now.`
            : `Fargate profile ${body.name} created: it is Active.`,
          subject: { kind: 'fargate-profile', name: body.name, until: 'settled' },
        }),
    }),
  );
  const { errorOf, touch } = useVisibleErrors(
    check.ok ? {} : check.errors,
    serverFieldErrors(mutation.error),
    submitted,
  );
  const updateSelector = (id: number, change: Partial<SelectorDraft>) =>
    setSelectors(selectors.map((s) => (s.id === id ? { ...s, ...change } : s)));

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
        ref={formRef}
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          submit(payload, valid);
        }}
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
              value={name}
              placeholder="batch-jobs"
              onChange={(event) => setName(event.target.value)}
              onBlur={() => touch('name')}
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
              value={role}
              placeholder="arn:aws:iam::111122223333:role/eks-fargate-pods"
              onChange={(event) => setRole(event.target.value)}
              onBlur={() => touch('podExecutionRoleArn')}
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
              value={subnets}
              placeholder="subnet-0abc1234"
              onChange={(event) => setSubnets(event.target.value)}
              onBlur={() => touch('subnets')}
              spellCheck={false}
            />
          )}
        </FormField>
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 text-sm font-medium">
            Selectors ({selectors.length} of at most {MAX_SELECTORS})
          </legend>
          {errorOf('selectors') && <FieldError>Selectors {errorOf('selectors')}</FieldError>}
          {selectors.map((selector, index) => {
            const field = `selectors.${index}.namespace`;
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
                        value={selector.namespace}
                        placeholder="default"
                        onChange={(event) =>
                          updateSelector(selector.id, { namespace: event.target.value })
                        }
                        onBlur={() => touch(field)}
                        autoComplete="off"
                        spellCheck={false}
                      />
                    )}
                  </FormField>
                  {selectors.length > 1 && (
                    <button
                      type="button"
                      className="btn-ghost"
                      onClick={() => setSelectors(selectors.filter((s) => s.id !== selector.id))}
                    >
                      Remove selector {index + 1}
                    </button>
                  )}
                </div>
                <KeyValueRowsEditor
                  legend={`Selector ${index + 1} labels (a pod needs all of them)`}
                  noun={`selector ${index + 1} label`}
                  rows={selector.labelRows}
                  onChange={(labelRows) => updateSelector(selector.id, { labelRows })}
                  errors={selectorLabelErrors.get(selector.id) ?? new Map()}
                  showErrors
                />
              </div>
            );
          })}
          <div>
            <button
              type="button"
              className="btn-secondary h-7"
              disabled={selectors.length >= MAX_SELECTORS}
              onClick={() => setSelectors([...selectors, newSelector('', undefined)])}
            >
              Add selector
            </button>
          </div>
        </fieldset>
        <KeyValueRowsEditor
          legend="Tags"
          noun="tag"
          rows={tagRows}
          onChange={setTagRows}
          errors={tagErrors}
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
