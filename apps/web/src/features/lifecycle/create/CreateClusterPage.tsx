import { CreateClusterRequest } from '@wheelhouse/contract';
import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { clusterPath } from '../../../api/clusters.ts';
import { useCreateCluster, useKubernetesVersions } from '../../../api/lifecycle.ts';
import { useSources } from '../../../api/sources.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { SourcesReadError } from '../../../components/forms/AccountRegionFields.tsx';
import { tagRowErrors } from '../../../components/forms/keyValueRows.ts';
import { useChangeWizard } from '../../../components/forms/useChangeWizard.ts';
import { WizardForm } from '../../../components/forms/WizardForm.tsx';
import { Breadcrumb } from '../../../components/PageHeader.tsx';
import { useCan } from '../../auth/index.ts';
import { AccessStep } from './AccessStep.tsx';
import {
  CREATE_STEPS,
  EMPTY_CREATE_FORM,
  checkTagRows,
  createPayload,
} from './createClusterForm.ts';
import { GeneralStep } from './GeneralStep.tsx';
import { EncryptionStep, LoggingStep, TagsStep } from './OptionSteps.tsx';
import { ReviewStep } from './ReviewStep.tsx';

function CreateClusterWizard() {
  const navigate = useNavigate();
  const sources = useSources();
  const create = useCreateCluster();
  // The region's default version stands in until the user picks one. It is read below, from the
  // account and region typed; the request is built when checked, after this render assigned it.
  const defaultVersion = useRef<string | undefined>(undefined);
  const { wizard, values, update, errorOf, next, submit } = useChangeWizard(
    CreateClusterRequest,
    create,
    {
      steps: CREATE_STEPS,
      defaultValues: EMPTY_CREATE_FORM,
      toRequest: (form) => createPayload(form, defaultVersion.current),
      check: checkTagRows,
    },
  );
  const form = values;
  const { step, checked } = wizard;
  const versions = useKubernetesVersions(form.accountId, form.region);
  defaultVersion.current = versions.data?.find((option) => option.isDefault)?.version;
  const payload = createPayload(form, defaultVersion.current);

  const onSubmit = submit(
    (_result, request) =>
      void navigate(
        `/clusters/${clusterPath({ accountId: request.accountId, region: request.region, name: request.name })}`,
      ),
  );

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
      content = <AccessStep form={form} update={update} errorOf={errorOf} />;
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
          rowErrors={tagRowErrors(form.tags)}
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
      onSubmit={onSubmit}
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
