import type { AwsError } from '../awsError.ts';
import type { AwsResponse } from './service.ts';

/** A REST-JSON answer (EKS and the like). */
export function jsonResponse(status: number, body: unknown, requestId: string): AwsResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
    body: JSON.stringify(body ?? {}),
  };
}

/** REST-JSON error: code in x-amzn-errortype, message and extra members in the body. */
export function restJsonError(error: AwsError, requestId: string): AwsResponse {
  return {
    status: error.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': error.code,
    },
    body: JSON.stringify({ ...error.fields, message: error.message }),
  };
}
