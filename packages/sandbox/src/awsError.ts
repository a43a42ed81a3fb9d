/**
 * An error as an AWS service answers it: the wire code (`x-amzn-errortype` in
 * JSON protocols, `<Code>` in XML ones), the HTTP status and the message, plus
 * the extra members some EKS errors carry (clusterName, nodegroupName, ...).
 * Thrown anywhere below a service; the service's protocol formats it.
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
    /** Query protocols say whose fault it is. */
    readonly fault: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
    this.name = code;
  }
}
