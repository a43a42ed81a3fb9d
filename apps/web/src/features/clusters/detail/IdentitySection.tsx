import type { ClusterDetail } from '@wheelhouse/contract';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { KeyValueList } from '../../../components/KeyValueList.tsx';
import { Mono, Section } from '../../../components/Section.tsx';

const AUTH_MODES: Record<string, string> = {
  API: 'EKS access entries only',
  API_AND_CONFIG_MAP: 'EKS access entries and the aws-auth ConfigMap',
  CONFIG_MAP: 'The aws-auth ConfigMap only',
};

/** Identity tab: the OIDC issuer (for IAM roles for service accounts) and the authentication mode. */
export function IdentitySection({ cluster }: { cluster: ClusterDetail }) {
  const mode = cluster.authenticationMode;
  return (
    <Section title="Identity and access">
      <KeyValueList
        items={[
          {
            label: 'OpenID Connect issuer URL',
            value: cluster.identity.oidcIssuer && (
              <span className="inline-flex items-center gap-1">
                <Mono>{cluster.identity.oidcIssuer}</Mono>
                <CopyButton text={cluster.identity.oidcIssuer} label="Copy OIDC issuer URL" />
              </span>
            ),
          },
          {
            label: 'Authentication mode',
            value: mode && (
              <span>
                <code>{mode}</code>
                {AUTH_MODES[mode] && <span className="text-fg-muted"> · {AUTH_MODES[mode]}</span>}
              </span>
            ),
          },
        ]}
      />
    </Section>
  );
}
