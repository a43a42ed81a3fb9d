import { AwsError } from '../../awsError.ts';

/** The EKS errors the model raises, with EKS's wording and extra members. */
export const eksErrors = {
  clusterNotFound: (clusterName: string) =>
    new AwsError('ResourceNotFoundException', 404, `No cluster found for name: ${clusterName}.`, {
      clusterName,
    }),
  nodegroupNotFound: (clusterName: string, nodegroupName: string) =>
    new AwsError(
      'ResourceNotFoundException',
      404,
      `No node group found for name: ${nodegroupName}.`,
      {
        clusterName,
        nodegroupName,
      },
    ),
  fargateProfileNotFound: (clusterName: string, fargateProfileName: string) =>
    new AwsError(
      'ResourceNotFoundException',
      404,
      `No Fargate Profile found with name: ${fargateProfileName}.`,
      { clusterName, fargateProfileName },
    ),
  updateNotFound: (clusterName: string, updateId: string) =>
    new AwsError('ResourceNotFoundException', 404, `No update found for ID: ${updateId}.`, {
      clusterName,
    }),
  addonNotFound: (clusterName: string, addonName: string) =>
    new AwsError(
      'ResourceNotFoundException',
      404,
      `No addon: ${addonName} found in cluster: ${clusterName}`,
      { clusterName, addonName },
    ),
  resourceNotFound: (message: string, fields: Record<string, string> = {}) =>
    new AwsError('ResourceNotFoundException', 404, message, fields),
  invalidParameter: (message: string, fields: Record<string, string> = {}) =>
    new AwsError('InvalidParameterException', 400, message, fields),
  invalidRequest: (message: string, fields: Record<string, string> = {}) =>
    new AwsError('InvalidRequestException', 400, message, fields),
  resourceInUse: (message: string, fields: Record<string, string> = {}) =>
    new AwsError('ResourceInUseException', 409, message, fields),
  resourceLimitExceeded: (message: string, fields: Record<string, string> = {}) =>
    new AwsError('ResourceLimitExceededException', 400, message, fields),
};

/** The extra members each EKS error shape has (botocore's model); other fields never reach the wire. */
export const EKS_ERROR_MEMBERS: Record<string, readonly string[]> = {
  InvalidParameterException: [
    'clusterName',
    'nodegroupName',
    'fargateProfileName',
    'addonName',
    'subscriptionId',
  ],
  ResourceNotFoundException: [
    'clusterName',
    'nodegroupName',
    'fargateProfileName',
    'addonName',
    'subscriptionId',
  ],
  ResourceInUseException: ['clusterName', 'nodegroupName', 'addonName'],
  InvalidRequestException: ['clusterName', 'nodegroupName', 'addonName', 'subscriptionId'],
  ClientException: ['clusterName', 'nodegroupName', 'addonName', 'subscriptionId'],
  ServerException: ['clusterName', 'nodegroupName', 'addonName', 'subscriptionId'],
  ResourceLimitExceededException: ['clusterName', 'nodegroupName', 'subscriptionId'],
  ThrottlingException: ['clusterName'],
  InvalidStateException: ['clusterName'],
};
