import { findCatalogueAddon } from './addonCatalogue.ts';
import { eksErrors } from './eksErrors.ts';
import type { JsonSchema } from './jsonSchemaCheck.ts';

/**
 * What DescribeAddonConfiguration answers per add-on build: the JSON Schema its configuration
 * values must satisfy (the fields EKS documents for each add-on, `additionalProperties: false`
 * as EKS's schemas are) and the service account with its recommended IAM policies.
 */

/** DescribeAddonConfiguration's answer for one build. */
export interface AddonConfiguration {
  addonName: string;
  addonVersion: string;
  schema: JsonSchema;
  podIdentityConfiguration: Array<{ serviceAccount: string; recommendedManagedPolicies: string[] }>;
}

const QUANTITY = '^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$';
const BOOLEAN_TEXT: JsonSchema = { type: 'string', enum: ['true', 'false'] };
const INTEGER_TEXT: JsonSchema = { type: 'string', pattern: '^[0-9]+$' };

const quantities: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    cpu: { type: 'string', pattern: QUANTITY },
    memory: { type: 'string', pattern: QUANTITY },
  },
};

const resources: JsonSchema = {
  type: 'object',
  description: 'Resources of the add-on containers',
  additionalProperties: false,
  properties: { limits: quantities, requests: quantities },
};

const tolerations: JsonSchema = {
  type: 'array',
  description: 'Tolerations of the add-on pods',
  items: {
    type: 'object',
    additionalProperties: false,
    properties: {
      key: { type: 'string' },
      operator: { type: 'string', enum: ['Exists', 'Equal'] },
      value: { type: 'string' },
      effect: { type: 'string', enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
      tolerationSeconds: { type: 'integer', minimum: 0 },
    },
  },
};

const stringMap: JsonSchema = { type: 'object', additionalProperties: { type: 'string' } };

const root = (properties: Record<string, JsonSchema>): JsonSchema => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  properties,
});

const vpcCni = root({
  env: {
    type: 'object',
    description: 'Environment variables of the aws-node container',
    additionalProperties: false,
    properties: {
      AWS_VPC_K8S_CNI_LOGLEVEL: { type: 'string', enum: ['DEBUG', 'INFO', 'WARN', 'ERROR'] },
      AWS_VPC_K8S_CNI_EXTERNALSNAT: BOOLEAN_TEXT,
      AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: BOOLEAN_TEXT,
      ENABLE_PREFIX_DELEGATION: BOOLEAN_TEXT,
      ENABLE_POD_ENI: BOOLEAN_TEXT,
      WARM_ENI_TARGET: INTEGER_TEXT,
      WARM_IP_TARGET: INTEGER_TEXT,
      MINIMUM_IP_TARGET: INTEGER_TEXT,
      WARM_PREFIX_TARGET: INTEGER_TEXT,
      ENI_CONFIG_LABEL_DEF: { type: 'string' },
    },
  },
  enableNetworkPolicy: BOOLEAN_TEXT,
  resources,
  init: { type: 'object', additionalProperties: false, properties: { env: stringMap } },
  nodeAgent: {
    type: 'object',
    additionalProperties: false,
    properties: { enablePolicyEventLogs: BOOLEAN_TEXT, healthProbeBindAddr: INTEGER_TEXT },
  },
  podAnnotations: stringMap,
  tolerations,
});

const coredns = (autoScaling: boolean) =>
  root({
    replicaCount: {
      type: 'integer',
      minimum: 1,
      description: 'Replicas of the coredns deployment',
    },
    resources,
    tolerations,
    nodeSelector: stringMap,
    podAnnotations: stringMap,
    podLabels: stringMap,
    corefile: { type: 'string', description: 'A Corefile that replaces the default one' },
    podDisruptionBudget: {
      type: 'object',
      additionalProperties: false,
      properties: { enabled: { type: 'boolean' }, maxUnavailable: { type: 'integer', minimum: 0 } },
    },
    ...(autoScaling
      ? {
          autoScaling: {
            type: 'object',
            description: 'Scale coredns with the cluster (EKS-managed autoscaling)',
            additionalProperties: false,
            properties: {
              enabled: { type: 'boolean' },
              minReplicas: { type: 'integer', minimum: 2 },
              maxReplicas: { type: 'integer', minimum: 2, maximum: 1000 },
            },
          },
        }
      : {}),
  });

