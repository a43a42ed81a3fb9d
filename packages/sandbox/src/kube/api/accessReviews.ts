import type { ObjectStore } from '../objects/objectStore.ts';
import type { KubeUser, RequestAttributes } from '../auth/authorizer.ts';
import { allows } from '../auth/impersonation.ts';
import { rulesFor } from '../auth/rbac.ts';
import { sendJson, type KubeExchange } from './httpExchange.ts';
import { accessReviewFromProtobuf, isProtobuf, rulesReviewFromProtobuf } from './protobufReview.ts';
import { KubeStatusError, kubeErrors } from './status.ts';

interface ReviewBody {
  spec?: {
    resourceAttributes?: {
      namespace?: string;
      verb?: string;
      group?: string;
      resource?: string;
      subresource?: string;
      name?: string;
    };
    nonResourceAttributes?: { path?: string; verb?: string };
    namespace?: string;
  };
}

const MAX_REVIEW_BYTES = 64 * 1024;

/** A review's body: JSON, or protobuf as kubectl sends built-in kinds. */
async function readReview(
  exchange: KubeExchange,
  fromProtobuf: (body: Buffer) => ReviewBody,
): Promise<ReviewBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of exchange.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REVIEW_BYTES)
      throw new KubeStatusError(413, 'RequestEntityTooLarge', 'the request body is too large');
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  try {
    if (isProtobuf(exchange.req.headers['content-type'])) return fromProtobuf(body);
    return (JSON.parse(body.toString('utf8')) ?? {}) as ReviewBody;
  } catch {
    throw kubeErrors.badRequest("couldn't get version/kind; json parse error: invalid JSON");
  }
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * POST selfsubjectaccessreviews (`kubectl auth can-i`): may the caller (after impersonation) do this?
 * Every authenticated user may ask about itself (system:basic-user), so no authorization first.
 */
export async function serveSelfSubjectAccessReview(
  exchange: KubeExchange,
  store: ObjectStore,
  user: KubeUser,
): Promise<void> {
  if (exchange.method !== 'POST') throw kubeErrors.methodNotAllowed(exchange.method);
  const body = await readReview(exchange, accessReviewFromProtobuf);
  const attributes = body.spec?.resourceAttributes;
  if (!attributes && !body.spec?.nonResourceAttributes) {
    throw kubeErrors.invalid(
      'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
    );
  }
  const namespace = text(attributes?.namespace);
  const subresource = text(attributes?.subresource);
  const name = text(attributes?.name);
  const request: RequestAttributes = {
    verb: text(attributes?.verb) ?? text(body.spec?.nonResourceAttributes?.verb) ?? '',
    group: text(attributes?.group) ?? '',
    resource: text(attributes?.resource) ?? '',
    ...(subresource ? { subresource } : {}),
    ...(namespace ? { namespace } : {}),
    ...(name ? { name } : {}),
  };
  // Non-resource URLs (/healthz, /version) are open to every authenticated user here.
  const allowed = attributes ? allows(store, user, request) : true;
  sendJson(exchange, 201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: body.spec,
    status: allowed ? { allowed: true, reason: 'RBAC: allowed' } : { allowed: false, reason: '' },
  });
}

/**
 * POST selfsubjectrulesreviews (`kubectl auth can-i --list`): the RBAC rules that apply in a
 * namespace. EKS access policies are decided by EKS's own authorizer, which cannot list rules, so a
 * caller holding any says `incomplete`, as the API server does for a webhook authorizer.
 */
export async function serveSelfSubjectRulesReview(
  exchange: KubeExchange,
  store: ObjectStore,
  user: KubeUser,
): Promise<void> {
  if (exchange.method !== 'POST') throw kubeErrors.methodNotAllowed(exchange.method);
  const body = await readReview(exchange, rulesReviewFromProtobuf);
  const namespace = text(body.spec?.namespace);
  if (!namespace) throw kubeErrors.invalid('no namespace on request');
  const rules = rulesFor(store, user, namespace);
  sendJson(exchange, 201, {
    kind: 'SelfSubjectRulesReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: { namespace },
    status: {
      resourceRules: rules
        .filter((rule) => rule.resources)
        .map((rule) => ({
          verbs: rule.verbs,
          apiGroups: rule.apiGroups ?? [],
          resources: rule.resources ?? [],
          ...(rule.resourceNames ? { resourceNames: rule.resourceNames } : {}),
        })),
      nonResourceRules: [
        {
          verbs: ['get'],
          nonResourceURLs: [
            '/healthz',
            '/livez',
            '/readyz',
            '/version',
            '/api',
            '/api/*',
            '/apis',
            '/apis/*',
          ],
        },
      ],
      incomplete: user.grants.length > 0,
    },
  });
}
