import type { DisruptionPreview } from '@wheelhouse/contract';
import { SubmitError } from '../../../components/SubmitError.tsx';

/** The PodDisruptionBudgets an action would run into, the violated ones first and marked. */
export function BudgetImpactList({
  preview,
  error,
  loading,
  what,
}: {
  preview: DisruptionPreview | undefined;
  error: unknown;
  loading: boolean;
  what: string;
}) {
  if (loading) return <p className="text-fg-muted">Checking PodDisruptionBudgets…</p>;
  if (error) return <SubmitError error={error} />;
  if (!preview) return null;
  const budgets = [...preview.budgets].sort((a, b) => Number(b.violated) - Number(a.violated));
  if (budgets.length === 0)
    return (
      <p className="text-fg-muted">No PodDisruptionBudget covers the pods {what} takes down.</p>
    );
  return (
    <section aria-label="PodDisruptionBudgets" className="flex flex-col gap-1">
      <h3 className="font-medium">PodDisruptionBudgets</h3>
      <ul className="flex flex-col gap-1">
        {budgets.map((budget) => (
          <li
            key={`${budget.namespace}/${budget.name}`}
            className={budget.violated ? 'text-danger' : 'text-fg-muted'}
          >
            <span className="font-mono">
              {budget.namespace}/{budget.name}
            </span>
            {budget.violated ? ' would be violated: ' : ': '}
            {budget.affectedPods} of its pods affected, {budget.disruptionsAllowed} disruptions
            allowed ({budget.currentHealthy} healthy, {budget.desiredHealthy} needed)
          </li>
        ))}
      </ul>
    </section>
  );
}
