import type { AwsError } from '../awsError.ts';
import type { AuthFailure } from '../auth/sigv4.ts';
import type { CredentialStore } from '../auth/credentialStore.ts';
import type { Principal } from '../auth/principals.ts';
import type { SandboxRequest } from '../http/request.ts';
import type { World } from '../world/world.ts';

/** An HTTP answer of an AWS service. */
export interface AwsResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a call needs: the world, who signed it, and where. */
export interface ServiceContext {
  world: World;
  credentials: CredentialStore;
  principal: Principal;
  /** Region of the SigV4 credential scope. */
  region: string;
  requestId: string;
  request: SandboxRequest;
}

/** The outcome of a call: its HTTP answer and what CloudTrail would show as responseElements. */
export interface CallResult {
  response: AwsResponse;
  responseElements: Record<string, unknown> | null;
}

/** A request resolved to one operation of a service, ready to run. */
export interface ServiceCall {
  operation: string;
  /** The ARN the call acts on (IAM denial messages name it). */
  resource: string;
  /** Request parameters as CloudTrail records them. */
  parameters: Record<string, unknown>;
  execute(): Promise<CallResult>;
}

/**
 * One AWS service of the sandbox, found by the signing name in the SigV4
 * credential scope. Each service speaks its own protocol, so it formats its
 * own errors, including the authentication and fault errors the server raises.
 */
export interface AwsService {
  signingName: string;
  /** CloudTrail's eventSource, e.g. "eks.amazonaws.com". */
  eventSource: string;
  /** Finds the operation a request calls; throws AwsError when there is none. */
  resolve(context: ServiceContext): ServiceCall;
  errorResponse(error: AwsError, requestId: string): AwsResponse;
  authError(failure: AuthFailure, message: string): AwsError;
  throttlingError(): AwsError;
  faultError(fault: { code?: string; status?: number; message?: string }): AwsError;
  accessDenied(principal: Principal, operation: string, resource: string): AwsError;
  internalError(): AwsError;
}

/** Services by signing name: later tasks register ec2 and autoscaling here. */
export class ServiceRegistry {
  private readonly services = new Map<string, AwsService>();

  register(service: AwsService): void {
    if (this.services.has(service.signingName)) {
      throw new Error(`service ${service.signingName} is already registered`);
    }
    this.services.set(service.signingName, service);
  }

  get(signingName: string): AwsService | undefined {
    return this.services.get(signingName);
  }

  names(): string[] {
    return [...this.services.keys()];
  }
}
