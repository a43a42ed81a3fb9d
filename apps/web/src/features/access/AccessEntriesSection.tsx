import type { AccessEntry } from '@wheelhouse/contract';
import type { AccessDialog } from './AccessDialogHost.tsx';
import { Section } from '../../components/Section.tsx';
import { AccessTable, CELL } from './AccessSection.tsx';

const scopeText = (policy: AccessEntry['policies'][number]) =>
  policy.scope.type === 'cluster' ? 'cluster' : `namespaces: ${policy.scope.namespaces.join(', ')}`;

/** Access entries: each principal's Kubernetes identity and the access policies associated with it. */
export function AccessEntriesSection({
  entries,
  configMapOnly,
  onOpen,
}: {
  entries: AccessEntry[];
  configMapOnly: boolean;
  onOpen: ((dialog: AccessDialog) => void) | undefined;
}) {
  return (
    <Section
      plain
      title="Access entries"
      count={entries.length}
      actions={
        onOpen &&
        !configMapOnly && (
          <button
            type="button"
            className="btn-primary"
            onClick={() => onOpen({ kind: 'create-entry' })}
          >
            Create access entry
          </button>
        )
      }
    >
      <AccessTable
        label="Access entries"
        headers={[
          'Principal',
          'Type',
          'Username',
          'Kubernetes groups',
          'Access policies',
          ...(onOpen ? ['Actions'] : []),
        ]}
        empty={
          entries.length === 0 &&
          (configMapOnly
            ? 'This cluster authenticates through the aws-auth ConfigMap only: switch its authentication mode to API_AND_CONFIG_MAP to use access entries.'
            : 'No access entries.')
        }
      >
        {entries.map((entry) => (
          <tr key={entry.principalArn}>
            <td className={`${CELL} font-mono break-all`}>{entry.principalArn}</td>
            <td className={CELL}>{entry.type}</td>
            <td className={`${CELL} font-mono break-all`}>{entry.username ?? '—'}</td>
            <td className={CELL}>{entry.kubernetesGroups.join(', ') || '—'}</td>
            <td className={CELL}>
              {entry.policies.length === 0 ? (
                '—'
              ) : (
                <ul className="flex flex-col gap-1">
                  {entry.policies.map((policy) => (
                    <li key={policy.policyArn} className="flex flex-wrap items-center gap-2">
                      <span>
                        {policy.policyName}{' '}
                        <span className="text-fg-muted">({scopeText(policy)})</span>
                      </span>
                      {onOpen && (
                        <button
                          type="button"
                          className="btn-secondary h-7 px-2 text-danger-fg"
                          aria-label={`Disassociate ${policy.policyName} from ${entry.principalArn}`}
                          onClick={() =>
                            onOpen({
                              kind: 'disassociate-policy',
                              entry,
                              policyArn: policy.policyArn,
                            })
                          }
                        >
                          Disassociate
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            {onOpen && (
              <td className={`${CELL} whitespace-nowrap`}>
                <div className="flex gap-2">
                  {entry.type === 'STANDARD' && (
                    <button
                      type="button"
                      className="btn-secondary h-7"
                      aria-label={`Associate policy with ${entry.principalArn}`}
                      onClick={() => onOpen({ kind: 'associate-policy', entry })}
                    >
                      Associate policy
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn-secondary h-7 px-2 text-danger-fg"
                    aria-label={`Delete the access entry of ${entry.principalArn}`}
                    onClick={() => onOpen({ kind: 'delete-entry', entry })}
                  >
                    Delete
                  </button>
                </div>
              </td>
            )}
          </tr>
        ))}
      </AccessTable>
    </Section>
  );
}
