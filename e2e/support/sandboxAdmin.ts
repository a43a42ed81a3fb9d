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
}
