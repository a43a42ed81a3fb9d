import { useEffect, useRef } from 'react';
import { CONNECTOR_PROVIDERS, RegisterClusterRequest } from '@wheelhouse/contract';
import { useRegisterCluster } from '../../../api/connected.ts';
import { useSources } from '../../../api/sources.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { FormField, INPUT_CLASSES } from '../../../components/FormField.tsx';
import {
  AccountRegionFields,
  SourcesReadError,
} from '../../../components/forms/AccountRegionFields.tsx';
import { ClusterNameField } from '../../../components/forms/ClusterNameField.tsx';
import { tagRowErrors } from '../../../components/forms/keyValueRows.ts';
import { KeyValueRowsEditor } from '../../../components/forms/KeyValueRowsEditor.tsx';
import { useChangeWizard } from '../../../components/forms/useChangeWizard.ts';
import { WizardForm } from '../../../components/forms/WizardForm.tsx';
import { KeyValueList } from '../../../components/KeyValueList.tsx';
import { Breadcrumb } from '../../../components/PageHeader.tsx';
import { useCan } from '../../auth/index.ts';
import { providerLabel } from '../../../components/clusterDisplay.ts';
import {
  EMPTY_REGISTER_FORM,
  REGISTER_STEPS,
  checkTagRows,
  registerPayload,
  type RegisterForm,
} from './registerForm.ts';
import { RegistrationResultView } from './RegistrationResultView.tsx';

/** Until the user leaves, the browser asks before closing the tab that shows the code. */
function useConfirmLeaving(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [active]);
}

function RegisterWizard() {
  const sources = useSources();
  const register = useRegisterCluster();
  const {
    wizard,
    values: form,
    update,
    errorOf,
    next,
    submit,
    reset,
  } = useChangeWizard(RegisterClusterRequest, register, {
    steps: REGISTER_STEPS,
    defaultValues: EMPTY_REGISTER_FORM,
    toRequest: registerPayload,
    check: checkTagRows,
  });
  const { step, checked } = wizard;
  const resultRef = useRef<HTMLDivElement>(null);
  useConfirmLeaving(register.isSuccess);
  const payload = registerPayload(form);
  const rowErrors = tagRowErrors(form.tags);

  useEffect(() => {
    if (register.isSuccess) resultRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [register.isSuccess]);

  if (register.data) {
    return (
      <div ref={resultRef}>
        <RegistrationResultView
          result={register.data}
          onRegisterAnother={() => {
            register.reset();
            reset();
          }}
        />
      </div>
    );
  }

  const current = REGISTER_STEPS[step]!;
  let content;
  if (current.id === 'cluster') {
    content = (
      <div className="flex flex-col gap-4">
        <AccountRegionFields
          sources={sources.data}
          accountId={form.accountId}
          region={form.region}
          onAccountChange={(accountId) => update({ accountId })}
          onRegionChange={(region) => update({ region })}
          errorOf={errorOf}
        />
        <ClusterNameField
          value={form.name}
          onChange={(name) => update({ name })}
          error={errorOf('name')}
          hint="The name the cluster gets in EKS and this console; unique in the account and region."
        />
        <FormField label="Provider" error={errorOf('provider')} hint="Where the cluster runs.">
          {(control) => (
            <select
              {...control}
              className={INPUT_CLASSES}
              value={form.provider}
              onChange={(event) =>
                update({ provider: event.target.value as RegisterForm['provider'] })
              }
            >
              <option value="">Choose a provider</option>
              {CONNECTOR_PROVIDERS.map((provider) => (
                <option key={provider} value={provider}>
                  {providerLabel(provider)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label="Connector IAM role ARN"
          error={errorOf('roleArn')}
          hint="The role the connector agent uses (it must trust ssm.amazonaws.com), e.g. AmazonEKSConnectorAgentRole."
        >
          {(control) => (
            <input
              {...control}
              className={`${INPUT_CLASSES} font-mono`}
              placeholder="arn:aws:iam::111111111111:role/AmazonEKSConnectorAgentRole"
              value={form.roleArn}
              onChange={(event) => update({ roleArn: event.target.value })}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </FormField>
      </div>
    );
  } else if (current.id === 'tags') {
    content = (
      <div className="flex flex-col gap-3">
        <KeyValueRowsEditor
          legend="Tags"
          noun="tag"
          rows={form.tags}
          onChange={(tags) => update({ tags })}
          errors={rowErrors}
          showErrors={checked.has(step)}
        />
      </div>
    );
  } else {
    const account = sources.data?.accounts.find((candidate) => candidate.id === payload.accountId);
    const tags = Object.entries(payload.tags).map(([key, value]) => `${key}=${value}`);
    content = (
      <KeyValueList
        label="Registration"
        items={[
          {
            label: 'Account',
            value: account ? `${account.name} (${account.id})` : payload.accountId,
          },
          { label: 'Region', value: payload.region },
          { label: 'Cluster name', value: payload.name },
          { label: 'Provider', value: payload.provider && providerLabel(payload.provider) },
          {
            label: 'Connector IAM role',
            value: <span className="font-mono text-xs break-all">{payload.roleArn}</span>,
          },
          { label: 'Tags', value: tags.length > 0 ? tags.join(', ') : 'None' },
        ]}
      />
    );
  }

  return (
    <WizardForm
      label="Register cluster"
      steps={REGISTER_STEPS}
      wizard={wizard}
      navWidth="narrow"
      cancelTo="/connected"
      onNext={next}
      onSubmit={submit()}
      pending={register.isPending}
      submitLabel="Register cluster"
      pendingLabel="Registering…"
      submitError={register.error}
      nextDisabled={register.isPending}
    >
      {sources.isError && <SourcesReadError error={sources.error} />}
      {content}
    </WizardForm>
  );
}

/** /connected/register: register an outside Kubernetes cluster with EKS Connector. */
export function RegisterClusterPage() {
  const allowed = useCan('change');
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4 p-4">
      <title>Register cluster · Wheelhouse</title>
      <Breadcrumb
        trail={[{ label: 'Connected clusters', to: '/connected' }]}
        current="Register cluster"
      />
      <h1 className="text-xl font-semibold">Register cluster</h1>
      {allowed ? (
        <RegisterWizard />
      ) : (
        <EmptyState title="Your role cannot register clusters">
          Only operators and administrators register clusters with EKS Connector.
        </EmptyState>
      )}
    </div>
  );
}
