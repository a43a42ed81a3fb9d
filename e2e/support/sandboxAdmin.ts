import { AssociateAccessPolicyCommand, EKSClient } from '@aws-sdk/client-eks';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

/** The embedded sandbox's admin API (/_sandbox/), which plays the world's part in a scenario. */
export class SandboxAdmin {
  constructor(private readonly endpoint: string) {}

  private async post(path: string, body: unknown = {}): Promise<unknown> {
    if (!this.endpoint)
      throw new Error(
        'WHEELHOUSE_E2E_SANDBOX is not set: run the specs with `npx playwright test`',
      );
    const response = await fetch(`${this.endpoint}/_sandbox${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`POST /_sandbox${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  /** Sets a deployment's replicas, as a team's own deploy would. */
  scaleDeployment(
    cluster: { accountId: string; region: string; name: string },
    namespace: string,
    deployment: string,
    replicas: number,
  ) {
    return this.post(
      `/clusters/${cluster.accountId}/${cluster.region}/${cluster.name}/deployments/${namespace}/${deployment}/scale`,
      { replicas },
    );
  }

  /** The EKS Connector agent in the other cluster connects with its activation. */
  connect(cluster: { accountId: string; region: string; name: string }) {
    return this.post(`/clusters/${cluster.accountId}/${cluster.region}/${cluster.name}/connect`);
  }

  /**
   * Lets the console's IAM identity change Kubernetes objects on a cluster (the seed grants it
   * view only), as a cluster owner would with `aws eks associate-access-policy`.
   */
  async grantConsoleClusterAdmin(cluster: { region: string; name: string }): Promise<void> {
    const response = await fetch(`${this.endpoint}/_sandbox/accounts`);
    const [home] = (await response.json()) as Array<{
      accessKeyId: string;
      secretAccessKey: string;
    }>;
    const aws = {
      endpoint: this.endpoint,
      region: cluster.region,
      credentials: { accessKeyId: home!.accessKeyId, secretAccessKey: home!.secretAccessKey },
    };
    const { Arn } = await new STSClient(aws).send(new GetCallerIdentityCommand({}));
    // Assumed-role sessions map to their role, as access entries name them.
    const principalArn = Arn!.replace(
      /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/,
      'arn:$1:iam::$2:role/$3',
    );
    await new EKSClient(aws).send(
      new AssociateAccessPolicyCommand({
        clusterName: cluster.name,
        principalArn,
        policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
        accessScope: { type: 'cluster' },
      }),
    );
  }
}
