import { useMemo, useState } from 'react';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { tokenizeYaml, type YamlToken } from './yamlTokens.ts';

const TOKEN_CLASSES: Record<YamlToken['kind'], string> = {
  indent: '',
  dash: 'text-fg-muted',
  key: 'text-info-fg font-semibold',
  colon: 'text-fg-muted',
  string: 'text-success-fg',
  number: 'text-warning-fg',
  literal: 'text-pending-fg',
  comment: 'text-fg-muted italic',
  plain: '',
};

function YamlLines({ yaml, label }: { yaml: string; label: string }) {
  const lines = useMemo(() => tokenizeYaml(yaml), [yaml]);
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto rounded border border-line bg-surface-muted p-3 font-mono text-xs leading-5"
    >
      <code>
        {lines.map((tokens, index) => (
          <span key={index} className="block min-h-5">
            {tokens.map((token, at) => (
              <span key={at} className={TOKEN_CLASSES[token.kind]}>
                {token.text}
              </span>
            ))}
          </span>
        ))}
      </code>
    </pre>
  );
}

/**
 * The object as the API server holds it, read-only: coloured, copyable, and with
 * `metadata.managedFields` folded away unless asked for (it is long and rarely what one looks for).
 */
export function YamlView({
  yaml,
  managedFieldsYaml,
  managedFieldsCount,
}: {
  yaml: string;
  managedFieldsYaml?: string | undefined;
  managedFieldsCount: number;
}) {
  const [showManaged, setShowManaged] = useState(false);
  return (
    <section aria-label="YAML" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-base font-semibold">YAML</h2>
        <span className="text-xs text-fg-muted">read-only</span>
        <div className="ml-auto flex items-center gap-2">
          {managedFieldsCount > 0 && (
            <button
              type="button"
              className="btn-secondary"
              aria-expanded={showManaged}
              onClick={() => setShowManaged((shown) => !shown)}
            >
              {showManaged ? 'Hide' : 'Show'} managedFields ({managedFieldsCount})
            </button>
          )}
          <CopyButton text={yaml} label="Copy YAML" />
        </div>
      </div>
      {managedFieldsCount > 0 && !showManaged && (
        <p className="text-xs text-fg-muted">
          metadata.managedFields ({managedFieldsCount}{' '}
          {managedFieldsCount === 1 ? 'entry' : 'entries'}) folded.
        </p>
      )}
      {showManaged && managedFieldsYaml && (
        <YamlLines yaml={managedFieldsYaml} label="metadata.managedFields" />
      )}
      <YamlLines yaml={yaml} label="Object YAML" />
    </section>
  );
}
