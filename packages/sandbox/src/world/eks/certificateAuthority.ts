// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { createHash } from 'node:crypto';
import type { ClusterRecord } from './types.ts';

// Node's WebCrypto is the standard API; only the DOM-flavoured type name differs.
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type CryptoKeyPair = webcrypto.CryptoKeyPair;

/** A cluster's own certificate authority: the CA in DescribeCluster, and the key to issue serving certificates later. */
export interface ClusterCertificateAuthority {
  certificate: x509.X509Certificate;
  certificatePem: string;
  keys: CryptoKeyPair;
}

const authorities = new WeakMap<ClusterRecord, Promise<ClusterCertificateAuthority>>();

/**
 * The CA of a cluster, generated on first use (EC P-256, self-signed, CN
 * "kubernetes" as EKS names it) and kept for the cluster's lifetime: a few
 * milliseconds once, so seeding thousands of clusters stays cheap.
 */
export function certificateAuthorityOf(
  cluster: ClusterRecord,
): Promise<ClusterCertificateAuthority> {
  let authority = authorities.get(cluster);
  if (!authority) {
    authority = generateAuthority(cluster);
    authorities.set(cluster, authority);
  }
  return authority;
}

/** Connected clusters have their own CA too (the sandbox serves their Kubernetes API). */
async function generateAuthority(cluster: ClusterRecord): Promise<ClusterCertificateAuthority> {
  const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const notBefore = new Date(cluster.createdAt.getTime() - 60_000);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber:
      cluster.kind === 'eks'
        ? cluster.endpointId.slice(0, 16).toLowerCase()
        : createHash('sha256').update(cluster.arn).digest('hex').slice(0, 16),
    name: 'CN=kubernetes',
    notBefore,
    notAfter: new Date(notBefore.getTime() + 10 * 365 * 86_400_000),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign |
          x509.KeyUsageFlags.cRLSign |
          x509.KeyUsageFlags.digitalSignature,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate, certificatePem: certificate.toString('pem'), keys };
}
