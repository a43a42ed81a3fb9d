import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { ClusterCertificateAuthority } from '../../world/eks/certificateAuthority.ts';

/** The API server's TLS identity: key and certificate chain in PEM, as node:https takes them. */
export interface ServingCertificate {
  key: string;
  cert: string;
}

function pem(label: string, der: ArrayBuffer): string {
  const base64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${base64.trimEnd()}\n-----END ${label}-----\n`;
}

/**
 * A serving certificate issued by the cluster's own CA for 127.0.0.1 and
 * localhost (plus the in-cluster names kube-apiserver also carries), so a
 * client that trusts certificateAuthority.data verifies the connection.
 */
export async function issueServingCertificate(
  authority: ClusterCertificateAuthority,
  options: { serial: string; notBefore: Date },
): Promise<ServingCertificate> {
  const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: options.serial,
    subject: 'CN=kube-apiserver',
    issuer: authority.certificate.subject,
    notBefore: options.notBefore,
    // Clients check validity against the host clock: valid for a year from now (API servers renew theirs).
    notAfter: new Date(Date.now() + 365 * 86_400_000),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    publicKey: keys.publicKey,
    signingKey: authority.keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'ip', value: '127.0.0.1' },
        { type: 'dns', value: 'localhost' },
        { type: 'dns', value: 'kubernetes' },
        { type: 'dns', value: 'kubernetes.default' },
        { type: 'dns', value: 'kubernetes.default.svc' },
        { type: 'dns', value: 'kubernetes.default.svc.cluster.local' },
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(authority.keys.publicKey),
    ],
  });
  const key = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    key: pem('PRIVATE KEY', key),
    cert: certificate.toString('pem') + '\n' + authority.certificatePem,
  };
}
