import { UpstreamError } from '../errors.ts';

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

const ACCESS_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredToken',
  'ExpiredTokenException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'UnauthorizedOperation',
]);
const THROTTLE_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
]);
const TIMEOUT_CODES = new Set(['TimeoutError', 'RequestTimeout', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/** Status the console answers with for an upstream failure: the AWS meaning, not always the AWS status. */
function statusFor(code: string, upstreamStatus: number | undefined): number {
  if (ACCESS_CODES.has(code)) return 403;
  if (THROTTLE_CODES.has(code)) return 503;
  if (TIMEOUT_CODES.has(code)) return 504;
  if (upstreamStatus === undefined) return 502;
  if (upstreamStatus >= 500) return 502;
  return upstreamStatus;
}

/** Translates an AWS SDK error into an UpstreamError that keeps AWS's own code and message. */
export function fromAwsError(error: unknown): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const e = (error ?? {}) as SdkErrorShape;
  const code = e.name && e.name !== 'Error' ? e.name : (e.code ?? 'UnknownError');
  const upstreamStatus = e.$metadata?.httpStatusCode;
  let message = e.message || code;
  if (THROTTLE_CODES.has(code)) message = `${message} (still throttled after retries)`;
  if (upstreamStatus === undefined && !TIMEOUT_CODES.has(code) && e.code) {
    message = `Could not reach AWS: ${message}`;
  }
  return new UpstreamError(statusFor(code, upstreamStatus), code, message, e.$metadata?.requestId);
}
