import { useState } from 'react';
import { useNavigate } from 'react-router';
import { clusterPath } from '../../../api/clusters.ts';
import { useCreateCluster, useKubernetesVersions } from '../../../api/lifecycle.ts';
import { useSources } from '../../../api/sources.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { SourcesReadError } from '../../../components/forms/AccountRegionFields.tsx';
import { serverFieldErrors, type FieldErrors } from '../../../components/forms/formValidation.ts';
import { tagRowErrors } from '../../../components/forms/keyValueRows.ts';
import { useRequestToken } from '../../../components/forms/requestToken.ts';
import { useWizard } from '../../../components/forms/useWizard.ts';
import { WizardForm } from '../../../components/forms/WizardForm.tsx';
import { Breadcrumb } from '../../../components/PageHeader.tsx';
import { useCan } from '../../auth/index.ts';
import { AccessStep } from './AccessStep.tsx';
import {
  CREATE_STEPS,
  EMPTY_CREATE_FORM,
  allErrors,
  createPayload,
  stepErrors,
  stepOfPath,
  type CreateClusterForm,
} from './createClusterForm.ts';
import { GeneralStep } from './GeneralStep.tsx';
import { EncryptionStep, LoggingStep, TagsStep } from './OptionSteps.tsx';
import { ReviewStep } from './ReviewStep.tsx';

/** Errors of the given steps only (a step's messages show once the user tried to leave it). */
function errorsOfSteps(errors: FieldErrors, steps: ReadonlySet<number>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => steps.has(stepOfPath(path))));
}

function CreateClusterWizard() {
  const navigate = useNavigate();
  const sources = useSources();
  const create = useCreateCluster();
  const tokenFor = useRequestToken();
  const [form, setForm] = useState<CreateClusterForm>(EMPTY_CREATE_FORM);
  const wizard = useWizard(CREATE_STEPS.length);
  const { step, checked } = wizard;

  const versions = useKubernetesVersions(form.accountId, form.region);
  const defaultVersion = versions.data?.find((option) => option.isDefault)?.version;
  const payload = createPayload(form, defaultVersion);
  const rowErrors = tagRowErrors(form.tags);
  const errors = errorsOfSteps(allErrors(payload, form), checked);
  const serverErrors = serverFieldErrors(create.error);
  const shown: FieldErrors = { ...serverErrors, ...errors };
  const errorOf = (path: string) => shown[path];

  const update = (change: Partial<CreateClusterForm>) =>
    setForm((prev) => ({ ...prev, ...change }));
  const next = () =>
    wizard.next(
      Object.keys(stepErrors(step, payload)).length === 0 &&
        !(CREATE_STEPS[step]?.id === 'tags' && rowErrors.size > 0),
    );

  const submit = () => {
    const problems = Object.keys(allErrors(payload, form));
    if (problems.length > 0) return wizard.showInvalid(Math.min(...problems.map(stepOfPath)));
    create.mutate(
      { ...payload, clientRequestToken: tokenFor(payload) },
      {
        onSuccess: () =>
          void navigate(
            `/clusters/${clusterPath({ accountId: payload.accountId, region: payload.region, name: payload.name })}`,
          ),
      },
    );
  };

  const current = CREATE_STEPS[step]!;
  let content;
  switch (current.id) {
    case 'general':
      content = (
        <GeneralStep
          form={form}
          update={update}
          errorOf={errorOf}
          sources={sources.data}
          versions={versions}
          chosenVersion={payload.version}
        />
      );
      break;
    case 'access':
      content = <AccessStep form={form} update={update} errors={shown} />;
      break;
    case 'logging':
      content = <LoggingStep form={form} update={update} />;
      break;
    case 'encryption':
      content = <EncryptionStep form={form} update={update} error={errorOf('secretsKmsKeyArn')} />;
      break;
    case 'tags':
      content = (
        <TagsStep
          form={form}
          update={update}
          rowErrors={rowErrors}
          showErrors={checked.has(step)}
          error={errorOf('tags')}
        />
      );
      break;
    default:
      content = (
        <ReviewStep form={form} payload={payload} sources={sources.data} onEdit={wizard.goTo} />
      );
  }

  return (
    <WizardForm
      label="Create cluster"
      steps={CREATE_STEPS}
      wizard={wizard}
      navWidth="wide"
      cancelTo="/clusters"
      onNext={next}
      onSubmit={submit}
      pending={create.isPending}
      submitLabel="Create cluster"
      pendingLabel="Creating…"
      submitError={create.error}
    >
      {sources.isError && <SourcesReadError error={sources.error} />}
      {content}
    </WizardForm>
  );
}

/** /clusters/new: the create-cluster wizard (operators and admins). */
export function CreateClusterPage() {
  const allowed = useCan('change');
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4 p-4">
      <title>Create cluster · Wheelhouse</title>
      <Breadcrumb trail={[{ label: 'Clusters', to: '/clusters' }]} current="Create cluster" />
      <h1 className="text-xl font-semibold">Create cluster</h1>
      {allowed ? (
        <CreateClusterWizard />
      ) : (
        <EmptyState title="Your role cannot create clusters">
          Only operators and administrators create clusters. Ask one of them, or view the existing
          clusters.
        </EmptyState>
      )}
    </div>
  );
}
