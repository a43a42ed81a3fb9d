import {
  GetParameterCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  ParameterNotFound,
  paginateGetParametersByPath,
} from '@aws-sdk/client-ssm';
import type { Sandbox } from '../sandbox.ts';
import { accountKeys, ssmClient } from './awsClients.ts';

const AL2023 = '/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard';

/** Expects a call to fail with the given error name; returns the error. */
async function rejects(call: Promise<unknown>, name: string): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    if ((error as { name?: string }).name !== name)
      throw new Error(
        `expected ${name}, got ${(error as Error).name}: ${(error as Error).message}`,
      );
    return error;
  }
  throw new Error(`expected ${name}, the call succeeded`);
}

/** Calls each SSM operation the sandbox serves, on success and error paths. */
export async function driveSsm(sandbox: Sandbox): Promise<void> {
  const ssm = ssmClient(sandbox, accountKeys(sandbox));
  await ssm.send(new GetParameterCommand({ Name: `${AL2023}/recommended/release_version` }));
  await ssm.send(
    new GetParameterCommand({
      Name: `arn:aws:ssm:us-east-1::parameter/aws/service/bottlerocket/aws-k8s-1.33/x86_64/latest/image_version`,
    }),
  );
  const missing = await rejects(
    ssm.send(new GetParameterCommand({ Name: '/aws/service/eks/optimized-ami/9.99/nope' })),
    'ParameterNotFound',
  );
  if (!(missing instanceof ParameterNotFound))
    throw new Error('not the modelled ParameterNotFound');
  await rejects(ssm.send(new GetParameterCommand({ Name: '' })), 'ValidationException');
  await ssm.send(
    new GetParametersCommand({
      Names: [`${AL2023}/recommended/image_id`, `${AL2023}/recommended/release_version`, '/nope'],
    }),
  );
  for await (const page of paginateGetParametersByPath(
    { client: ssm },
    { Path: AL2023, Recursive: true, MaxResults: 4 },
  )) {
    if (!page.Parameters) throw new Error('a page without Parameters');
  }
  await ssm.send(new GetParametersByPathCommand({ Path: `${AL2023}/recommended` }));
  await rejects(
    ssm.send(new GetParametersByPathCommand({ Path: AL2023, NextToken: 'not-a-token' })),
    'InvalidNextToken',
  );
  await rejects(
    ssm.send(
      new GetParametersByPathCommand({
        Path: AL2023,
        ParameterFilters: [{ Key: 'Name', Values: ['x'] }],
      }),
    ),
    'InvalidFilterKey',
  );
  await rejects(
    ssm.send(new GetParametersByPathCommand({ Path: AL2023, MaxResults: 11 })),
    'ValidationException',
  );
  const stranger = ssmClient(sandbox, {
    accessKeyId: 'AKIAUNKNOWNUNKNOWN00',
    secretAccessKey: 'not-a-secret-of-any-account',
  });
  await rejects(
    stranger.send(new GetParameterCommand({ Name: `${AL2023}/recommended/release_version` })),
    'UnrecognizedClientException',
  );
}
