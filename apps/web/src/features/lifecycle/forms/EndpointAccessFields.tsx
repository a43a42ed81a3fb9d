import { useId } from 'react';
import { ENDPOINT_MODES, type EndpointMode } from './endpointAccess.ts';
import { StringListEditor } from './StringListEditor.tsx';

/**
 * Endpoint access: public, public and private, or private; with a public endpoint, the CIDR blocks
 * allowed to reach it. `errorOf(path)` reads messages by request path ("publicAccessCidrs.0").
 */
export function EndpointAccessFields({
  mode,
  cidrs,
  onModeChange,
  onCidrsChange,
  errorOf,
}: {
  mode: EndpointMode;
  cidrs: string[];
  onModeChange: (mode: EndpointMode) => void;
  onCidrsChange: (cidrs: string[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const name = useId();
  return (
    <div className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">API server endpoint access</legend>
        {ENDPOINT_MODES.map((option) => (
          <label key={option.mode} className="flex cursor-pointer items-start gap-2">
            <input
              type="radio"
              name={name}
              value={option.mode}
              checked={mode === option.mode}
              onChange={() => onModeChange(option.mode)}
              className="mt-1 size-4 accent-accent"
            />
            <span>
              <span className="font-medium">{option.label}</span>
              <span className="block text-xs text-fg-muted">{option.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {mode !== 'private' && (
        <StringListEditor
          legend="Public access CIDR blocks"
          noun="CIDR block"
          hint="Only these addresses may reach the public endpoint. Leave empty to allow any address (0.0.0.0/0)."
          placeholder="203.0.113.0/24"
          values={cidrs}
          onChange={onCidrsChange}
          errorAt={(index) => errorOf(`publicAccessCidrs.${index}`)}
          max={40}
        />
      )}
    </div>
  );
}
