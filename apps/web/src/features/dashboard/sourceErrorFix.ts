import type { SourceError } from '@wheelhouse/contract';

/**
 * What to do about a source the dashboard could not read, from its error code; the AWS (or
 * Kubernetes) message is shown beside it, as written, since it usually names the permission.
 */
export function sourceErrorFix(error: SourceError): string {
  const code = error.code;
  if (error.message.startsWith('Kubernetes API:')) {
    if (code === 'Unauthorized' || code === '401')
      return "Give the console's IAM principal an EKS access entry on this cluster with AmazonEKSViewPolicy.";
    if (code === 'Forbidden' || code === '403')
      return "Associate AmazonEKSViewPolicy with the console's access entry on this cluster.";
    return "Check that the cluster's API endpoint is reachable from the console.";
  }
  if (/^(AccessDenied|UnauthorizedOperation)/.test(code))
    return "Grant the console's role the read permission the message names in this account.";
  if (
    /^(ExpiredToken|InvalidClientTokenId|UnrecognizedClient|SignatureDoesNotMatch|InvalidSignature)/.test(
      code,
    )
  )
    return "Renew the console's AWS credentials for this account.";
  if (/^(Throttling|TooManyRequests|RequestLimitExceeded|SlowDown)/.test(code))
    return 'AWS is throttling this account and region; the dashboard tries again at its next refresh.';
  if (/Timeout|ETIMEDOUT|ECONNREFUSED|ENOTFOUND|ECONNRESET/.test(code))
    return 'The AWS endpoint did not answer; the dashboard tries again at its next refresh.';
  return 'The dashboard tries again at its next refresh; if it persists, check this account and region.';
}
