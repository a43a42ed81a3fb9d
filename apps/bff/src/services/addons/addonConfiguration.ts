import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { AddonConfiguration, ClusterRef } from '@wheelhouse/contract';
import { InputError, NotFoundError } from '../../errors.ts';
import type { AwsGateway } from '../../upstream/awsGateway.ts';
import type { AddonsInventory } from './addonsService.ts';
import { buildsFor } from './addonVersions.ts';

/** One ajv error as a reader finds the spot: its JSON Pointer (or the unknown key's) and the rule. */
function describeError(error: ErrorObject): string {
  const params = error.params as { additionalProperty?: string; allowedValues?: unknown[] };
  if (error.keyword === 'additionalProperties' && params.additionalProperty !== undefined)
    return `${error.instancePath}/${params.additionalProperty}: is not allowed by the schema`;
  const allowed = params.allowedValues ? `: ${params.allowedValues.join(', ')}` : '';
  return `${error.instancePath || '/'}: ${error.message ?? 'is invalid'}${allowed}`;
}

/**
 * Add-on configuration schemas (DescribeAddonConfiguration) and the check of configuration values
 * against them, made here before any change reaches EKS so a mistake comes back on its field.
 */
export function createAddonConfigurations(aws: AwsGateway, inventory: AddonsInventory) {
  // A build's schema never changes: read once per region and build, compiled once.
  const schemas = new Map<string, Promise<AddonConfiguration>>();
  const validators = new Map<string, ValidateFunction>();
  // Not strict: EKS writes its schemas for its own checker, and a keyword ajv does not know must not
  // turn a valid install into an error.
  const ajv = new Ajv({ allErrors: true, strict: false });

  async function defaultVersion(ref: ClusterRef, addon: string): Promise<string> {
    const detail = await inventory.getCluster(ref);
    const kubernetesVersion = detail.version ?? '';
    const at = await aws.locate(ref.accountId, ref.region);
    const info = (await aws.eks(at).addonVersions(kubernetesVersion)).find(
      (entry) => entry.addonName === addon,
    );
    const builds = buildsFor(info, kubernetesVersion);
    const version = builds.defaultVersion ?? builds.versions[0];
    if (!version)
      throw new NotFoundError(`No build of ${addon} runs on Kubernetes ${kubernetesVersion}.`);
    return version;
  }

  async function read(ref: ClusterRef, addon: string, version: string) {
    const at = await aws.locate(ref.accountId, ref.region);
    const answer = await aws.eks(at).addonConfiguration(addon, version);
    return {
      name: answer.addonName ?? addon,
      version: answer.addonVersion ?? version,
      schema: answer.configurationSchema ?? '',
      podIdentity: (answer.podIdentityConfiguration ?? []).map((item) => ({
        serviceAccount: item.serviceAccount ?? '',
        recommendedManagedPolicies: item.recommendedManagedPolicies ?? [],
      })),
    };
  }

  async function configuration(
    ref: ClusterRef,
    addon: string,
    version?: string,
  ): Promise<AddonConfiguration> {
    const build = version ?? (await defaultVersion(ref, addon));
    const key = `${ref.accountId}|${ref.region}|${addon}|${build}`;
    let found = schemas.get(key);
    if (!found) {
      found = read(ref, addon, build);
      schemas.set(key, found);
      found.catch(() => schemas.delete(key));
    }
    return found;
  }

  return {
    configuration,

    /**
     * Refuses configuration values the build's schema does not accept (400 naming
     * `configurationValues`, ajv's path and message); no values, or no schema to read, pass.
     */
    async check(
      ref: ClusterRef,
      addon: string,
      version: string | undefined,
      values: string | undefined,
    ): Promise<void> {
      if (values === undefined || values.trim() === '') return;
      let read: AddonConfiguration;
      try {
        read = await configuration(ref, addon, version);
      } catch {
        // No schema to hand (an EKS-compatible endpoint without DescribeAddonConfiguration, a
        // refused read, an unknown build): EKS checks the values itself and answers in its words.
        return;
      }
      const { schema, version: build } = read;
      if (schema === '') return;
      const key = `${addon}|${build}|${schema}`;
      let validate = validators.get(key);
      if (!validate) {
        validate = ajv.compile(JSON.parse(schema) as object);
        validators.set(key, validate);
      }
      // The contract has already made sure the values are a JSON object.
      if (validate(JSON.parse(values))) return;
      const problems = (validate.errors ?? []).map(describeError);
      throw new InputError(
        `The configuration values do not match the schema of ${addon} ${build}.`,
        [{ field: 'configurationValues', message: problems.join('; ') }],
      );
    },
  };
}
export type AddonConfigurations = ReturnType<typeof createAddonConfigurations>;
