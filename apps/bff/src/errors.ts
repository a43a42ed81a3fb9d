import type { FieldError } from '@wheelhouse/contract';

/** Base of the errors services throw by name; the error middleware turns them into problem+json. */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InputError extends DomainError {
  constructor(
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(400, 'Invalid request', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in to continue.') {
    super(401, 'Not signed in', message);
  }
}

export class NotAllowedError extends DomainError {
  constructor(message: string) {
    super(403, 'Not allowed', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(404, 'Not found', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super(409, 'Conflict', message);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(
    message: string,
    /** Sent as `Retry-After` (seconds). */
    readonly retryAfterSeconds?: number,
  ) {
    super(429, 'Too many requests', message);
  }
}

/** An AWS (or Kubernetes) call failed; carries the upstream's own code and words. */
export class UpstreamError extends DomainError {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    /** Who refused: the page names it ("AWS error …" or "Kubernetes …"), so it must be right. */
    readonly origin: 'aws' | 'kubernetes' = 'aws',
  ) {
    super(status, code, message);
  }
}

/** The console's identity may not read a cluster's Kubernetes API; says what would fix it. */
export class KubeAccessError extends DomainError {
  constructor(
    status: number,
    message: string,
    readonly remedy: string[],
  ) {
    super(
      status,
      status === 401 ? 'Kubernetes API refused the console' : 'No Kubernetes access',
      message,
    );
  }
}
