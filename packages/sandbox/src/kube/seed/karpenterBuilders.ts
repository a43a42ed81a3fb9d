import { kubeTime } from '../objects/meta.ts';
import type { EC2NodeClass, KubeObject, NodeClaim, NodePool } from '../objects/types.ts';
import { establishedCrdStatus } from './crdStatus.ts';

/**
 * Karpenter as its Helm chart installs it on EKS: the three CRDs of v1, and what a platform team
 * writes next (NodePools and the EC2NodeClass they launch from). The controller in
 * sim/karpenter.ts launches their NodeClaims and keeps the statuses.
 */

/** What a seeded cluster's Karpenter runs: the claims each pool holds when the sandbox starts. */
export interface KarpenterPlan {
  /** Per NodePool name, the instance types of the nodes it has launched (capacity type in the pool's order). */
  nodeClaims: Record<string, Array<{ instanceType: string; capacityType: 'spot' | 'on-demand' }>>;
}

interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  priority?: number;
}

function crd(
  group: string,
  names: { plural: string; kind: string; shortNames?: string[] },
  columns: PrinterColumn[],
  createdAt: Date,
): KubeObject {
  const accepted = {
    categories: ['karpenter'],
    kind: names.kind,
    listKind: `${names.kind}List`,
    plural: names.plural,
    ...(names.shortNames ? { shortNames: names.shortNames } : {}),
    singular: names.kind.toLowerCase(),
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${names.plural}.${group}`,
      uid: '',
      resourceVersion: '',
      creationTimestamp: kubeTime(createdAt),
      annotations: { 'controller-gen.kubebuilder.io/version': 'v0.18.0' },
      labels: { 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/part-of': 'karpenter' },
    },
    spec: {
      group,
      names: accepted,
      scope: 'Cluster',
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          subresources: { status: {} },
          // The sandbox validates no CRD schema: left open, as the VPA's is.
          schema: {
            openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          },
          additionalPrinterColumns: [
            ...columns,
            { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
          ],
        },
      ],
      conversion: { strategy: 'None' },
    },
    status: establishedCrdStatus(accepted, 'v1'),
  };
}

const READY = '.status.conditions[?(@.type=="Ready")].status';

/** nodepools.karpenter.sh, nodeclaims.karpenter.sh and ec2nodeclasses.karpenter.k8s.aws (v1). */
export function karpenterCustomResourceDefinitions(createdAt: Date): KubeObject[] {
  return [
    crd(
      'karpenter.sh',
      { plural: 'nodepools', kind: 'NodePool' },
      [
        { name: 'NodeClass', type: 'string', jsonPath: '.spec.template.spec.nodeClassRef.name' },
        { name: 'Nodes', type: 'string', jsonPath: '.status.resources.nodes' },
        { name: 'Ready', type: 'string', jsonPath: READY },
      ],
      createdAt,
    ),
    crd(
      'karpenter.sh',
      { plural: 'nodeclaims', kind: 'NodeClaim' },
      [
        {
          name: 'Type',
          type: 'string',
          jsonPath: '.metadata.labels.node\\.kubernetes\\.io/instance-type',
        },
        {
          name: 'Capacity',
          type: 'string',
          jsonPath: '.metadata.labels.karpenter\\.sh/capacity-type',
        },
        {
          name: 'Zone',
          type: 'string',
          jsonPath: '.metadata.labels.topology\\.kubernetes\\.io/zone',
        },
        { name: 'Node', type: 'string', jsonPath: '.status.nodeName' },
        { name: 'Ready', type: 'string', jsonPath: READY },
      ],
      createdAt,
    ),
    crd(
      'karpenter.k8s.aws',
      { plural: 'ec2nodeclasses', kind: 'EC2NodeClass', shortNames: ['ec2nc', 'ec2ncs'] },
      [
        { name: 'Ready', type: 'string', jsonPath: READY },
        { name: 'Role', type: 'string', jsonPath: '.spec.role', priority: 1 },
      ],
      createdAt,
    ),
  ];
}

const meta = (name: string, createdAt: Date) => ({
  name,
  uid: '',
  resourceVersion: '',
  creationTimestamp: kubeTime(createdAt),
  generation: 1,
  annotations: { 'karpenter.sh/nodepool-hash-version': 'v3' },
});

const NODE_CLASS_REF = { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: 'default' };

/** The general-purpose pool: spot or on-demand c/m/r of generation 5 on, consolidated when underused. */
export function defaultNodePool(createdAt: Date): NodePool {
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: meta('default', createdAt),
    spec: {
      template: {
        metadata: { labels: { 'workload-tier': 'general' } },
        spec: {
          nodeClassRef: NODE_CLASS_REF,
          requirements: [
            { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot', 'on-demand'] },
            { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
            { key: 'karpenter.k8s.aws/instance-category', operator: 'In', values: ['c', 'm', 'r'] },
            { key: 'karpenter.k8s.aws/instance-generation', operator: 'Gt', values: ['4'] },
          ],
          expireAfter: '720h',
        },
      },
      disruption: {
        consolidationPolicy: 'WhenEmptyOrUnderutilized',
        consolidateAfter: '1m',
        budgets: [{ nodes: '10%' }],
      },
      limits: { cpu: '1000', memory: '1000Gi' },
      weight: 10,
    },
    status: {},
  };
}

/** GPU nodes for the ranking models: on-demand g5 only, tainted so that only GPU pods land there. */
export function gpuNodePool(createdAt: Date): NodePool {
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: meta('gpu', createdAt),
    spec: {
      template: {
        metadata: { labels: { 'workload-tier': 'gpu' } },
        spec: {
          nodeClassRef: NODE_CLASS_REF,
          requirements: [
            { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] },
            { key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['g5'] },
          ],
          taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
          expireAfter: '336h',
        },
      },
      disruption: {
        consolidationPolicy: 'WhenEmpty',
        consolidateAfter: '10m',
        budgets: [{ nodes: '1' }, { nodes: '0', schedule: '0 9 * * mon-fri', duration: '8h' }],
      },
      limits: { cpu: '64', memory: '256Gi', 'nvidia.com/gpu': '8' },
    },
    status: {},
  };
}

/** The EC2NodeClass both pools launch from: AL2023, the cluster's node role, discovery-tagged network. */
export function defaultNodeClass(clusterName: string, createdAt: Date): EC2NodeClass {
  const discovery = { 'karpenter.sh/discovery': clusterName };
  return {
    apiVersion: 'karpenter.k8s.aws/v1',
    kind: 'EC2NodeClass',
    metadata: {
      ...meta('default', createdAt),
      annotations: { 'karpenter.k8s.aws/ec2nodeclass-hash-version': 'v4' },
      finalizers: ['karpenter.k8s.aws/termination'],
    },
    spec: {
      amiSelectorTerms: [{ alias: 'al2023@latest' }],
      role: `KarpenterNodeRole-${clusterName}`,
      subnetSelectorTerms: [{ tags: discovery }],
      securityGroupSelectorTerms: [{ tags: discovery }],
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpProtocolIPv6: 'disabled',
        httpPutResponseHopLimit: 1,
        httpTokens: 'required',
      },
      tags: { team: 'search', 'managed-by': 'karpenter' },
    },
    status: {},
  };
}

/** A NodeClaim of the pool, as Karpenter's provisioner writes it for the type it chose. */
export function nodeClaim(
  pool: NodePool,
  name: string,
  choice: { instanceType: string; capacityType: 'spot' | 'on-demand' },
  createdAt: Date,
): NodeClaim {
  const template = pool.spec.template;
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodeClaim',
    metadata: {
      name,
      uid: '',
      resourceVersion: '',
      creationTimestamp: kubeTime(createdAt),
      generation: 1,
      labels: {
        ...(template.metadata?.labels ?? {}),
        'karpenter.sh/nodepool': pool.metadata.name,
        'karpenter.k8s.aws/ec2nodeclass': template.spec.nodeClassRef.name,
      },
      annotations: {
        'karpenter.sh/nodepool-hash-version': 'v3',
        'karpenter.k8s.aws/tagged': 'true',
      },
      finalizers: ['karpenter.sh/termination'],
      ownerReferences: [
        {
          apiVersion: 'karpenter.sh/v1',
          kind: 'NodePool',
          name: pool.metadata.name,
          uid: pool.metadata.uid,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      nodeClassRef: template.spec.nodeClassRef,
      requirements: [
        ...template.spec.requirements.filter(
          (r) =>
            r.key !== 'karpenter.sh/capacity-type' && r.key !== 'node.kubernetes.io/instance-type',
        ),
        { key: 'karpenter.sh/nodepool', operator: 'In', values: [pool.metadata.name] },
        { key: 'karpenter.sh/capacity-type', operator: 'In', values: [choice.capacityType] },
        { key: 'node.kubernetes.io/instance-type', operator: 'In', values: [choice.instanceType] },
      ],
      ...(template.spec.taints ? { taints: template.spec.taints } : {}),
      ...(template.spec.expireAfter ? { expireAfter: template.spec.expireAfter } : {}),
      resources: { requests: { cpu: '1250m', memory: '2Gi', pods: '6' } },
    },
    status: {},
  };
}

/** The search cluster's Karpenter: a busy general pool and one GPU node for the ranking model. */
export const SEARCH_KARPENTER: KarpenterPlan = {
  nodeClaims: {
    default: [
      { instanceType: 'm6i.2xlarge', capacityType: 'spot' },
      { instanceType: 'c6i.2xlarge', capacityType: 'spot' },
      { instanceType: 'm6i.xlarge', capacityType: 'on-demand' },
    ],
    gpu: [{ instanceType: 'g5.2xlarge', capacityType: 'on-demand' }],
  },
};
