import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient } from '@aws-sdk/client-eks';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { Sandbox } from '../sandbox.ts';

/** Credentials as the SDK takes them. */
export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The home account's static keys, or another account's by index. */
export function accountKeys(sandbox: Sandbox, index = 0): TestCredentials {
  const account = sandbox.accounts[index]!;
  return { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey };
}

/** An unmodified SDK EKS client pointed at the sandbox. */
export function eksClient(
  sandbox: Sandbox,
  credentials: TestCredentials,
  region = 'us-east-1',
): EKSClient {
  return new EKSClient({ region, endpoint: sandbox.endpoint, credentials, maxAttempts: 3 });
}

export function stsClient(
  sandbox: Sandbox,
  credentials: TestCredentials,
  region = 'us-east-1',
): STSClient {
  return new STSClient({ region, endpoint: sandbox.endpoint, credentials, maxAttempts: 3 });
}

export function ec2Client(
  sandbox: Sandbox,
  credentials: TestCredentials,
  region = 'us-east-1',
): EC2Client {
  return new EC2Client({ region, endpoint: sandbox.endpoint, credentials, maxAttempts: 3 });
}

export function autoScalingClient(
  sandbox: Sandbox,
  credentials: TestCredentials,
  region = 'us-east-1',
): AutoScalingClient {
  return new AutoScalingClient({ region, endpoint: sandbox.endpoint, credentials, maxAttempts: 3 });
}

export function ssmClient(
  sandbox: Sandbox,
  credentials: TestCredentials,
  region = 'us-east-1',
): SSMClient {
  return new SSMClient({ region, endpoint: sandbox.endpoint, credentials, maxAttempts: 3 });
}
