import type { SandboxRequest } from '../http/request.ts';
import type { CredentialStore } from './credentialStore.ts';
import type { Principal } from './principals.ts';
import { AuthError, checkFreshness, verifySignature, type SignatureClaim } from './sigv4.ts';

const INVALID_TOKEN = 'The security token included in the request is invalid.';

/**
 * Establishes who signed a request, as AWS does: fresh signature, known key,
 * matching session token, valid signature, unexpired session. Signature
 * freshness is judged by the host clock (the one clients sign with); session
 * expiry by the world's clock (the one that issued the Expiration).
 */
export async function authenticate(
  request: SandboxRequest,
  claim: SignatureClaim,
  store: CredentialStore,
  clocks: { host: Date; world: Date },
): Promise<Principal> {
  checkFreshness(claim, clocks.host);
  const key = store.lookup(claim.accessKeyId);
  if (!key) throw new AuthError('unknownKey', INVALID_TOKEN);
  if (key.sessionToken !== claim.securityToken) throw new AuthError('invalidToken', INVALID_TOKEN);
  if (!(await verifySignature(request, claim, key.secretAccessKey))) {
    throw new AuthError(
      'badSignature',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  const { principal } = key;
  if (principal.type === 'AssumedRole' && principal.expiresAt <= clocks.world) {
    throw new AuthError('expiredToken', 'The security token included in the request is expired');
  }
  return principal;
}
