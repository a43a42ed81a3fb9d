import type { ChangeResult, ClusterRef, ConfirmDeleteRequest, Role } from '@wheelhouse/contract';
import type { AuditLog } from '../audit/auditLog.ts';
import { DomainError, InputError, UpstreamError } from '../errors.ts';
import { fromAwsError } from '../upstream/awsErrors.ts';
import type { EksChanged, EksChanges } from '../upstream/eksGateway.ts';
import { toUpdate } from './computeMapping.ts';

/** Who is changing what, for the audit log. */
export interface ChangeContext {
  user: string;
  role: Role;
  clientIp?: string;
}

export interface ChangeSpec {
  action: string;
  target: string;
  params: unknown;
}

/**
 * Runs one change: the audit entry is written before the upstream call and completed after it,
 * with AWS's request id or its error in AWS's own words. Upstream errors are rethrown translated.
 */
export function createChangeRunner(audit: AuditLog, onChanged: () => void) {
  return async function runChange<T>(
    context: ChangeContext,
    spec: ChangeSpec,
    call: () => Promise<{ result: T; requestId?: string }>,
  ): Promise<T & { auditId: number }> {
    const auditId = audit.begin({ ...context, ...spec });
    try {
      const { result, requestId } = await call();
      audit.complete(auditId, { outcome: 'success', ...(requestId ? { requestId } : {}) });
      onChanged();
      return { ...result, auditId };
    } catch (error) {
      if (error instanceof DomainError && !(error instanceof UpstreamError)) {
        audit.complete(auditId, { outcome: 'failure', error: error.message });
        throw error;
      }
      const upstream = fromAwsError(error);
      audit.complete(auditId, {
        outcome: 'failure',
        error: `${upstream.code}: ${upstream.message}`,
        ...(upstream.requestId ? { requestId: upstream.requestId } : {}),
      });
      throw upstream;
    }
  };
}
export type RunChange = ReturnType<typeof createChangeRunner>;

/** Typing the resource's name is the confirmation destructive actions ask for. */
export function confirmName(request: ConfirmDeleteRequest, name: string): void {
  if (request.confirmName !== name) {
    throw new InputError(`Type ${name} to confirm.`, [
      { field: 'confirmName', message: `must be ${name}` },
    ]);
  }
}

/**
 * One EKS change as the console user: the audited run, the user's gateway, and the answer turned into a
 * ChangeResult (with the EKS update when EKS started one).
 */
export function eksChange(
  runChange: RunChange,
  changesFor: (ref: ClusterRef, context: ChangeContext) => Promise<EksChanges>,
) {
  return (
    ref: ClusterRef,
    context: ChangeContext,
    spec: ChangeSpec,
    send: (eks: EksChanges) => Promise<EksChanged>,
  ): Promise<ChangeResult> =>
    runChange(context, spec, async () => {
      const { update, requestId } = await send(await changesFor(ref, context));
      return {
        result: update ? { update: toUpdate(update) } : {},
        ...(requestId ? { requestId } : {}),
      };
    });
}
