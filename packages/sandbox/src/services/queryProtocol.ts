import { AwsError } from '../awsError.ts';
import type { AuthFailure } from '../auth/sigv4.ts';
import type { SandboxRequest } from '../http/request.ts';
import { parseQuery } from '../http/request.ts';
import type { AwsResponse, AwsService } from './service.ts';

/** AWS Query protocol (STS, later EC2 and Auto Scaling): form-encoded parameters, XML answers. */

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A value to render as XML: text, nested elements (in order), or a list of members. */
export type XmlValue = string | number | boolean | Date | XmlElements | { member: XmlValue[] };
export type XmlElements = Array<[name: string, value: XmlValue | undefined]>;

export function renderXml(value: XmlValue): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return escapeXml(String(value));
  if (Array.isArray(value)) {
    return value
      .filter(([, inner]) => inner !== undefined)
      .map(([name, inner]) => `<${name}>${renderXml(inner!)}</${name}>`)
      .join('');
  }
  return value.member.map((item) => `<member>${renderXml(item)}</member>`).join('');
}

/** `<{Action}Response><{Action}Result>...</{Action}Result><ResponseMetadata>...` */
export function queryResponse(
  action: string,
  namespace: string,
  result: XmlElements,
  requestId: string,
): AwsResponse {
  const body =
    `<${action}Response xmlns="${namespace}">` +
    `<${action}Result>${renderXml(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</${action}Response>`;
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body,
  };
}

export function queryError(error: AwsError, requestId: string, namespace?: string): AwsResponse {
  const xmlns = namespace ? ` xmlns="${namespace}"` : '';
  const body =
    `<ErrorResponse${xmlns}><Error><Type>${error.fault}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`;
  return {
    status: error.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body,
  };
}

/**
 * The call's parameters: the query string (presigned GET) and the form body
 * (POST), without SigV4's own X-Amz-* parameters.
 */
export function queryParameters(request: SandboxRequest): Record<string, string> {
  const params: Record<string, string> = {};
  const merge = (source: Record<string, string | string[]>) => {
    for (const [key, value] of Object.entries(source)) {
      if (key.startsWith('X-Amz-')) continue;
      params[key] = Array.isArray(value) ? value[value.length - 1]! : value;
    }
  };
  merge(request.query);
  const contentType = request.headers['content-type'] ?? '';
  if (request.body.length > 0 && contentType.startsWith('application/x-www-form-urlencoded')) {
    // Form bodies do encode spaces as "+".
    merge(parseQuery(request.body.toString('utf8').replace(/\+/g, '%20')));
  }
  return params;
}

const AUTH_ERRORS: Record<AuthFailure, [code: string, status: number]> = {
  missing: ['MissingAuthenticationToken', 403],
  incomplete: ['IncompleteSignature', 400],
  unknownKey: ['InvalidClientTokenId', 403],
  badSignature: ['SignatureDoesNotMatch', 403],
  expiredSignature: ['SignatureDoesNotMatch', 403],
  expiredToken: ['ExpiredToken', 403],
  invalidToken: ['InvalidClientTokenId', 403],
};

/** The errors every awsQuery service (STS, Auto Scaling) answers alike; EC2 has its own flavour. */
export function awsQueryErrors(
  namespace: string,
): Pick<
  AwsService,
  'errorResponse' | 'authError' | 'throttlingError' | 'faultError' | 'internalError'
> {
  return {
    errorResponse: (error, requestId) => queryError(error, requestId, namespace),
    authError(failure, message) {
      const [code, status] = AUTH_ERRORS[failure];
      return new AwsError(code, status, message);
    },
    throttlingError: () => new AwsError('Throttling', 400, 'Rate exceeded'),
    faultError: (fault) =>
      new AwsError(
        fault.code ?? 'ServiceUnavailable',
        fault.status ?? 503,
        fault.message ?? 'Service is unavailable. Please try again later.',
      ),
    internalError: () => new AwsError('InternalFailure', 500, 'An internal error occurred.'),
  };
}
