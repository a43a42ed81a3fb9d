import type { ClusterDetail } from '@wheelhouse/contract';
import { KeyValueList } from '../../../components/KeyValueList.tsx';
import { Mono, Section } from '../../../components/Section.tsx';

/** Encryption tab: the KMS key that envelope-encrypts Kubernetes secrets, or "not encrypted". */
export function EncryptionSection({ cluster }: { cluster: ClusterDetail }) {
  return (
    <Section title="Secrets encryption">
      {cluster.encryption.length === 0 ? (
        <p>
          <span className="font-medium">Not encrypted</span>
          <span className="text-fg-muted">
            {' '}
            with a KMS key of yours (envelope encryption of secrets is off).
          </span>
        </p>
      ) : (
        <div className="flex flex-col gap-4">
          {cluster.encryption.map((config, index) => (
            <KeyValueList
              key={config.keyArn ?? index}
              items={[
                { label: 'KMS key ARN', value: config.keyArn && <Mono>{config.keyArn}</Mono> },
                { label: 'Resources', value: config.resources.join(', ') },
              ]}
            />
          ))}
        </div>
      )}
    </Section>
  );
}
