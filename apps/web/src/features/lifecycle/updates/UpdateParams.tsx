import type { Update } from '@wheelhouse/contract';
import { describeUpdateParams, type UpdateScope } from './updateParams.ts';

/**
 * An update's parameters as words, with EKS's raw parameters behind a disclosure for whoever needs
 * the exact values (JSON as EKS recorded it, wrapped at its own separators, not mid-word).
 */
export function UpdateParams({
  update,
  scope,
  history,
}: {
  update: Update;
  scope: UpdateScope;
  history: readonly Update[];
}) {
  if (update.params.length === 0) return <span className="text-fg-muted">—</span>;
  return (
    <div className="flex min-w-48 flex-col gap-1">
      <ul className="flex flex-col gap-0.5">
        {describeUpdateParams(update, scope, history).map((line, index) => (
          <li key={`${index}-${line}`} className="break-words">
            {line}
          </li>
        ))}
      </ul>
      <details className="text-xs text-fg-muted">
        <summary className="w-fit cursor-pointer rounded-sm text-link">Raw parameters</summary>
        <dl className="mt-1 flex flex-col gap-1">
          {update.params.map((param, index) => (
            <div key={`${param.type}-${index}`}>
              <dt className="font-medium">{param.type}</dt>
              <dd className="font-mono break-words whitespace-pre-wrap">
                {prettyValue(param.value)}
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}

/** JSON values indented so that they break between members; anything else as it came. */
function prettyValue(value: string): string {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.stringify(JSON.parse(value), null, 1);
  } catch {
    return value;
  }
}
