import type { ClusterDetail } from '@wheelhouse/contract';
import { LOG_TYPE_LABELS } from '@wheelhouse/contract/constants';
import { OnOff, Section } from '../../../components/Section.tsx';

/** Logging tab: each control-plane log type, on or off (they go to CloudWatch Logs when on). */
export function LoggingSection({ cluster }: { cluster: ClusterDetail }) {
  const enabled = cluster.logging.filter((entry) => entry.enabled).length;
  return (
    <Section title="Control plane logging">
      <p className="mb-3 text-fg-muted">
        {enabled} of {cluster.logging.length} log types are sent to CloudWatch Logs.
      </p>
      <table
        className="w-full max-w-xl border-separate border-spacing-0"
        aria-label="Control plane log types"
      >
        <thead>
          <tr>
            <th
              scope="col"
              className="border-b border-line px-2 py-1.5 text-left text-xs font-semibold text-fg-muted uppercase"
            >
              Log type
            </th>
            <th
              scope="col"
              className="border-b border-line px-2 py-1.5 text-left text-xs font-semibold text-fg-muted uppercase"
            >
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {cluster.logging.map((entry) => (
            <tr key={entry.type}>
              <th scope="row" className="border-b border-line px-2 py-2 text-left font-normal">
                {LOG_TYPE_LABELS[entry.type]}{' '}
                <code className="text-xs text-fg-muted">{entry.type}</code>
              </th>
              <td className="border-b border-line px-2 py-2">
                <OnOff on={entry.enabled} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
