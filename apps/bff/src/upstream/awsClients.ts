import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { EKSClient } from '@aws-sdk/client-eks';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  fromIni,
  fromNodeProviderChain,
  fromTemporaryCredentials,
} from '@aws-sdk/credential-providers';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { NotAllowedError } from '../errors.ts';
import { awsMetricsPlugin } from '../observability/awsMetrics.ts';
import { fromAwsError } from './awsErrors.ts';
import { sharedCredentials } from './credentials.ts';

/** One AWS account the console reads, with how to reach it. */
export interface AccountTarget {
  /** Stable key used in caches and logs. */
  key: string;
  name: string;
  via: 'default' | 'role' | 'profile';
  /** Known up front (configured, or taken from the role ARN); otherwise asked of STS. */
  id?: string;
  roleArn?: string;
  externalId?: string;
  profile?: string;
  changeRoleArn?: string;
}

export interface AwsClientsOptions {
  /** One endpoint for every service (the sandbox). Unset: the SDK resolves it, honouring AWS_ENDPOINT_URL*. */
  endpoint?: string;
  /** The console's own credentials. Unset: the SDK's default chain (env, profile, SSO, instance role). */
  baseCredentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Region for STS calls. */
  homeRegion: string;
  /** Attempts per call, retries included (throttling is retried with backoff by the SDK). */
  maxAttempts?: number;
  /** Sockets per upstream host; must exceed the fan-out's concurrency or calls queue for a socket. */
  maxSockets?: number;
}

interface ClientConfig {
  /** Reuse each command's resolved middleware chain; we never change middleware after building a client. */
  cacheMiddleware: boolean;
  region: string;
  credentials: AwsCredentialIdentityProvider;
  endpoint?: string;
  maxAttempts: number;
  requestHandler: NodeHttpHandler;
}
type ClientClass<C> = new (config: ClientConfig) => C;

/** Every client is timed (GET /metrics); added before its first call, so the cached chain holds it. */
function timed<C>(client: C): C {
  (
    client as { middlewareStack: { use(plugin: typeof awsMetricsPlugin): void } }
  ).middlewareStack.use(awsMetricsPlugin);
  return client;
}

/** What every SDK v3 client has: the middleware stack each of its commands runs through. */
interface WithMiddleware {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'initialize'; name: string; priority: 'high' },
    ): void;
  };
}

/**
 * The one place AWS errors are translated: outermost in every client's stack, so it sees the error
 * after the SDK's retries and credential resolution, and every caller (paginators too) gets an
 * UpstreamError in AWS's own words.
 */
function translateErrors<C>(client: C): C {
  (client as unknown as WithMiddleware).middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        throw fromAwsError(error);
      }
    },
    { step: 'initialize', name: 'wheelhouseTranslateErrors', priority: 'high' },
  );
  return client;
}

