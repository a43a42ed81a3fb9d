import { describe, expect, it } from 'vitest';
import { CredentialStore } from '../../auth/credentialStore.ts';
import { eksBearerToken } from '../../testing/kubeClients.ts';
import { createAccount } from '../../world/accounts.ts';
import { TokenRejected, verifyEksToken } from './eksTokenVerifier.ts';

const account = createAccount('123456789012', 'unit');
const credentials = new CredentialStore([account]);
const keys = { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey };
const NOW = new Date();
const check = (overrides: Partial<Parameters<typeof verifyEksToken>[1]> = {}) => ({
  clusterName: 'checkout-prod',
  credentials,
  sandboxHosts: ['127.0.0.1:4510'],
  hostNow: NOW,
  worldNow: NOW,
  ...overrides,
});

describe('EKS bearer tokens', () => {
  it('accepts a token presigned for STS with this cluster as x-k8s-aws-id, and names its signer', async () => {
    const token = await eksBearerToken(keys, { clusterName: 'checkout-prod', signingDate: NOW });
    const principal = await verifyEksToken(token, check());
    expect(principal.arn).toBe('arn:aws:iam::123456789012:user/wheelhouse-sandbox');
  });

  it('accepts the sandbox endpoint as the URL host, but not any other host', async () => {
    const sandboxToken = await eksBearerToken(keys, {
      clusterName: 'checkout-prod',
      host: '127.0.0.1:4510',
      signingDate: NOW,
    });
    await expect(verifyEksToken(sandboxToken, check())).resolves.toMatchObject({
      accountId: '123456789012',
    });
    const elsewhere = await eksBearerToken(keys, {
      clusterName: 'checkout-prod',
      host: 'sts.example.com',
      signingDate: NOW,
    });
    await expect(verifyEksToken(elsewhere, check())).rejects.toThrow(/unexpected STS host/);
  });

  it('follows EKS on lifetime: valid 15 minutes after X-Amz-Date even though X-Amz-Expires says 60 s', async () => {
    const tenMinutesAgo = await eksBearerToken(keys, {
      clusterName: 'checkout-prod',
      signingDate: new Date(NOW.getTime() - 10 * 60_000),
    });
    await expect(verifyEksToken(tenMinutesAgo, check())).resolves.toBeDefined();
    const sixteenMinutesAgo = await eksBearerToken(keys, {
      clusterName: 'checkout-prod',
      signingDate: new Date(NOW.getTime() - 16 * 60_000),
    });
    await expect(verifyEksToken(sixteenMinutesAgo, check())).rejects.toThrow(/15 minutes old/);
  });

  it('refuses a token minted for another cluster, a wrong secret and a token that is not one', async () => {
    const other = await eksBearerToken(keys, { clusterName: 'search-prod', signingDate: NOW });
    await expect(verifyEksToken(other, check())).rejects.toThrow(TokenRejected);
    const forged = await eksBearerToken(
      { ...keys, secretAccessKey: 'not-the-secret' },
      { clusterName: 'checkout-prod', signingDate: NOW },
    );
    await expect(verifyEksToken(forged, check())).rejects.toThrow(/signature mismatch/);
    await expect(verifyEksToken('k8s-aws-v1.bm90IGEgdXJs', check())).rejects.toThrow(TokenRejected);
    await expect(verifyEksToken('eyJhbGciOi.some.jwt', check())).rejects.toThrow(
      /not an EKS token/,
    );
  });

  it('refuses a token of a role session that has expired on the world clock', async () => {
    const role = account.roles[0]!;
    const session = credentials.issueSession(account.id, role, {
      sessionName: 'ci',
      issuedAt: NOW,
      durationSeconds: 900,
    });
    const token = await eksBearerToken(
      {
        accessKeyId: session.accessKeyId,
        secretAccessKey: session.secretAccessKey,
        sessionToken: session.sessionToken,
      },
      { clusterName: 'checkout-prod', signingDate: NOW },
    );
    await expect(verifyEksToken(token, check())).resolves.toMatchObject({
      type: 'AssumedRole',
      sessionName: 'ci',
    });
    await expect(
      verifyEksToken(token, check({ worldNow: new Date(NOW.getTime() + 901_000) })),
    ).rejects.toThrow(/expired role session/);
  });
});
