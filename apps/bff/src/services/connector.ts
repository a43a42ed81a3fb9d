import type {
  ChangeResult,
  ClusterRef,
  ConfirmDeleteRequest,
  RegisterClusterRequest,
  RegistrationResult,
} from '@wheelhouse/contract';
import type { AwsGateway } from '../upstream/awsGateway.ts';
import type { EksChanges } from '../upstream/eksGateway.ts';
import { eksArn } from '../upstream/partition.ts';
import { confirmName, eksChange, type ChangeContext, type RunChange } from './changeRunner.ts';

const clusterArn = (ref: ClusterRef) => eksArn(ref.region, ref.accountId, `cluster/${ref.name}`);

/** The sandbox CLI command that plays this registration's agent, exact enough to run as printed. */
function simulateAgentCommand(ref: ClusterRef, endpoint: string | undefined): string {
  const target = `connect ${ref.name} --region ${ref.region} --account ${ref.accountId}`;
  return `npm run sandbox -- ${target}${endpoint ? ` --endpoint ${endpoint}` : ''}`;
}

/** EKS Connector: registering any Kubernetes cluster with EKS, and deregistering it. */
export function createConnectorService(
  aws: AwsGateway,
  runChange: RunChange,
  options: {
    backend: 'sandbox' | 'aws';
    /** The embedded sandbox's endpoint: its port is random, so the agent command must name it. */
    sandboxEndpoint?: string;
  },
) {
  async function eksAs(
    accountId: string,
    region: string,
    context: ChangeContext,
  ): Promise<EksChanges> {
    return aws.eksAs(await aws.locate(accountId, region), context.user);
  }
  const change = eksChange(runChange, (ref, context) => eksAs(ref.accountId, ref.region, context));

  return {
    async registerCluster(
      request: RegisterClusterRequest,
      context: ChangeContext,
    ): Promise<RegistrationResult> {
      const ref = { accountId: request.accountId, region: request.region, name: request.name };
      const { clientRequestToken, ...params } = request;
      return runChange(
        context,
        { action: 'connector.register', target: clusterArn(ref), params },
        async () => {
          const eks = await eksAs(request.accountId, request.region, context);
          const { cluster, requestId } = await eks.registerCluster({
            name: request.name,
            connectorConfig: { provider: request.provider, roleArn: request.roleArn },
            tags: request.tags,
            clientRequestToken,
          });
          const connector = cluster?.connectorConfig;
          if (!cluster || !connector?.activationId || !connector.activationCode) {
            throw new Error('RegisterCluster answered without activation details');
          }
          const install = [
            'helm install eks-connector --namespace eks-connector --create-namespace \\',
            '  oci://public.ecr.aws/eks-connector/eks-connector-chart \\',
            `  --set eks.activationCode=${connector.activationCode} \\`,
            `  --set eks.activationId=${connector.activationId} \\`,
            `  --set eks.agentRegion=${request.region}`,
          ];
          const installCommands =
            options.backend === 'sandbox'
              ? [
                  install.join('\n'),
                  `# In the sandbox, simulate the agent connecting:\n${simulateAgentCommand(request, options.sandboxEndpoint)}`,
                ]
              : [install.join('\n')];
          return {
            result: {
              accountId: request.accountId,
              region: request.region,
              name: request.name,
              arn: cluster.arn ?? clusterArn(ref),
              status: cluster.status ?? 'PENDING',
              activationId: connector.activationId,
              activationCode: connector.activationCode,
              activationExpiry: (connector.activationExpiry ?? new Date()).toISOString(),
              provider: connector.provider ?? request.provider,
              roleArn: connector.roleArn ?? request.roleArn,
              installCommands,
            },
            ...(requestId ? { requestId } : {}),
          };
        },
      );
    },

    async deregisterCluster(
      ref: ClusterRef,
      request: ConfirmDeleteRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      confirmName(request, ref.name);
      return change(
        ref,
        context,
        { action: 'connector.deregister', target: clusterArn(ref), params: {} },
        (eks) => eks.deregisterCluster(ref.name),
      );
    },
  };
}
export type ConnectorService = ReturnType<typeof createConnectorService>;
