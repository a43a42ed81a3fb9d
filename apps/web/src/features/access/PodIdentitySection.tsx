import type { PodIdentityAssociation } from '@wheelhouse/contract';
import type { AccessDialog } from './AccessDialogHost.tsx';
import { Section } from '../../components/Section.tsx';
import { AccessTable, CELL } from './AccessSection.tsx';

/** EKS Pod Identity: pods running as a service account get the IAM role's credentials. */
export function PodIdentitySection({
  associations,
  onOpen,
}: {
  associations: PodIdentityAssociation[];
  onOpen: ((dialog: AccessDialog) => void) | undefined;
}) {
  return (
    <Section
      plain
      title="Pod Identity associations"
      count={associations.length}
      actions={
        onOpen && (
          <button
            type="button"
            className="btn-secondary"
            onClick={() => onOpen({ kind: 'create-pod-identity' })}
          >
            Create association
          </button>
        )
      }
    >
      <AccessTable
        label="Pod Identity associations"
        headers={[
          'Namespace',
          'Service account',
          'IAM role',
          'Association id',
          ...(onOpen ? ['Actions'] : []),
        ]}
        empty={associations.length === 0 && 'No Pod Identity associations.'}
      >
        {associations.map((association) => (
          <tr key={association.associationId}>
            <td className={CELL}>{association.namespace}</td>
            <td className={CELL}>{association.serviceAccount}</td>
            <td className={`${CELL} font-mono break-all`}>{association.roleArn}</td>
            <td className={`${CELL} font-mono`}>{association.associationId}</td>
            {onOpen && (
              <td className={`${CELL} whitespace-nowrap`}>
                <button
                  type="button"
                  className="btn-secondary mr-2 h-7"
                  aria-label={`Change role of ${association.namespace}/${association.serviceAccount}`}
                  onClick={() => onOpen({ kind: 'update-pod-identity', association })}
                >
                  Change role
                </button>
                <button
                  type="button"
                  className="btn-secondary h-7 px-2 text-danger-fg"
                  aria-label={`Delete the association of ${association.namespace}/${association.serviceAccount}`}
                  onClick={() => onOpen({ kind: 'delete-pod-identity', association })}
                >
                  Delete
                </button>
              </td>
            )}
          </tr>
        ))}
      </AccessTable>
    </Section>
  );
}
