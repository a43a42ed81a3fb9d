import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Problem } from '@wheelhouse/contract';
import { DomainError, InputError, KubeAccessError, UpstreamError } from './errors.ts';

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
      awsCode: error.code,
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
  return {
    type: PROBLEM_TYPE,
    title: 'Internal error',
    status: 500,
    detail: 'Something went wrong in the console.',
  };
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
      logger.error({ err: error, url: req.originalUrl }, 'unhandled error');
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
