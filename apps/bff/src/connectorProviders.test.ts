import { CONNECTOR_PROVIDERS } from '@wheelhouse/contract/constants';
import { SANDBOX_CONNECTOR_PROVIDERS } from '@wheelhouse/sandbox';
import { describe, expect, it } from 'vitest';

/**
 * The register wizard offers the contract's providers; the sandbox's list is
 * held to botocore's enum (connectorProviders.test.ts there). Equal lists
 * mean the console offers exactly what EKS accepts, no more, no fewer.
 */
describe('connector providers the console offers', () => {
  it('are the ones EKS (as the sandbox models it from botocore) accepts', () => {
    expect([...CONNECTOR_PROVIDERS].sort()).toEqual([...SANDBOX_CONNECTOR_PROVIDERS].sort());
  });
});
