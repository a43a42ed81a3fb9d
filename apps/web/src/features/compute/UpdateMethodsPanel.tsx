/**
 * The two ways to update a self-managed node group, and why one of them can leave a group mixed.
 * Open by default when a mixed group is on screen, since that is when people need it.
 */
export function UpdateMethodsPanel({ defaultOpen }: { defaultOpen: boolean }) {
  return (
    <details open={defaultOpen} className="card px-4 py-3">
      <summary className="cursor-pointer font-medium">
        How self-managed node groups are updated
      </summary>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <section aria-label="Migrate to a new node group">
          <h3 className="font-semibold">Migrate to a new node group</h3>
          <ol className="mt-1 list-decimal space-y-1 pl-5">
            <li>Create a new Auto Scaling group with the new AMI, instance type or role.</li>
            <li>Wait until its nodes are Ready.</li>
            <li>
              Cordon the old nodes and drain them (<code>kubectl drain</code>) so pods move over,
              respecting pod disruption budgets.
            </li>
            <li>Delete the old group.</li>
          </ol>
          <p className="mt-1 text-fg-muted">
            Safest: both groups run side by side, and going back is scaling the old one up again.
          </p>
        </section>
        <section aria-label="Update in place">
          <h3 className="font-semibold">Update in place</h3>
          <ol className="mt-1 list-decimal space-y-1 pl-5">
            <li>Point the group&rsquo;s launch template at the new AMI (a new version).</li>
            <li>
              Roll the instances, e.g. with an Auto Scaling instance refresh: each is drained and
              replaced by one from the new template.
            </li>
          </ol>
          <p className="mt-1 text-fg-muted">
            Until the roll finishes the group runs old and new instances side by side; a refresh
            that stops halfway leaves it <strong>mixed</strong>, as flagged above.
          </p>
        </section>
      </div>
    </details>
  );
}
