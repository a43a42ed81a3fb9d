import { describe, expect, it } from 'vitest';
import { fromAwsError } from './awsErrors.ts';

const sdkError = (name: string, message: string, httpStatusCode?: number) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode, requestId: 'req-1' } });

describe('fromAwsError', () => {
  it('keeps the AWS code, message and request id', () => {
    const error = fromAwsError(
      sdkError('InvalidParameterException', 'desiredSize must be <= maxSize', 400),
    );
    expect(error).toMatchObject({
      status: 400,
      code: 'InvalidParameterException',
      message: 'desiredSize must be <= maxSize',
      requestId: 'req-1',
    });
  });

  it('answers access denied with 403 whatever status AWS used', () => {
    expect(
      fromAwsError(sdkError('AccessDeniedException', 'User: x is not authorized', 403)).status,
    ).toBe(403);
    expect(
      fromAwsError(
        sdkError('ExpiredToken', 'The security token included in the request is expired', 400),
      ).status,
    ).toBe(403);
  });

  it('turns throttling that outlasted the retries into 503', () => {
    const error = fromAwsError(sdkError('ThrottlingException', 'Rate exceeded', 429));
    expect(error.status).toBe(503);
    expect(error.message).toBe('Rate exceeded (still throttled after retries)');
  });

  it('treats AWS server faults and unreachable endpoints as bad gateway, timeouts as 504', () => {
    expect(fromAwsError(sdkError('ServerException', 'internal', 500)).status).toBe(502);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    expect(fromAwsError(refused)).toMatchObject({
      status: 502,
      message: 'Could not reach AWS: connect ECONNREFUSED 127.0.0.1:1',
    });
    expect(
      fromAwsError(Object.assign(new Error('timed out'), { name: 'TimeoutError' })).status,
    ).toBe(504);
  });
});
