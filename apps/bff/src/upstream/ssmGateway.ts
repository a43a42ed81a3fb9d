import type { AccountTarget, AwsClients } from './awsClients.ts';

// Loaded on first use, like EC2's: only the Compute tab and posture read SSM.
const ssmSdk = () => import('@aws-sdk/client-ssm');

/** One public SSM parameter as the services read it. */
export interface PublicParameter {
  name: string;
  value: string;
  lastModified?: Date;
}

/**
 * Every parameter under `path`, all levels (GetParametersByPath, Recursive, all pages). A path with
 * nothing under it answers an empty list, as SSM does.
 */
export async function parametersByPath(
  aws: AwsClients,
  account: AccountTarget,
  region: string,
  path: string,
): Promise<PublicParameter[]> {
  const { SSMClient, paginateGetParametersByPath } = await ssmSdk();
  const client = aws.client(SSMClient, account, region);
  const found: PublicParameter[] = [];
  for await (const page of paginateGetParametersByPath(
    { client },
    { Path: path, Recursive: true, MaxResults: 10 },
  )) {
    for (const parameter of page.Parameters ?? []) {
      if (parameter.Name === undefined || parameter.Value === undefined) continue;
      found.push({
        name: parameter.Name,
        value: parameter.Value,
        ...(parameter.LastModifiedDate ? { lastModified: parameter.LastModifiedDate } : {}),
      });
    }
  }
  return found;
}
