import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { visibleControls } from './VisibleControls.tsx';

/** A level above the current page; without `to` it is a plain label ("Settings"). */
export interface Crumb {
  label: string;
  to?: string;
}

const TRAIL = 'flex items-center gap-1.5 text-fg-muted';

/**
 * The trail from a section down to this page: a navigation landmark named "Breadcrumb", the
 * current page marked `aria-current` and cut short when it is a long name. A trail deeper than
 * two levels may wrap onto a second line.
 */
export function Breadcrumb({ trail, current }: { trail: Crumb[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <ol className={trail.length > 1 ? `${TRAIL} flex-wrap` : TRAIL}>
        {trail.map((crumb, index) => (
          // The trail is fixed per page, and a name may repeat a label ("Pods"), so by position.
          <CrumbItems key={index} crumb={crumb} />
        ))}
        <li aria-current="page" className="truncate text-fg">
          {current}
        </li>
      </ol>
    </nav>
  );
}

/** A crumb and the separator after it. */
function CrumbItems({ crumb }: { crumb: Crumb }) {
  return (
    <>
      <li>{crumb.to ? <Link to={crumb.to}>{crumb.label}</Link> : crumb.label}</li>
      <li aria-hidden="true">/</li>
    </>
  );
}

/**
 * The top of one resource's page: the breadcrumb, then its name as the page heading with
 * `children` beside it (status, live state, actions, refresh).
 */
export function ResourcePageHeader({
  trail,
  name,
  children,
}: {
  trail: Crumb[];
  name: string;
  children?: ReactNode;
}) {
  return (
    <>
      <Breadcrumb trail={trail} current={name} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold break-all">{visibleControls(name)}</h1>
        {children}
      </div>
    </>
  );
}
