import type { IdentityProviderConfig } from '@wheelhouse/contract';
import type { AccessDialog } from './AccessDialogHost.tsx';
import { Section } from '../../components/Section.tsx';
import { AccessTable, CELL } from './AccessSection.tsx';

/** OIDC identity providers: people signed in there reach the cluster with these claims and prefixes. */
export function IdentityProvidersSection({
  providers,
  onOpen,
}: {
  providers: IdentityProviderConfig[];
  onOpen: ((dialog: AccessDialog) => void) | undefined;
}) {
  return (
    <Section
      plain
      title="OIDC identity providers"
      count={providers.length}
      actions={
        onOpen &&
        providers.length === 0 && (
          <button
            type="button"
            className="btn-secondary"
            onClick={() => onOpen({ kind: 'associate-idp' })}
          >
            Associate identity provider
          </button>
        )
      }
    >
      <AccessTable
        label="OIDC identity providers"
        headers={[
          'Name',
          'Issuer',
          'Client id',
          'Username claim / prefix',
          'Groups claim / prefix',
          'Status',
          ...(onOpen ? ['Actions'] : []),
        ]}
        empty={
          providers.length === 0 &&
          'No OIDC identity provider is associated (EKS allows one per cluster).'
        }
      >
        {providers.map((provider) => (
          <tr key={provider.name}>
            <td className={CELL}>{provider.name}</td>
            <td className={`${CELL} font-mono break-all`}>{provider.issuerUrl}</td>
            <td className={`${CELL} font-mono`}>{provider.clientId}</td>
            <td className={CELL}>
              {provider.usernameClaim ?? 'sub'} / {provider.usernamePrefix ?? '—'}
            </td>
            <td className={CELL}>
              {provider.groupsClaim ?? '—'} / {provider.groupsPrefix ?? '—'}
            </td>
            <td className={CELL}>{provider.status}</td>
            {onOpen && (
              <td className={CELL}>
                <button
                  type="button"
                  className="btn-secondary h-7 px-2 text-danger-fg"
                  aria-label={`Disassociate identity provider ${provider.name}`}
                  disabled={provider.status !== 'ACTIVE'}
                  onClick={() => onOpen({ kind: 'disassociate-idp', provider })}
                >
                  Disassociate
                </button>
              </td>
            )}
          </tr>
        ))}
      </AccessTable>
    </Section>
  );
}
