import { describe, expect, it } from 'vitest';
import {
  allowMissingReference,
  botocoreDataDir,
  loadServiceModel,
} from '../../testing/botocoreModel.ts';
import { CONNECTOR_PROVIDERS } from './registrations.ts';

/**
 * The sandbox keeps its own copy of the providers RegisterCluster accepts
 * rather than importing the console's: a simulator that shares the console's
 * definitions could not catch the console's mistakes. The copy is held to
 * the wire reference instead.
 */
describe('connector providers', () => {
  it("are exactly the ConnectorConfigProvider enum of botocore's EKS model", () => {
    const dataDir = botocoreDataDir();
    if (!dataDir) {
      allowMissingReference('botocore EKS model');
      return;
    }
    const model = loadServiceModel(dataDir, 'eks', '2017-11-01');
    expect([...CONNECTOR_PROVIDERS].sort()).toEqual(
      [...(model.shapes.ConnectorConfigProvider?.enum ?? [])].sort(),
    );
  });
});
