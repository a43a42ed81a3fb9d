import { Link, useParams } from 'react-router';
import type { ObjectResource } from '@wheelhouse/contract';
import { objectHref } from './objectLinks.ts';

/**
 * An object's name in a table row, linking to its detail view on the cluster page the table is on
 * (the route's cluster); plain text where no cluster is in the route.
 */
export function ObjectNameLink({
  resource,
  kind,
  namespace,
  name,
  className = '',
}: {
  resource: ObjectResource | undefined;
  kind: string;
  namespace?: string | undefined;
  name: string;
  className?: string;
}) {
  const { accountId, region, name: cluster } = useParams();
  const href =
    accountId && region && cluster
      ? objectHref(
          { accountId, region, name: cluster },
          { kind, name, ...(namespace ? { namespace } : {}), ...(resource ? { resource } : {}) },
        )
      : undefined;
  if (!href) {
    return (
      <span className={`block truncate ${className}`} title={name}>
        {name}
      </span>
    );
  }
  return (
    <Link
      to={href}
      className={`block truncate ${className}`}
      title={`${kind} ${name}`}
      aria-label={`${kind} ${name}`}
    >
      {name}
    </Link>
  );
}
