import { useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import { WhoCanQuery, type ClusterRef } from '@wheelhouse/contract';
import { useWhoCan } from '../../api/access.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { FormField, INPUT_CLASSES } from '../../components/FormField.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { validate } from '../../components/forms/formValidation.ts';
import { Section } from '../../components/Section.tsx';
import { AccessTable, CELL } from './AccessSection.tsx';
import { TextField } from './AccessFormDialog.tsx';

const VERBS = WhoCanQuery.shape.verb.options;
const KIND_TEXT = {
  'access-entry': 'Access entry',
  'idp-group': 'OIDC group',
  'rbac-binding': 'RBAC binding',
} as const;

/** The question as typed. */
interface Question {
  verb: string;
  resource: string;
  namespace: string;
}

/** The question as the URL holds it (`?canVerb=&canResource=&canNamespace=`), so an answer can be linked. */
function questionOf(params: URLSearchParams): WhoCanQuery | undefined {
  const verb = params.get('canVerb');
  const resource = params.get('canResource');
  if (!verb || !resource) return undefined;
  const check = WhoCanQuery.safeParse({
    verb,
    resource,
    ...(params.get('canNamespace') ? { namespace: params.get('canNamespace') } : {}),
  });
  return check.success ? check.data : undefined;
}

/** "Who can do what": which access entries, OIDC groups and RBAC bindings grant one verb on one resource. */
export function WhoCanPanel({ clusterRef }: { clusterRef: ClusterRef }) {
  const [params, setParams] = useSearchParams();
  const question = questionOf(params);
  const form = useForm<Question>({
    defaultValues: {
      verb: question?.verb ?? 'get',
      resource: question?.resource ?? 'pods',
      namespace: question?.namespace ?? '',
    },
  });
  const { register, setError } = form;
  const errorOf = (field: keyof Question) => form.formState.errors[field]?.message;
  const answer = useWhoCan(clusterRef, question);

  // A question, not a change: the contract's query schema checks it, the URL keeps it.
  const ask = form.handleSubmit(({ verb, resource, namespace }) => {
    const check = validate(WhoCanQuery, {
      verb,
      resource: resource.trim(),
      ...(namespace.trim() ? { namespace: namespace.trim() } : {}),
    });
    if (!check.ok) {
      for (const [field, message] of Object.entries(check.errors)) {
        setError(field as keyof Question, { message });
      }
      return;
    }
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('canVerb', check.data.verb);
        next.set('canResource', check.data.resource);
        if (check.data.namespace) next.set('canNamespace', check.data.namespace);
        else next.delete('canNamespace');
        return next;
      },
      { replace: true },
    );
  });

  return (
    <Section plain title="Who can do what">
      <form
        onSubmit={(event) => void ask(event)}
        noValidate
        className="flex flex-wrap items-end gap-3"
      >
        <FormField label="Verb" error={errorOf('verb')}>
          {(props) => (
            <select {...props} className={INPUT_CLASSES} {...register('verb')}>
              {VERBS.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          )}
        </FormField>
        <TextField label="Resource" field={register('resource')} error={errorOf('resource')} />
        <TextField
          label="Namespace (empty: every namespace)"
          field={register('namespace')}
          error={errorOf('namespace')}
        />
        <button type="submit" className="btn-primary">
          Ask
        </button>
      </form>
      {question && answer.isPending && <LoadingState label="Working out who can…" />}
      {question && answer.isError && (
        <ErrorBanner title="Could not work out who can">
          <ProblemDetails error={answer.error} />
        </ErrorBanner>
      )}
      {question && answer.data && (
        <>
          {answer.data.errors.length > 0 && (
            <ErrorBanner title="Computed without some sources" tone="warning">
              <ul className="list-disc pl-5">
                {answer.data.errors.map((error) => (
                  <li key={`${error.code}|${error.message}`}>{error.message}</li>
                ))}
              </ul>
            </ErrorBanner>
          )}
          <AccessTable
            label={`Who can ${question.verb} ${question.resource}${question.namespace ? ` in ${question.namespace}` : ' in every namespace'}`}
            headers={['Through', 'Subject', 'Granted by', 'Where']}
            empty={answer.data.grants.length === 0 && 'Nobody this console can see.'}
          >
            {answer.data.grants.map((grant) => (
              <tr key={`${grant.kind}|${grant.subject}|${grant.via}`}>
                <td className={CELL}>{KIND_TEXT[grant.kind]}</td>
                <td className={`${CELL} font-mono break-all`}>{grant.subject}</td>
                <td className={CELL}>{grant.via}</td>
                <td className={CELL}>
                  {grant.scope === 'cluster' ? 'whole cluster' : grant.scope}
                </td>
              </tr>
            ))}
          </AccessTable>
        </>
      )}
    </Section>
  );
}
