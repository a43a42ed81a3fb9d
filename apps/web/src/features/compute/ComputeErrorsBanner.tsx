import type { SourceError } from '@wheelhouse/contract';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';

/**
 * Parts of the Compute tab that could not be read (EKS node groups, Auto Scaling, EC2...), each
 * with AWS's code and message; the parts that could be read are shown below as usual.
 */
export function ComputeErrorsBanner({ errors }: { errors: SourceError[] }) {
  if (errors.length === 0) return null;
  return (
    <ErrorBanner
      title={
        errors.length === 1
          ? 'Part of this cluster’s compute could not be read; the rest is shown'
          : `${errors.length} parts of this cluster’s compute could not be read; the rest is shown`
      }
      tone="warning"
    >
      <ul className="divide-y divide-warning-line">
        {errors.map((error, index) => (
          <li key={`${error.code}-${index}`} className="py-1">
            <code className="text-xs font-semibold">{error.code}</code>
            {/* The message names the source ("Auto Scaling groups: …") in AWS's own words. */}
            <span className="block break-words">{error.message}</span>
            <span className="text-xs text-fg-muted">
              {error.accountId} · {error.region}
            </span>
          </li>
        ))}
      </ul>
    </ErrorBanner>
  );
}
