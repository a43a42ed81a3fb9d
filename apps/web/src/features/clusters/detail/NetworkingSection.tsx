import type { ClusterDetail } from '@wheelhouse/contract';
import { KeyValueList } from '../../../components/KeyValueList.tsx';
import { IdList, Mono, OnOff, Section } from '../../../components/Section.tsx';

/** Networking tab: VPC, subnets, security groups, endpoint access and CIDRs, IP family. */
export function NetworkingSection({ cluster }: { cluster: ClusterDetail }) {
  const net = cluster.networking;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section title="VPC">
        <KeyValueList
          items={[
            { label: 'VPC', value: net.vpcId && <Mono>{net.vpcId}</Mono> },
            { label: 'Subnets', value: <IdList ids={net.subnetIds} label="Subnets" /> },
            {
              label: 'Security groups',
              value: <IdList ids={net.securityGroupIds} label="Security groups" />,
            },
            {
              label: 'Cluster security group',
              value: net.clusterSecurityGroupId && <Mono>{net.clusterSecurityGroupId}</Mono>,
            },
          ]}
        />
      </Section>
      <Section title="API server endpoint access">
        <KeyValueList
          items={[
            {
              label: 'Public access',
              value: (
                <OnOff on={cluster.endpointPublicAccess} onText="Enabled" offText="Disabled" />
              ),
            },
            {
              label: 'Private access',
              value: (
                <OnOff on={cluster.endpointPrivateAccess} onText="Enabled" offText="Disabled" />
              ),
            },
            {
              label: 'Public access CIDRs',
              value: cluster.endpointPublicAccess ? (
                <IdList ids={net.publicAccessCidrs} label="Public access CIDRs" />
              ) : (
                <span className="text-fg-muted">Not applicable (public access disabled)</span>
              ),
            },
          ]}
        />
      </Section>
      <Section title="Kubernetes network">
        <KeyValueList
          items={[
            {
              label: 'Service IPv4 CIDR',
              value: net.serviceIpv4Cidr && <Mono>{net.serviceIpv4Cidr}</Mono>,
            },
            { label: 'IP family', value: net.ipFamily },
          ]}
        />
      </Section>
    </div>
  );
}
