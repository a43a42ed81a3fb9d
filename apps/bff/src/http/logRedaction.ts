import { OIDC_CALLBACK_PATH } from '@wheelhouse/contract';

const REDACTED = '[redacted]';

/**
 * Query parameters that carry a secret: dashboard tokens (`/dashboard?token=`), OAuth/OIDC codes,
 * states and tokens, passwords, and the parts of a presigned AWS URL that would let it be replayed.
 */
const SECRET_PARAM =
  /token|secret|password|passwd|signature|credential|session|^code$|^state$|^key$|^api[-_]?key$|^auth/i;
/** Values that are secrets whatever they are called: dashboard tokens and EKS bearer tokens. */
const SECRET_VALUE = /whd_[A-Za-z0-9_-]+|k8s-aws-v1\.[A-Za-z0-9_-]+/g;

/** Headers whose value is a credential; they are replaced by `[redacted]` in any logged header set. */
export const SECRET_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-csrf-token',
  'x-amz-security-token',
  'x-wheelhouse-metrics-token',
] as const;

/** Log paths pino blanks whatever logged them (request/response objects, errors carrying headers). */
export const LOG_REDACT_PATHS = SECRET_HEADERS.flatMap((name) => [
  `req.headers["${name}"]`,
  `res.headers["${name}"]`,
  `headers["${name}"]`,
  `*.headers["${name}"]`,
]);

/**
 * The URL as it may be logged: every secret-bearing query parameter's value is `[redacted]`, and so
 * is anything shaped like a dashboard or EKS token wherever it sits. The SSO callback's whole query
 * (authorization code, state, error text from the provider) never reaches the logs.
 */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = (queryAt < 0 ? url : url.slice(0, queryAt)).replace(SECRET_VALUE, REDACTED);
  if (queryAt < 0) return path;
  if (path === OIDC_CALLBACK_PATH) return `${path}?${REDACTED}`;
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawName = equals < 0 ? pair : pair.slice(0, equals);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // Bad percent-encoding: judge the name as written.
      }
      if (equals >= 0 && SECRET_PARAM.test(name)) return `${rawName}=${REDACTED}`;
      return pair.replace(SECRET_VALUE, REDACTED);
    })
    .join('&');
  return `${path}?${query}`;
}
