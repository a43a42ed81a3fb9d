import type { NamespaceList } from '@wheelhouse/contract';

/**
 * The namespace a view shows, as a select named "Namespace": "All namespaces" first, then the
 * cluster's namespaces. A namespace from the URL that the list lacks stays selectable.
 */
export function NamespacePicker({
  value,
  namespaces,
  onChange,
}: {
  value: string;
  namespaces: NamespaceList | undefined;
  onChange: (namespace: string) => void;
}) {
  const names = namespaces?.items.map((ns) => ns.name) ?? [];
  if (value && !names.includes(value)) names.unshift(value);
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="font-medium">Namespace</span>
      <select
        className="input max-w-56"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">All namespaces</option>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
