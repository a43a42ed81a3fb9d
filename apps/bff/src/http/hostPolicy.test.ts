import { describe, expect, it } from 'vitest';
import { createHostPolicy } from './hostPolicy.ts';

describe('createHostPolicy', () => {
  it('answers to the loopback names of the listening port and nothing else by default', () => {
    const policy = createHostPolicy({ listenHost: '127.0.0.1' });
    for (const host of ['127.0.0.1:8080', 'localhost:8080', 'LOCALHOST:8080', '[::1]:8080']) {
      expect(policy.allows(host, 8080), host).toBe(true);
    }
    for (const host of [
      'evil.example',
      'evil.example:8080',
      'localhost:9999',
      '127.0.0.1',
      'evil.example@127.0.0.1:8080',
      '127.0.0.1:8080/x',
      '127.0.0.1:8080\\',
      '',
    ]) {
      expect(policy.allows(host, 8080), host).toBe(false);
    }
    expect(policy.allows(undefined, 8080)).toBe(false);
    expect(policy.publicOrigin(8080)).toBe('http://127.0.0.1:8080');
  });

  it('takes its origin from the public URL and answers to that host with or without its port', () => {
    const policy = createHostPolicy({
      listenHost: '0.0.0.0',
      publicUrl: 'https://EKS.example.com/console',
    });
    expect(policy.publicOrigin(8080)).toBe('https://eks.example.com');
    expect(policy.allows('eks.example.com', 8080)).toBe(true);
    expect(policy.allows('eks.example.com:443', 8080)).toBe(true);
    expect(policy.allows('eks.example.com:8443', 8080)).toBe(false);
    expect(policy.allows('localhost:8080', 8080)).toBe(true);
    expect(policy.allows('10.0.0.5:8080', 8080)).toBe(false);
  });

  it('answers to the configured extra names, with any port or the one given', () => {
    const policy = createHostPolicy({
      listenHost: '10.0.0.5',
      allowedHosts: ['console.internal', 'eks-admin.corp:8443'],
    });
    expect(policy.allows('10.0.0.5:8080', 8080)).toBe(true);
    expect(policy.allows('localhost:8080', 8080)).toBe(false);
    expect(policy.allows('console.internal:1234', 8080)).toBe(true);
    expect(policy.allows('eks-admin.corp:8443', 8080)).toBe(true);
    expect(policy.allows('eks-admin.corp:9000', 8080)).toBe(false);
  });

  it('refuses to start on an allow-list entry that is not a host name', () => {
    expect(() =>
      createHostPolicy({ listenHost: '127.0.0.1', allowedHosts: ['https://x.example'] }),
    ).toThrow(/WHEELHOUSE_ALLOWED_HOSTS/);
  });
});
