import { useState } from 'react';
import { FargateMatchQuery, type ClusterRef, type FargateMatch } from '@wheelhouse/contract';
import { useFargateMatch } from '../../api/compute.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { FormField, INPUT_CLASSES } from '../../components/FormField.tsx';
import { validate, type Validation } from '../../components/forms/formValidation.ts';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';

/** "app=web, tier=front" → labels, or the first pair that is not key=value. */
export function parseLabelText(
  text: string,
): { labels: Record<string, string> } | { error: string } {
  const labels: Record<string, string> = {};
  for (const pair of text.split(/[\s,]+/).filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at < 1) return { error: `“${pair}” is not key=value` };
    labels[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return { labels };
}

/** The first label problem, naming the label ("bad key! is not a valid Kubernetes label key"). */
function labelError(check: Validation<unknown>): string | undefined {
  if (check.ok) return undefined;
  const found = Object.entries(check.errors).find(([path]) => path.startsWith('labels.'));
  return found && `${found[0].slice('labels.'.length)} ${found[1]}`;
}

/** What the check found, in a sentence. */
export function matchSentence(match: FargateMatch): string {
  const names = match.matches.map((m) => m.profile);
  if (names.length === 0) {
    return 'No Fargate profile matches: this pod would not run on Fargate; the scheduler places it on EC2 nodes.';
  }
  if (names.length === 1) {
    const only = match.matches[0]!;
    return `Fargate profile ${only.profile} would run it (its selector ${only.selectorIndex + 1}).`;
  }
  return `Several match — EKS picks at random among ${names.join(', ')}.`;
}

/** "Which profile would this pod get?": namespace + labels in, the profile (or none) out. */
export function FargateMatchChecker({ clusterRef }: { clusterRef: ClusterRef }) {
  const [namespace, setNamespace] = useState('');
  const [labelText, setLabelText] = useState('');
  const [errors, setErrors] = useState<{
    namespace?: string | undefined;
    labels?: string | undefined;
  }>({});
  const [query, setQuery] = useState<{ namespace: string; labels: Record<string, string> }>();
  const match = useFargateMatch(clusterRef, query);

  return (
    <section
      aria-label="Which profile would this pod get?"
      className="card flex flex-col gap-3 p-4"
    >
      <h3 className="font-semibold">Which profile would this pod get?</h3>
      <form
        noValidate
        className="flex flex-wrap items-start gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = parseLabelText(labelText);
          const checked = validate(FargateMatchQuery, {
            namespace: namespace.trim(),
            labels: 'labels' in parsed ? parsed.labels : {},
          });
          const namespaceError = checked.ok ? undefined : checked.errors.namespace;
          const labelProblem = 'error' in parsed ? parsed.error : labelError(checked);
          // Each message names its field: they are read out on their own, away from the label.
          setErrors({
            namespace: namespaceError && `Namespace ${namespaceError}`,
            labels: labelProblem && `Label ${labelProblem}`,
          });
          // An answer for the previous input beside an error would read as the answer to this one.
          setQuery(checked.ok && !labelProblem ? checked.data : undefined);
        }}
      >
        <FormField label="Pod namespace" error={errors.namespace} className="w-48">
          {(control) => (
            <input
              {...control}
              className={`${INPUT_CLASSES} font-mono`}
              placeholder="default"
              value={namespace}
              onChange={(event) => setNamespace(event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </FormField>
        <FormField
          label="Pod labels"
          hint="key=value, separated by commas"
          error={errors.labels}
          className="min-w-64 flex-1"
        >
          {(control) => (
            <input
              {...control}
              className={`${INPUT_CLASSES} font-mono`}
              placeholder="app=web, tier=front"
              value={labelText}
              onChange={(event) => setLabelText(event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </FormField>
        <button type="submit" className="btn-secondary mt-6">
          Check
        </button>
      </form>
      <div role="status" aria-label="Fargate match result">
        {query && match.isFetching && !match.data && <p className="text-fg-muted">Checking…</p>}
        {query && match.data && (
          <p
            className={`rounded-md px-3 py-2 ${
              match.data.random ? 'bg-warning-bg text-warning-fg' : 'bg-surface-muted'
            }`}
          >
            {matchSentence(match.data)}
          </p>
        )}
      </div>
      {match.isError && (
        <ErrorBanner title="Could not check the profiles">
          <ProblemDetails error={match.error} />
        </ErrorBanner>
      )}
    </section>
  );
}
