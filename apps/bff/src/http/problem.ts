import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Problem } from '@wheelhouse/contract';
import {
  DomainError,
  InputError,
  KubeAccessError,
  TooManyRequestsError,
  UpstreamError,
} from '../errors.ts';
import { redactUrl } from './logRedaction.ts';

const PROBLEM_TYPE = 'about:blank';

function problemFor(error: unknown): Problem {
  if (error instanceof InputError) {
    return {
      type: PROBLEM_TYPE,
      title: error.title,
      status: 400,
      detail: error.message,
      errors: error.fields,
    };
  }
  if (error instanceof UpstreamError) {
    return {
      type: PROBLEM_TYPE,
      title: error.title,
      status: error.status,
      detail: error.message,
      ...(error.origin === 'kubernetes' ? { kubeReason: error.code } : { awsCode: error.code }),
      ...(error.requestId ? { requestId: error.requestId } : {}),
    };
  }
  if (error instanceof KubeAccessError) {
    return {
      type: PROBLEM_TYPE,
      title: error.title,
      status: error.status,
      detail: error.message,
      remedy: error.remedy,
    };
  }
  if (error instanceof DomainError) {
    return { type: PROBLEM_TYPE, title: error.title, status: error.status, detail: error.message };
  }
  // express.json() reports malformed bodies with `status` and `type` set.
  const httpError = error as { status?: number; type?: string; message?: string };
  if (httpError?.type === 'entity.parse.failed') {
    return {
      type: PROBLEM_TYPE,
      title: 'Invalid request',
      status: 400,
      detail: 'The request body is not valid JSON.',
      errors: [{ field: '(body)', message: 'is not valid JSON' }],
    };
  }
  if (httpError?.type === 'entity.too.large') {
    return {
      type: PROBLEM_TYPE,
      title: 'Payload too large',
      status: 413,
      detail: 'The request body is too large.',
    };
  }
  const clientError = clientProblem(error);
  if (clientError) return clientError;
  return {
    type: PROBLEM_TYPE,
    title: 'Internal error',
    status: 500,
    detail: 'Something went wrong in the console.',
  };
}

const CLIENT_TITLES: Record<number, string> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  411: 'Length required',
  415: 'Unsupported media type',
};

/**
 * Express, its router, body parsers and static files report a caller's mistake as an error with a
 * 4xx `status` (http-errors): bad percent-encoding, an unknown content-encoding, a corrupt gzip
 * body, a missing or forbidden file. Those are the caller's, so they get their 4xx, not a 500.
 */
function clientProblem(error: unknown): Problem | undefined {
  const httpError = error as { status?: unknown; type?: unknown; message?: unknown } | undefined;
  const status = httpError?.status;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  const detail =
    status === 404
      ? 'No such file.'
      : status === 403
        ? 'That path is not served.'
        : httpError?.type === 'encoding.unsupported'
          ? `The request body's Content-Encoding is not supported (use gzip, deflate, br or none).`
          : error instanceof URIError || String(httpError?.message).startsWith('Failed to decode')
            ? 'The URL is not valid percent-encoding.'
            : status === 400
              ? 'The request body could not be read (corrupt or truncated encoding).'
              : String(httpError?.message);
  return { type: PROBLEM_TYPE, title: CLIENT_TITLES[status] ?? 'Bad request', status, detail };
}

export function sendProblem(res: Parameters<RequestHandler>[1], problem: Problem): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** The one error middleware: domain errors by name → problem+json; anything else → 500, logged. */
export function problemMiddleware(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const problem = problemFor(error);
    if (problem.status >= 500 && !(error instanceof UpstreamError)) {
      logger.error({ err: error, url: redactUrl(req.originalUrl) }, 'unhandled error');
    } else if (!(error instanceof DomainError)) {
      // A caller's malformed request: worth a line, never a stack trace.
      logger.info({ status: problem.status, url: redactUrl(req.originalUrl) }, problem.detail);
    }
    if (error instanceof TooManyRequestsError && error.retryAfterSeconds !== undefined) {
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    sendProblem(res, problem);
  };
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, {
    type: PROBLEM_TYPE,
    title: 'Not found',
    status: 404,
    detail: `No such API route: ${req.method} ${req.originalUrl.split('?')[0]}`,
  });
};
