import { Link } from 'react-router';
import { EmptyState } from './EmptyState.tsx';

/** Any path the console does not know. */
export function NotFoundPage() {
  return (
    <div className="mx-auto max-w-3xl p-8">
      <title>Not found · Wheelhouse</title>
      <EmptyState
        headingLevel={1}
        title="Page not found"
        action={
          <Link to="/clusters" className="btn-primary no-underline">
            Go to clusters
          </Link>
        }
      >
        There is nothing at this address.
      </EmptyState>
    </div>
  );
}
