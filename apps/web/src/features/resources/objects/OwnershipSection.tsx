import { Link } from 'react-router';
import type { ClusterRef, ObjectDetail, ObjectLink } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import { objectHref } from './objectLinks.ts';

function LinkTo({ clusterRef, link }: { clusterRef: ClusterRef; link: ObjectLink }) {
  const href = link.missing ? undefined : objectHref(clusterRef, link);
  const label = `${link.kind} ${link.name}`;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Chip>{link.kind}</Chip>
      {href ? (
        <Link to={href} className="font-medium" aria-label={label}>
          {link.name}
        </Link>
      ) : (
        <span className="font-medium">{link.name}</span>
      )}
      {link.status && <span className="text-xs text-fg-muted">{link.status}</span>}
      {link.missing && (
        <Chip tone="warning" title="The owner reference names an object that no longer exists">
          gone
        </Chip>
      )}
    </span>
  );
}

/**
 * Where the object sits in the ownership tree: its owner chain, outermost first
 * (Deployment › ReplicaSet › this pod), and what it owns (or, for a node, the pods it runs).
 */
export function OwnershipSection({
  clusterRef,
  detail,
}: {
  clusterRef: ClusterRef;
  detail: ObjectDetail;
}) {
  const chain = [...detail.owners].reverse();
  const ownsTitle = detail.kind === 'Node' ? 'Runs' : 'Owns';
  return (
    <section aria-label="Ownership" className="card flex flex-col gap-3 p-4">
      <h2 className="text-base font-semibold">Ownership</h2>
      <div>
        <h3 className="mb-1 text-xs font-semibold text-fg-muted">Owned by</h3>
        {chain.length === 0 ? (
          <p className="text-fg-muted">Nothing: no owner reference.</p>
        ) : (
          <ol aria-label="Owner chain" className="flex flex-wrap items-center gap-2">
            {chain.map((owner, index) => (
              <li key={`${owner.kind}/${owner.name}`} className="flex items-center gap-2">
                {index > 0 && <span aria-hidden="true">›</span>}
                <LinkTo clusterRef={clusterRef} link={owner} />
              </li>
            ))}
            <li className="flex items-center gap-2">
              <span aria-hidden="true">›</span>
              <span className="text-fg-muted">this {detail.kind}</span>
            </li>
          </ol>
        )}
      </div>
      <div>
        <h3 className="mb-1 text-xs font-semibold text-fg-muted">
          {ownsTitle} ({detail.owns.length})
        </h3>
        {detail.owns.length === 0 ? (
          <p className="text-fg-muted">Nothing.</p>
        ) : (
          <ul aria-label={ownsTitle} className="flex max-h-80 flex-col gap-1 overflow-y-auto">
            {detail.owns.map((child) => (
              <li key={`${child.kind}/${child.name}`}>
                <LinkTo clusterRef={clusterRef} link={child} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