/** The AWS SDK clients of every account and region, built once and reused (keep-alive connections). */
export function createAwsClients(accounts: AccountTarget[], options: AwsClientsOptions) {
  const maxSockets = options.maxSockets ?? 256;
  const requestHandler = new NodeHttpHandler({
    httpAgent: new HttpAgent({ keepAlive: true, maxSockets }),
    httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets }),
    connectionTimeout: 5_000,
    requestTimeout: 20_000,
  });
  const base = sharedCredentials(
    typeof options.baseCredentials === 'function'
      ? options.baseCredentials
      : options.baseCredentials
        ? async () => options.baseCredentials as AwsCredentialIdentity
        : fromNodeProviderChain(),
  );
  const stsClientConfig = {
    region: options.homeRegion,
    requestHandler,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  };

  const readCredentials = new Map<string, AwsCredentialIdentityProvider>();
  function credentialsOf(account: AccountTarget): AwsCredentialIdentityProvider {
    let provider = readCredentials.get(account.key);
    if (!provider) {
      if (account.via === 'role' && account.roleArn) {
        provider = sharedCredentials(
          fromTemporaryCredentials({
            params: {
              RoleArn: account.roleArn,
              RoleSessionName: 'wheelhouse-console',
              ...(account.externalId ? { ExternalId: account.externalId } : {}),
            },
            masterCredentials: base,
            clientConfig: stsClientConfig,
          }),
        );
      } else if (account.via === 'profile' && account.profile) {
        provider = sharedCredentials(fromIni({ profile: account.profile }));
      } else {
        provider = base;
      }
      readCredentials.set(account.key, provider);
    }
    return provider;
  }

  const clients = new Map<string, unknown>();
  function client<C>(Class: ClientClass<C>, account: AccountTarget, region: string): C {
    const key = `${Class.name}|${account.key}|${region}`;
    let instance = clients.get(key) as C | undefined;
    if (!instance) {
      instance = translateErrors(
        timed(
          new Class({
            cacheMiddleware: true,
            region,
            credentials: credentialsOf(account),
            maxAttempts: options.maxAttempts ?? 3,
            requestHandler,
            ...(options.endpoint ? { endpoint: options.endpoint } : {}),
          }),
        ),
      );
      clients.set(key, instance);
    }
    return instance;
  }

  // Changes run as the console user: an assumed role whose SourceIdentity names them, so CloudTrail
  // records the person and not just the console. One session per user and account, shared by regions.
  const changeCredentials = new Map<string, AwsCredentialIdentityProvider>();
  function changeCredentialsOf(
    account: AccountTarget,
    user: string,
  ): AwsCredentialIdentityProvider {
    const roleArn = account.changeRoleArn ?? account.roleArn;
    if (!roleArn) {
      throw new NotAllowedError(
        `Account ${account.name} has no changeRoleArn configured: changes need a role to assume, so that ` +
          'CloudTrail names the console user (SourceIdentity).',
      );
    }
    const key = `${account.key}|${user}`;
    let provider = changeCredentials.get(key);
    if (!provider) {
      provider = sharedCredentials(
        fromTemporaryCredentials({
          params: {
            RoleArn: roleArn,
            RoleSessionName: `wheelhouse-${user}`.slice(0, 64),
            SourceIdentity: user,
            ...(account.externalId ? { ExternalId: account.externalId } : {}),
          },
          masterCredentials: base,
          clientConfig: stsClientConfig,
        }),
      );
      changeCredentials.set(key, provider);
    }
    return provider;
  }

  /** A client acting as `user` (see changeCredentialsOf); not cached, changes are rare. */
  function changeClient<C>(
    Class: ClientClass<C>,
    account: AccountTarget,
    region: string,
    user: string,
  ): C {
    return translateErrors(
      timed(
        new Class({
          cacheMiddleware: true,
          region,
          credentials: changeCredentialsOf(account, user),
          maxAttempts: options.maxAttempts ?? 3,
          requestHandler,
          ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        }),
      ),
    );
  }

  const identities = new Map<string, Promise<{ account: string; arn: string }>>();
  /** Who the console is in an account (STS GetCallerIdentity), asked once. */
  function identity(account: AccountTarget): Promise<{ account: string; arn: string }> {
    let pending = identities.get(account.key);
    if (!pending) {
      pending = client(STSClient, account, options.homeRegion)
        .send(new GetCallerIdentityCommand({}))
        .then((answer) => ({ account: answer.Account ?? 'unknown', arn: answer.Arn ?? '' }));
      pending.catch(() => identities.delete(account.key));
      identities.set(account.key, pending);
    }
    return pending;
  }
  function accountId(account: AccountTarget): Promise<string> {
    if (account.id) return Promise.resolve(account.id);
    return identity(account).then((answer) => answer.account);
  }

  return {
    accounts,
    eks: (account: AccountTarget, region: string) => client(EKSClient, account, region),
    client,
    changeClient,
    accountId,
    identity,
    /** The credentials the console reads an account with (also used to sign EKS tokens). */
    credentials: credentialsOf,
    /** Resolves the console's own credentials (readiness: are they there at all?). */
    resolveBaseCredentials: (): Promise<AwsCredentialIdentity> => base(),
    destroy(): void {
      requestHandler.destroy();
    },
  };
}
export type AwsClients = ReturnType<typeof createAwsClients>;
