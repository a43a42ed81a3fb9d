import type { ClusterDetail } from '@wheelhouse/contract';
import { Section } from '../../../components/Section.tsx';
import { visibleControls } from '../../../components/VisibleControls.tsx';

/** Tags tab: every tag as a key/value table, sorted by key. */
export function TagsSection({ cluster }: { cluster: ClusterDetail }) {
  const tags = Object.entries(cluster.tags).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Section title={`Tags (${tags.length})`}>
      {tags.length === 0 ? (
        <p className="text-fg-muted">This cluster has no tags.</p>
      ) : (
        <table className="w-full border-separate border-spacing-0" aria-label="Tags">
          <thead>
            <tr>
              <th
                scope="col"
                className="w-1/3 border-b border-line px-2 py-1.5 text-left text-xs font-semibold text-fg-muted uppercase"
              >
                Key
              </th>
              <th
                scope="col"
                className="border-b border-line px-2 py-1.5 text-left text-xs font-semibold text-fg-muted uppercase"
              >
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {tags.map(([key, value]) => (
              <tr key={key}>
                <td className="border-b border-line px-2 py-1.5 font-mono text-xs break-all">
                  {visibleControls(key)}
                </td>
                <td className="border-b border-line px-2 py-1.5 font-mono text-xs break-all">
                  {value ? visibleControls(value) : <span className="text-fg-muted">(empty)</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
