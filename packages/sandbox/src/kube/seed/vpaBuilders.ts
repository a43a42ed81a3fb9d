import { kubeTime } from '../objects/meta.ts';
import type { KubeObject, VerticalPodAutoscaler } from '../objects/types.ts';
import { establishedCrdStatus } from './crdStatus.ts';

/** The Vertical Pod Autoscaler as its manifests install it: the CRD, and VPA objects over workloads. */

/** What a seeded VPA asks for. */
export interface VpaPlan {
  updateMode: NonNullable<VerticalPodAutoscaler['spec']['updatePolicy']>['updateMode'];
  /** One policy for every container ('*'): the bounds the recommendation is capped to. */
  minAllowed?: { cpu?: string; memory?: string };
  maxAllowed?: { cpu?: string; memory?: string };
  /** The simulated CPU load of the target's pods, as a percentage of their requests. */
  cpuPercent?: number;
}

export function verticalPodAutoscaler(
  target: { namespace: string; name: string; kind?: string },
  plan: VpaPlan,
  createdAt: Date,
): VerticalPodAutoscaler {
  const policy =
    plan.minAllowed || plan.maxAllowed
      ? {
          resourcePolicy: {
            containerPolicies: [
              {
                containerName: '*',
                ...(plan.minAllowed ? { minAllowed: plan.minAllowed } : {}),
                ...(plan.maxAllowed ? { maxAllowed: plan.maxAllowed } : {}),
                controlledResources: ['cpu', 'memory'] as Array<'cpu' | 'memory'>,
              },
            ],
          },
        }
      : {};
  return {
    apiVersion: 'autoscaling.k8s.io/v1',
    kind: 'VerticalPodAutoscaler',
    metadata: {
      name: target.name,
      namespace: target.namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: kubeTime(createdAt),
      generation: 1,
    },
    spec: {
      targetRef: { apiVersion: 'apps/v1', kind: target.kind ?? 'Deployment', name: target.name },
      updatePolicy: { updateMode: plan.updateMode },
      ...policy,
    },
    status: {},
  };
}

/** The verticalpodautoscalers.autoscaling.k8s.io definition (its schema left open, as the sandbox checks none). */
export function vpaCustomResourceDefinition(createdAt: Date): KubeObject {
  const names = {
    plural: 'verticalpodautoscalers',
    singular: 'verticalpodautoscaler',
    kind: 'VerticalPodAutoscaler',
    listKind: 'VerticalPodAutoscalerList',
    shortNames: ['vpa'],
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: 'verticalpodautoscalers.autoscaling.k8s.io',
      uid: '',
      resourceVersion: '',
      creationTimestamp: kubeTime(createdAt),
      annotations: {
        'api-approved.kubernetes.io': 'https://github.com/kubernetes/kubernetes/pull/63797',
      },
    },
    spec: {
      group: 'autoscaling.k8s.io',
      names,
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          subresources: { status: {} },
          schema: {
            openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          },
          additionalPrinterColumns: [
            { name: 'Mode', type: 'string', jsonPath: '.spec.updatePolicy.updateMode' },
            {
              name: 'CPU',
              type: 'string',
              jsonPath: '.status.recommendation.containerRecommendations[0].target.cpu',
            },
            {
              name: 'Mem',
              type: 'string',
              jsonPath: '.status.recommendation.containerRecommendations[0].target.memory',
            },
            {
              name: 'Provided',
              type: 'string',
              jsonPath: ".status.conditions[?(@.type=='RecommendationProvided')].status",
            },
            { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
          ],
        },
      ],
      conversion: { strategy: 'None' },
    },
    status: establishedCrdStatus(names, 'v1'),
  };
}
