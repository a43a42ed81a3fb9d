import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { clusterPath } from '../../../api/clusters.ts';
import { useCreateCluster, useKubernetesVersions } from '../../../api/lifecycle.ts';
import { useSources } from '../../../api/sources.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { serverFieldErrors, type FieldErrors } from '../../../components/forms/formValidation.ts';
import { tagRowErrors } from '../../../components/forms/keyValueRows.ts';
import { useRequestToken } from '../../../components/forms/requestToken.ts';
import { WizardStepList } from '../../../components/forms/WizardSteps.tsx';
import { ProblemDetails } from '../../../components/ProblemDetails.tsx';
import { SubmitError } from '../../../components/SubmitError.tsx';
import { useCan } from '../../auth/useCan.ts';
import { AccessStep } from './AccessStep.tsx';
import {
  CREATE_STEPS,
  EMPTY_CREATE_FORM,
  REVIEW_STEP,
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
  const [step, setStep] = useState(0);
  const [reached, setReached] = useState(0);
  // Steps the user tried to leave (or submit): their messages show, and follow edits live.
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [focusRequest, setFocusRequest] = useState<{ to: 'heading' | 'invalid'; n: number }>();
  const bodyRef = useRef<HTMLDivElement>(null);

  const versions = useKubernetesVersions(form.accountId, form.region);
  const defaultVersion = versions.data?.find((option) => option.isDefault)?.version;
  const payload = createPayload(form, defaultVersion);
  const rowErrors = tagRowErrors(form.tags);
  const errors = errorsOfSteps(allErrors(payload, form), checked);
  const serverErrors = serverFieldErrors(create.error);
  const shown: FieldErrors = { ...serverErrors, ...errors };
  const errorOf = (path: string) => shown[path];

  useEffect(() => {
    if (!focusRequest || !bodyRef.current) return;
    const target =
      focusRequest.to === 'invalid'
        ? bodyRef.current.querySelector<HTMLElement>('[aria-invalid="true"]')
        : bodyRef.current.querySelector<HTMLElement>('h2');
    target?.focus();
  }, [focusRequest]);

  const update = (change: Partial<CreateClusterForm>) =>
    setForm((prev) => ({ ...prev, ...change }));
  const goTo = (next: number) => {
    setStep(next);
    setReached((prev) => Math.max(prev, next));
    setFocusRequest((prev) => ({ to: 'heading', n: (prev?.n ?? 0) + 1 }));
  };
  const showInvalid = (steps: number[]) => {
    setChecked((prev) => new Set([...prev, ...steps]));
    setFocusRequest((prev) => ({ to: 'invalid', n: (prev?.n ?? 0) + 1 }));
  };

  const next = () => {
    const invalid =
      Object.keys(stepErrors(step, payload)).length > 0 ||
      (CREATE_STEPS[step]?.id === 'tags' && rowErrors.size > 0);
    if (invalid) return showInvalid([step]);
    setChecked((prev) => new Set([...prev, step]));
    goTo(step + 1);
  };

  const submit = () => {
    const problems = Object.keys(allErrors(payload, form));
    if (problems.length > 0) {
      const first = Math.min(...problems.map(stepOfPath));
      setChecked(new Set(CREATE_STEPS.map((_, index) => index)));
      setStep(first);
      setFocusRequest((prev) => ({ to: 'invalid', n: (prev?.n ?? 0) + 1 }));
      return;
    }
    create.mutate(
      { ...payload, clientRequestToken: tokenFor(payload) },
      {
        onSuccess: () =>
          navigate(
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
      content = <ReviewStep form={form} payload={payload} sources={sources.data} onEdit={goTo} />;
  }

  return (
    <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
      <WizardStepList
        label="Create cluster steps"
        steps={CREATE_STEPS}
        current={step}
        reached={reached}
        onSelect={goTo}
      />
      <form
        noValidate
        aria-label="Create cluster"
        className="card flex min-w-0 flex-col gap-4 p-5"
        onSubmit={(event) => {
          event.preventDefault();
          if (step === REVIEW_STEP) submit();
          else next();
        }}
      >
        <div ref={bodyRef} className="flex flex-col gap-4">
          <h2 tabIndex={-1} className="text-base font-semibold">
            Step {step + 1} of {CREATE_STEPS.length}: {current.label}
          </h2>
          {sources.isError && (
            <ErrorBanner title="Could not read the configured accounts and regions">
              <ProblemDetails error={sources.error} />
            </ErrorBanner>
          )}
          {content}
        </div>
        {step === REVIEW_STEP && create.isError && <SubmitError error={create.error} />}
        <div className="flex flex-wrap items-center gap-2 border-t border-line pt-4">
          <Link to="/clusters" className="btn-ghost no-underline">
            Cancel
          </Link>
          <div className="ml-auto flex gap-2">
            {step > 0 && (
              <button
                type="button"
                className="btn-secondary"
                onClick={() => goTo(step - 1)}
                disabled={create.isPending}
              >
                Back
              </button>
            )}
            {step === REVIEW_STEP ? (
              <button type="submit" className="btn-primary" disabled={create.isPending}>
                {create.isPending ? 'Creating…' : 'Create cluster'}
              </button>
            ) : (
              <button type="submit" className="btn-primary">
                Next
              </button>
            )}
          </div>
        </div>
      </form>
    </div>
  );
}

/** /clusters/new: the create-cluster wizard (operators and admins). */
export function CreateClusterPage() {
  const allowed = useCan('change');
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4 p-4">
      <title>Create cluster · Wheelhouse</title>
      <nav aria-label="Breadcrumb" className="text-sm">
        <ol className="flex items-center gap-1.5 text-fg-muted">
          <li>
            <Link to="/clusters">Clusters</Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="text-fg">
            Create cluster
          </li>
        </ol>
      </nav>
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
