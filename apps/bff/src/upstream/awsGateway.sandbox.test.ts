import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type AwsExchange, type Sandbox } from '@wheelhouse/sandbox';
import { NotFoundError, UpstreamError } from '../errors.ts';
import { createAwsClients, type AccountTarget, type AwsClients } from './awsClients.ts';
import { createAwsGateway, type AwsGateway } from './awsGateway.ts';

// The gateway over real SDK clients and the sandbox's wire protocols: what every service gets.
describe('the AWS gateway', () => {
  let sandbox: Sandbox;
  let aws: AwsClients;
  let gateway: AwsGateway;
  let home: AccountTarget;
  const exchanges: AwsExchange[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ faults: [], kubernetes: false });
    sandbox.observe((exchange) => exchanges.push(exchange));
    const account = sandbox.accounts[0]!;
    home = { key: account.id, id: account.id, name: account.name, via: 'default' };
    aws = createAwsClients([home], {
      endpoint: sandbox.endpoint,
      baseCredentials: {
        accessKeyId: account.accessKeyId,
        secretAccessKey: account.secretAccessKey,
      },
      homeRegion: 'us-east-1',
      maxAttempts: 2,
    });
    gateway = createAwsGateway(aws, { regions: ['us-east-1', 'eu-west-1'] });
  });
  afterAll(async () => {
    aws.destroy();
    await sandbox.close();
  });
  beforeEach(() => {
    sandbox.faults.clear();
    exchanges.length = 0;
  });

  it('answers a region the console does not read with 404 before any AWS call', async () => {
    const refused = gateway.locate(home.id!, 'ap-south-1');
    await expect(refused).rejects.toBeInstanceOf(NotFoundError);
    await expect(refused).rejects.toThrow('Region ap-south-1 is not one this console reads.');
    expect(exchanges).toEqual([]);
  });

  it('hands services AWS errors translated once, in AWS words, after the SDK retried', async () => {
    sandbox.faults.add({
      service: 'eks',
      operation: 'DescribeNodegroup',
      errorCode: 'AccessDeniedException',
      errorStatus: 403,
      errorMessage:
        'User: arn:aws:iam::123:user/x is not authorized to perform: eks:DescribeNodegroup',
    });
    const at = await gateway.locate(home.id!, 'us-east-1');
    const refused = gateway.eks(at).describeNodegroup('checkout-prod', 'general');
    await expect(refused).rejects.toBeInstanceOf(UpstreamError);
    await expect(refused).rejects.toMatchObject({
      status: 403,
      code: 'AccessDeniedException',
      message: 'User: arn:aws:iam::123:user/x is not authorized to perform: eks:DescribeNodegroup',
    });
  });

  it('translates errors of paginated lists too: throttling beyond the retries is a 503', async () => {
    sandbox.faults.add({ service: 'eks', operation: 'ListNodegroups', throttleRate: 1 });
    const at = await gateway.locate(home.id!, 'us-east-1');
    const refused = gateway.eks(at).nodegroupNames('checkout-prod');
    await expect(refused).rejects.toBeInstanceOf(UpstreamError);
    await expect(refused).rejects.toMatchObject({ status: 503 });
    expect(exchanges.filter((e) => e.operation === 'ListNodegroups')).toHaveLength(2);
  });

  it('reads the version calendar once per account and region', async () => {
    const at = await gateway.locate(home.id!, 'us-east-1');
    const first = await gateway.versionCatalog(at);
    const second = await gateway.versionCatalog(at);
    expect(second).toBe(first);
    expect([...first.keys()]).toContain('1.31');
    expect(exchanges.filter((e) => e.operation === 'DescribeClusterVersions')).toHaveLength(1);
  });
});
