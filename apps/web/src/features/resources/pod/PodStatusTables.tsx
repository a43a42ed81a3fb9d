import type { Condition, KubeEvent } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { conditionTone } from '../display/conditions.ts';

const TH =
  'border-b border-line bg-surface-muted px-3 py-2 text-left text-xs font-semibold text-fg-muted';
const TD = 'border-b border-line px-3 py-2 align-top';

/** The pod's conditions (PodScheduled, Initialized, ContainersReady, Ready) with reasons. */
export function ConditionsTable({ conditions }: { conditions: Condition[] }) {
  return (
    <section aria-label="Conditions" className="flex flex-col gap-3">
      <h2 className="text-base font-semibold">Conditions</h2>
      {conditions.length === 0 ? (
        <p className="card px-4 py-4 text-fg-muted">No conditions reported yet.</p>
      ) : (
        <div className="card overflow-x-auto">
          <table aria-label="Conditions" className="w-full border-separate border-spacing-0">
            <thead>
              <tr>
                {['Type', 'Status', 'Reason', 'Message', 'Last change'].map((title) => (
                  <th key={title} scope="col" className={TH}>
                    {title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {conditions.map((condition) => (
                <tr key={condition.type}>
                  <td className={`${TD} font-medium`}>{condition.type}</td>
                  <td className={TD}>
                    <Chip tone={conditionTone(condition)}>{condition.status}</Chip>
                  </td>
                  <td className={TD}>{condition.reason ?? '—'}</td>
                  <td className={`${TD} break-words`}>{condition.message ?? '—'}</td>
                  <td className={`${TD} whitespace-nowrap`}>
                    <RelativeTime iso={condition.lastTransition} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The pod's recent events, newest first; warnings stand out. */
export function EventsTable({ events }: { events: KubeEvent[] }) {
  return (
    <section aria-label="Events" className="flex flex-col gap-3">
      <h2 className="text-base font-semibold">
        Events <span className="font-normal text-fg-muted">({events.length})</span>
      </h2>
      {events.length === 0 ? (
        <p className="card px-4 py-4 text-fg-muted">
          No recent events (Kubernetes keeps events for about an hour).
        </p>
      ) : (
        <div className="card overflow-x-auto">
          <table aria-label="Events" className="w-full border-separate border-spacing-0">
            <thead>
              <tr>
                {['Type', 'Reason', 'Message', 'Count', 'Last seen'].map((title) => (
                  <th key={title} scope="col" className={TH}>
                    {title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {events.map((event, index) => {
                const warning = event.type === 'Warning';
                return (
                  <tr
                    key={`${event.reason}-${event.lastSeen ?? ''}-${index}`}
                    data-type={event.type}
                    className={warning ? 'bg-warning-bg' : undefined}
                  >
                    <td className={TD}>
                      <Chip tone={warning ? 'warning' : 'neutral'}>{event.type}</Chip>
                    </td>
                    <td className={`${TD} font-medium`}>{event.reason}</td>
                    <td className={`${TD} break-words`}>{event.message}</td>
                    <td className={`${TD} tabular-nums`}>{event.count}</td>
                    <td className={`${TD} whitespace-nowrap`}>
                      <RelativeTime iso={event.lastSeen} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