const kubeProxy = root({
  mode: { type: 'string', enum: ['iptables', 'ipvs'], description: 'Proxy mode' },
  ipvs: {
    type: 'object',
    additionalProperties: false,
    properties: { scheduler: { type: 'string', enum: ['rr', 'lc', 'dh', 'sh', 'sed', 'nq'] } },
  },
  resources,
  podAnnotations: stringMap,
});

const ebsCsi = root({
  controller: {
    type: 'object',
    additionalProperties: false,
    properties: {
      replicaCount: { type: 'integer', minimum: 1 },
      resources,
      tolerations,
      nodeSelector: stringMap,
      extraVolumeTags: stringMap,
    },
  },
  node: {
    type: 'object',
    additionalProperties: false,
    properties: { resources, tolerations, tolerateAllTaints: { type: 'boolean' } },
  },
  defaultStorageClass: {
    type: 'object',
    additionalProperties: false,
    properties: { enabled: { type: 'boolean' } },
  },
});

const podIdentityAgent = root({
  agent: {
    type: 'object',
    additionalProperties: false,
    properties: { additionalArgs: stringMap },
  },
  resources,
  tolerations,
});

const cloudWatch = root({
  agent: {
    type: 'object',
    additionalProperties: false,
    properties: { config: { type: 'object' }, resources },
  },
  containerLogs: {
    type: 'object',
    additionalProperties: false,
    properties: { enabled: { type: 'boolean' } },
  },
  tolerations,
});

const podIdentity = (serviceAccount: string, policy: string) => [
  { serviceAccount, recommendedManagedPolicies: [`arn:aws:iam::aws:policy/${policy}`] },
];

function schemaOf(addonName: string, addonVersion: string): JsonSchema {
  switch (addonName) {
    case 'vpc-cni':
      return vpcCni;
    // EKS-managed autoscaling of CoreDNS came with the v1.11 builds.
    case 'coredns':
      return coredns(!addonVersion.startsWith('v1.10.'));
    case 'kube-proxy':
      return kubeProxy;
    case 'aws-ebs-csi-driver':
      return ebsCsi;
    case 'eks-pod-identity-agent':
      return podIdentityAgent;
    default:
      return cloudWatch;
  }
}

function podIdentityOf(addonName: string): AddonConfiguration['podIdentityConfiguration'] {
  switch (addonName) {
    case 'vpc-cni':
      return podIdentity('aws-node', 'AmazonEKS_CNI_Policy');
    case 'aws-ebs-csi-driver':
      return podIdentity('ebs-csi-controller-sa', 'service-role/AmazonEBSCSIDriverPolicy');
    case 'amazon-cloudwatch-observability':
      return podIdentity('cloudwatch-agent', 'CloudWatchAgentServerPolicy');
    default:
      return [];
  }
}

/** The configuration schema of one build of the catalogue; unknown names or builds as EKS refuses them. */
export function describeAddonConfiguration(
  addonName: string,
  addonVersion: string,
): AddonConfiguration {
  const entry = findCatalogueAddon(addonName);
  if (!entry) {
    throw eksErrors.resourceNotFound(`Addon ${addonName} not found`, { addonName });
  }
  if (!entry.versions.some((version) => version.addonVersion === addonVersion)) {
    throw eksErrors.invalidParameter(
      `Addon version ${addonVersion} specified for addon ${addonName} is not supported`,
      { addonName },
    );
  }
  return {
    addonName,
    addonVersion,
    schema: schemaOf(addonName, addonVersion),
    podIdentityConfiguration: podIdentityOf(addonName),
  };
}
