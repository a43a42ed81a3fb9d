import { Link } from 'react-router';
import type { RegistrationResult } from '@wheelhouse/contract';
import { clusterPath } from '../../../api/clusters.ts';
import { CopyableValue } from '../../../components/CopyableValue.tsx';
import { formatDateTime } from '../../../components/dateFormat.ts';
import { KeyValueList } from '../../../components/KeyValueList.tsx';
import { ShownOnceNote } from '../../../components/ShownOnceNote.tsx';
import { providerLabel } from '../../../components/clusterDisplay.ts';
import { ActivationCountdown } from '../ActivationCountdown.tsx';
import { InstallCommands } from '../InstallCommands.tsx';

const secret = (text: string) => <code className="font-mono text-sm break-all">{text}</code>;

/**
 * What the agent in the other cluster needs, shown right after registration and never again: the
 * activation id and code (EKS does not return the code a second time), its expiry, and the exact
 * install commands, each with a copy button.
 */
export function RegistrationResultView({
  result,
  onRegisterAnother,
}: {
  result: RegistrationResult;
  onRegisterAnother: () => void;
}) {
  const clusterLink = `/clusters/${clusterPath(result)}`;
  return (
    <section aria-labelledby="registration-title" className="card flex flex-col gap-5 p-5">
      <div>
        <h2 id="registration-title" tabIndex={-1} className="text-lg font-semibold">
          Cluster {result.name} registered
        </h2>
        <p className="text-fg-muted">
          {providerLabel(result.provider)} · {result.region} · status {result.status.toLowerCase()}{' '}
          until the agent connects
        </p>
      </div>

      <ShownOnceNote>
        <strong>This activation code is shown only once.</strong> Copy it (or the commands below)
        now: EKS never returns it again. If it is lost, deregister the cluster and register it anew.
      </ShownOnceNote>

      <KeyValueList
        label="Activation"
        items={[
          {
            label: 'Activation ID',
            value: (
              <CopyableValue text={result.activationId} copyLabel="Copy activation ID" size="sm" />
            ),
          },
          {
            label: 'Activation code',
            value: (
              <CopyableValue
                text={result.activationCode}
                copyLabel="Copy activation code"
                size="sm"
              />
            ),
          },
          {
            label: 'Expires',
            value: (
              <span className="inline-flex flex-wrap items-center gap-2">
                <time dateTime={result.activationExpiry}>
                  {formatDateTime(result.activationExpiry)}
                </time>
                <span>
                  (<ActivationCountdown expiry={result.activationExpiry} />)
                </span>
              </span>
            ),
          },
          { label: 'Connector IAM role', value: secret(result.roleArn) },
        ]}
      />

      <div className="flex flex-col gap-3">
        <h3 className="font-semibold">Install the connector agent</h3>
        <p className="text-fg-muted">
          Run {result.installCommands.length === 1 ? 'this' : 'these'} in the cluster you are
          connecting (kubectl and helm pointed at it), before the activation expires:
        </p>
        <InstallCommands commands={result.installCommands} />
      </div>

      <div className="flex flex-wrap items-center gap-3 border-t border-line pt-4">
        <Link to={clusterLink} className="btn-primary no-underline">
          Open cluster {result.name}
        </Link>
        <Link to="/connected" className="btn-secondary no-underline">
          Back to connected clusters
        </Link>
        <button type="button" className="btn-ghost" onClick={onRegisterAnother}>
          Register another cluster
        </button>
      </div>
    </section>
  );
}
